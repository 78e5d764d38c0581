"""The translation endpoint: ``POST /translate`` on 127.0.0.1, a stdlib HTTP server in a thread of the studio.

Why a thread and not a job: the endpoint logs every translation it serves, and only the process that holds
``studio.duckdb`` may write it (DuckDB lets one process hold the file). A job would have to hand its log back
through files for the studio to ingest, and would load the model a second time; a thread of the studio writes the
log directly and shares the models the Translate page already loaded. ``python -m engine serve`` runs the same
server in the foreground when the studio is not running (it then holds the store itself).

Requests (JSON, at most :data:`MAX_BODY_BYTES`): ``{"text": "...", "pair": "en-ar"}`` or
``{"texts": ["...", ...], "pair": "fr-ar"}``, optionally ``"model": "<registered policy>"`` (default: the production
model). Answer 200: ``{"model": ..., "pair": ..., "translations": [{"source", "translation", "reward", "qe",
"degenerate", "flags", "log_id"}]}``. A bad request gets 400 (413 when too large, 415 without
``Content-Type: application/json``, 408 when it has not arrived within :data:`READ_TIMEOUT_S`) with
``{"error": "<reason>"}``; a request from a web page 403 or 421 (:func:`browser_request_problem`);
no production model 503; an unexpected failure 500 with a one-line reason — never a traceback.
``GET /health`` answers ``{"status": "ok"}``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from engine.corpora.validation import unreadable_json
from engine.models.loading import ModelLoadError
from engine.monitor.serving import NoModelError, RequestError, check_texts, translate_texts
from engine.store import StoreError
from engine.wording import one_line

HOST = "127.0.0.1"
"""The only address the endpoint listens on: it has no sign-in, so nothing beyond this machine may reach it."""
DEFAULT_PORT = 8502
MAX_BODY_BYTES = 64 * 1024
"""Largest request body accepted (32 texts of 1,000 characters fit in UTF-8 Arabic or French)."""
READ_TIMEOUT_S = 30.0
"""Seconds a request — its line, headers and body, sent however slowly — may take to arrive (and an idle kept-alive
connection may wait) before the connection is dropped."""
MAX_CONNECTIONS = 32
"""Connections served at once; one more is answered 503 and closed (each connection holds a thread)."""
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
"""``Host`` header names accepted (with any port): another name is a page that rebound its DNS name to 127.0.0.1."""
KEYS = ("text", "texts", "pair", "model")
LOG = logging.getLogger(__name__)

Translate = Callable[[list[str], str, str | None], tuple[str, list[Any]]]
"""``translate(texts, pair, model)`` → (model name, served texts); the server is given one bound to a store."""


def _object_naming_each_key_once(pairs: list[tuple[str, Any]]) -> dict:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:  # json keeps the last value silently: which text was meant is ambiguous
            raise RequestError(f"the body names {key!r} twice")
        seen.add(key)
    return dict(pairs)


def parse_request(body: bytes) -> tuple[list[str], str, str | None]:
    """The checked (texts, pair, model) of a request body; a :class:`RequestError` says what is wrong."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(f"the body is not UTF-8 (byte {exc.start})") from None
    try:
        data = json.loads(text, object_pairs_hook=_object_naming_each_key_once)
    except json.JSONDecodeError as exc:
        raise RequestError(f"the body is not valid JSON: line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:  # valid JSON Python will not read (a huge number, deep nesting)
        raise RequestError(f"the body: {unreadable_json(exc)}") from None
    if not isinstance(data, dict):
        raise RequestError('the body must be a JSON object with "text" or "texts" and "pair"')
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise RequestError(f"unknown field {unknown[0]!r} (expected {', '.join(KEYS)})")
    if ("text" in data) == ("texts" in data):
        raise RequestError('give either "text" (one string) or "texts" (a list of strings)')
    texts = check_texts([data["text"]] if "text" in data else data["texts"])
    pair = data.get("pair")
    if not isinstance(pair, str) or not pair:
        raise RequestError('"pair" is required: "en-ar" or "fr-ar"')
    model = data.get("model")
    if model is not None and (not isinstance(model, str) or not model.strip()):
        raise RequestError('"model" must be the name of a registered model')
    return texts, pair, model.strip() if model else None


def browser_request_problem(headers: Any) -> tuple[int, str] | None:
    """Why a request that looks like a web page's is refused, as (status, reason), or ``None``.

    The endpoint has no sign-in and no page of its own, so a browser has no business calling it: a page on any
    site the user opens could otherwise translate on this machine and write its texts into the translation log,
    which feeds the linguists' review queues and retraining. Browsers send ``Origin`` with a cross-site POST;
    a form or a ``no-cors`` fetch cannot send ``Content-Type: application/json`` without a CORS preflight, which
    the endpoint never grants; and a page that rebinds its own DNS name to 127.0.0.1 sends its name as ``Host``."""
    for name in ("Host", "Origin", "Content-Length", "Content-Type"):
        if len(headers.get_all(name) or ()) > 1:  # the first was checked and another could be used
            return 400, f"the request has more than one {name} header"
    host = (headers.get("Host") or "").strip().lower()
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if host and name not in LOOPBACK_HOSTS:  # (no Host at all: an HTTP/1.0 program; browsers always send one)
        return 421, f"Host {host!r} is not this machine's loopback address (127.0.0.1 or localhost)"
    if headers.get("Origin") is not None:
        return 403, "requests from web pages (with an Origin header) are refused: call the endpoint from a program"
    return None


ROUTES = {"/translate": "POST", "/health": "GET"}
"""The endpoint's paths and the method each takes."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "TarjamaEndpoint/1"
    protocol_version = "HTTP/1.1"
    timeout = READ_TIMEOUT_S  # a client that announces more body than it sends no longer holds its thread forever

    def setup(self) -> None:
        """The socket's own per-read timeout a little past the request's deadline: at the same instant (on a busy
        machine) it won the race, and a request stalled mid-header was closed without its 408."""
        super().setup()
        self.connection.settimeout(self.timeout + 5)

    def handle_one_request(self) -> None:
        """One request, with ``timeout`` (:data:`READ_TIMEOUT_S`) for all of it to arrive: the socket's own timeout
        is per read, so a header line or a body byte every few seconds held the thread for good."""
        self._deadline = threading.Timer(self.timeout, self._drop)
        self._deadline.daemon = True
        self._deadline.start()
        try:
            super().handle_one_request()
        finally:
            self._deadline.cancel()

    _timed_out = False

    def _drop(self) -> None:
        """Stop reading the request (the reads see its end); the refusal can still be written."""
        self._timed_out = True  # what was read is cut short: answered 408, not judged as if whole
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RD)

    def _late(self) -> bool:
        """Refuse a request whose deadline passed while it was read (a header cut mid-line was parsed as whole and
        answered 411); True when refused."""
        if self._timed_out:
            self._refuse(408, f"the request did not arrive within {self.timeout:g} s")
        return self._timed_out

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals as JSON like every other answer (they were HTML pages): a malformed request
        line, a URL or headers too long, and a method it has no handler for — on a known path a 405 naming the one
        that path takes, else a 404."""
        if self._late():
            return
        if code == HTTPStatus.NOT_IMPLEMENTED and getattr(self, "command", None):
            self._not_routed(self.command)
            return
        # a request line it could not read leaves the version at HTTP/0.9, whose answers have no status line and
        # no headers: a bare JSON body that curl refused to read
        self.request_version = "HTTP/1.1"
        self._refuse(int(code), message or self.responses.get(code, ("error",))[0])

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 — the base class names it so
        LOG.info("%s %s", self.address_string(), format % args)

    def _answer(self, status: int, payload: dict, headers: dict[str, str] | None = None) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":  # a HEAD answer has headers only
            self.wfile.write(body)

    def _refuse(self, status: int, reason: str, headers: dict[str, str] | None = None) -> None:
        self.close_connection = True
        self._answer(status, {"error": reason}, headers)

    def _not_routed(self, method: str) -> bool:
        """Refuse a path this method does not serve: 405 naming the method that does (``GET /translate`` said "no
        such endpoint '/translate'"), else 404; True when refused."""
        path = self.path.split("?")[0]
        allowed = ROUTES.get(path)
        if allowed == method:
            return False
        if allowed is not None:
            self._refuse(405, f"{path} takes {allowed}, not {method}: {allowed} {path}", {"Allow": allowed})
        else:
            self._refuse(404, f"no such endpoint {path!r}: POST /translate or GET /health")
        return True

    def do_GET(self) -> None:  # noqa: N802 — http.server's naming
        self._deadline.cancel()
        if self._late():
            return
        if problem := browser_request_problem(self.headers):
            self._refuse(*problem)
        elif not self._not_routed("GET"):
            self._answer(200, {"status": "ok"})

    def do_POST(self) -> None:  # noqa: N802
        if self._late():
            return
        if problem := browser_request_problem(self.headers):
            self._refuse(*problem)
            return
        if self._not_routed("POST"):
            return
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media_type != "application/json":
            self._refuse(415, f"send the body as Content-Type: application/json, not {media_type or 'none'!r}")
            return
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length is None:
            self._refuse(411, "send the body with a Content-Length header (no chunked encoding)")
            return
        if not (length.isascii() and length.strip().isdigit()):  # int() took "+47" and "4_7"
            self._refuse(400, f"Content-Length is not a number: {length!r}")
            return
        size = int(length)
        if size > MAX_BODY_BYTES or size < 0:
            self._refuse(413, f"the body is {size} bytes; at most {MAX_BODY_BYTES} are accepted")
            return
        try:
            body = self.rfile.read(size)
        except (TimeoutError, OSError):
            body = b""
        self._deadline.cancel()  # the translation itself may take longer
        if len(body) < size:
            self._refuse(408, f"the request did not arrive within {self.timeout:g} s")
            return
        try:
            texts, pair, model = parse_request(body)
            name, served = self.server.translate(texts, pair, model)
        except RequestError as exc:
            self._refuse(400, str(exc))
        except (NoModelError, ModelLoadError) as exc:  # no production model; its folder gone or unreadable
            self._refuse(503, str(exc))
        except StoreError as exc:
            self._refuse(503, str(exc))
        except (ValueError, LookupError) as exc:  # e.g. the model's folder is gone, a bad strategy
            self._refuse(400, str(exc))
        except Exception as exc:  # noqa: BLE001 — the client and the console get one line, the debug log the rest
            reason = one_line(exc)
            LOG.error("translation endpoint: request failed: %s", reason)
            LOG.debug("translation endpoint: request failed", exc_info=True)
            self._refuse(500, f"the translation failed: {reason}")
        else:
            self._answer(200, {"model": name, "pair": pair, "translations": [s.to_json() for s in served]})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 2 * MAX_CONNECTIONS
    """The listen backlog: socketserver's 5 reset a burst of 30 clients' connections before any was accepted."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer is no error worth a traceback on the console; anything else is
        logged with its traceback (socketserver printed both to stderr)."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            LOG.info("translation endpoint: %s went away", client_address[0])
        else:
            LOG.exception("translation endpoint: request from %s failed", client_address[0])

    def __init__(self, port: int, translate: Translate) -> None:
        self.translate = translate
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__((HOST, port), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection in a thread of its own, or answer 503 when :data:`MAX_CONNECTIONS` are served."""
        if not self._slots.acquire(blocking=False):
            LOG.warning("translation endpoint: %d connections already open; refused %s", MAX_CONNECTIONS,
                        client_address[0])
            body = json.dumps({"error": f"busy: {MAX_CONNECTIONS} connections are open; try again"}).encode()
            try:
                request.settimeout(1)
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n"
                                + body)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()


class TranslationEndpoint:
    """The endpoint's server and its thread: :meth:`start`, :meth:`stop`, :attr:`url`."""

    def __init__(self, store, *, port: int = DEFAULT_PORT, translate: Translate | None = None) -> None:
        self.store = store
        self.port = int(port)
        self._translate = translate or (lambda texts, pair, model: translate_texts(store, texts, pair, model))
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """Whether the server thread is serving."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        """Where to send requests (the port actually bound, when 0 asked for a free one)."""
        return f"http://{HOST}:{self.port}/translate"

    def start(self) -> str:
        """Listen on 127.0.0.1 and serve in a daemon thread (idempotent); returns :attr:`url`.

        A port already in use raises an ``OSError`` whose message says so."""
        if self.running:
            return self.url
        try:
            self._server = _Server(self.port, self._translate)
        except OSError as exc:
            raise OSError(f"cannot listen on {HOST}:{self.port} ({exc.strerror or exc}); choose another port") from exc
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="tarjama-endpoint", daemon=True)
        self._thread.start()
        return self.url

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = self._thread = None
