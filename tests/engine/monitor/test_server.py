"""The translation endpoint: real HTTP requests on 127.0.0.1 to the server thread, with the tiny model."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import time
import urllib.error
import urllib.request

import pytest

from engine.monitor.server import HOST, MAX_BODY_BYTES, TranslationEndpoint, parse_request
from engine.monitor.serving import MAX_TEXTS, RequestError
from engine.monitor.settings import MonitorSettings, save_settings


def post(url: str, body: bytes | dict, headers: dict | None = None) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json", **(headers or {})}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture
def endpoint(store):
    server = TranslationEndpoint(store, port=0)
    server.start()
    yield server
    server.stop()


def test_translate_with_the_production_model_over_http_logs_every_text(store, endpoint, tiny_policy, tiny_rm):
    store.models.register(
        tiny_policy,
        "policy",
        store.models.get(tiny_policy)["path"],
        stage="production",
        metadata={"prompt_format": "tags"},
    )
    save_settings(store, MonitorSettings(review_rate=1.0))
    assert endpoint.url.startswith(f"http://{HOST}:") and endpoint.port > 0
    status, answer = post(endpoint.url, {"text": "The cat is on the table.", "pair": "en-ar"})
    assert status == 200, answer
    assert answer["model"] == tiny_policy and answer["pair"] == "en-ar"
    [one] = answer["translations"]
    assert one["source"] == "The cat is on the table." and isinstance(one["translation"], str)
    assert isinstance(one["reward"], float) and isinstance(one["degenerate"], bool) and isinstance(one["cut"], bool)
    # a translation stopped at the token limit says it may be cut, as the Translate page and batch files do
    from engine.monitor.serving import translate_texts

    _, [short] = translate_texts(store, ["The cat is on the table."], "en-ar", max_new_tokens=2)
    assert short.cut and short.to_json()["cut"] is True
    status, answer = post(
        endpoint.url, {"texts": ["Où est la gare ?", "Il fait beau."], "pair": "fr-ar", "model": tiny_policy}
    )
    assert status == 200 and len(answer["translations"]) == 2
    rows = [r for r in store.translation_log.entries(origins=["endpoint"]) if r["id"] != short.log_id]
    assert [r["source"] for r in rows] == ["The cat is on the table.", "Où est la gare ?", "Il fait beau."]
    assert [r["id"] for r in rows] == [one["log_id"]] + [t["log_id"] for t in answer["translations"]]
    assert all(r["model"] == tiny_policy and r["rm"] == tiny_rm for r in rows)
    assert rows[0]["output"] == one["translation"] and rows[0]["reward"] == pytest.approx(one["reward"])
    assert store.translation_log.sampled_count() == 4
    with urllib.request.urlopen(endpoint.url.replace("/translate", "/health"), timeout=10) as answer:
        assert json.loads(answer.read()) == {"status": "ok"}


def test_a_reward_model_the_settings_name_that_is_gone_is_the_servers_fault_not_the_clients(store, endpoint,
                                                                                          tiny_policy):
    # settings stored before they were checked named an unknown reward model: every request got 400 "no registered
    # model", blaming a client that named none
    store.translation_log.save_settings({**vars(MonitorSettings()), "reward_model": "no-such-rm"})
    status, answer = post(endpoint.url, {"text": "The cat is on the table.", "pair": "en-ar", "model": tiny_policy})
    assert status == 503 and "reward model 'no-such-rm' is not registered" in answer["error"]
    assert store.translation_log.count() == 0


def test_bad_requests_get_400_with_a_reason_and_nothing_is_logged(store, endpoint, tiny_policy):
    cases = [
        (b"{not json", "not valid JSON: line 1, column 2"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        ({"pair": "en-ar"}, 'either "text"'),
        ({"text": "Hi", "texts": ["Hi"], "pair": "en-ar"}, 'either "text"'),
        ({"text": "Hi"}, '"pair" is required'),
        ({"text": "Hi", "pair": "de-ar"}, "must be one of en-ar, fr-ar"),
        ({"text": "   ", "pair": "en-ar"}, "the text is empty"),
        ({"texts": ["ok", 3], "pair": "en-ar"}, "text 2 is not a string"),
        ({"texts": [], "pair": "en-ar"}, "non-empty list"),
        ({"texts": ["a"] * (MAX_TEXTS + 1), "pair": "en-ar"}, f"at most {MAX_TEXTS} texts"),
        ({"text": "x" * 1001, "pair": "en-ar"}, "longer than 1000 characters"),
        ({"text": "bell \x07", "pair": "en-ar"}, "contains a control character (U+0007)"),
        ({"text": "Hi \u202e", "pair": "en-ar"}, "contains a bidirectional control character (U+202E)"),
        ({"text": "مرحبا", "pair": "en-ar"}, "the text is in Arabic script"),
        (b'{"text": "Hi", "text": "Bye", "pair": "en-ar"}', "the body names 'text' twice"),
        ({"text": "Hi", "pair": "en-ar", "modle": "x"}, "unknown field 'modle'"),
        ({"text": "Hi", "pair": "en-ar", "model": "nope"}, "no registered model named 'nope'"),
        (b"[" * 30_000, "nested too deeply"),  # a 500 (RecursionError) before
        (b'{"text": "Hi", "pair": "en-ar", "n": ' + b"1" * 5000 + b"}", "cannot be read (Exceeds the limit"),
    ]
    for body, reason in cases:
        status, answer = post(endpoint.url, body)
        assert status == 400 and reason in answer["error"], (body, answer)
        assert "Traceback" not in answer["error"]
    status, answer = post(endpoint.url, {"text": "Hi", "pair": "en-ar"})  # no production model yet
    assert status == 503 and "no production model" in answer["error"]
    status, answer = post(endpoint.url, b"x" * (MAX_BODY_BYTES + 1))
    assert status == 413 and str(MAX_BODY_BYTES) in answer["error"]
    status, answer = post(endpoint.url.replace("/translate", "/admin"), {"text": "Hi", "pair": "en-ar"})
    assert status == 404
    # a known path with the other method: the method it takes (GET /translate said "no such endpoint")
    with pytest.raises(urllib.error.HTTPError) as wrong:
        urllib.request.urlopen(endpoint.url, timeout=10)
    assert wrong.value.code == 405 and wrong.value.headers["Allow"] == "POST"
    assert json.loads(wrong.value.read())["error"] == "/translate takes POST, not GET: POST /translate"
    status, answer = post(endpoint.url.replace("/translate", "/health"), {})
    assert status == 405 and answer["error"].startswith("/health takes GET")
    assert store.translation_log.count() == 0


def _read_all(conn: socket.socket) -> str:
    """Everything the server sends until it closes (the head and the body may come in two reads)."""
    chunks = []
    while chunk := conn.recv(4096):
        chunks.append(chunk)
    return b"".join(chunks).decode()


@contextlib.contextmanager
def _quick_endpoint(store, monkeypatch, timeout: float = 30.0):
    """An endpoint that translates nothing, whose requests must arrive within ``timeout`` seconds."""
    from engine.monitor import server as server_module

    monkeypatch.setattr(server_module._Handler, "timeout", timeout)
    endpoint = TranslationEndpoint(store, port=0, translate=lambda texts, pair, model: ("m", []))
    endpoint.start()
    try:
        yield endpoint
    finally:
        endpoint.stop()


def test_a_body_that_never_arrives_is_a_408_and_frees_the_thread(store, monkeypatch):
    # a Content-Length larger than the body held the connection open for good
    with _quick_endpoint(store, monkeypatch, 0.5) as endpoint, \
            socket.create_connection(("127.0.0.1", endpoint.port), timeout=10) as conn:
        conn.sendall(b"POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{")
        answer = _read_all(conn)  # the server closes after a refusal
    assert answer.startswith("HTTP/1.1 408") and "did not arrive within 0.5 s" in answer


def test_a_request_sent_a_line_at_a_time_is_dropped_at_the_deadline(store, monkeypatch):
    # the socket's timeout is per read: a header line every few seconds held the thread for good
    with _quick_endpoint(store, monkeypatch, 1.0) as endpoint, \
            socket.create_connection(("127.0.0.1", endpoint.port), timeout=30) as conn:
        start = time.monotonic()
        conn.sendall(b"POST /translate HTTP/1.1\r\n")
        dropped = False
        for n in range(40):  # a header every 0.25 s (each read well within 1 s), 10 s in all unless dropped
            try:
                conn.sendall(f"X-Slow-{n}: 1\r\n".encode())
                readable, _, _ = select.select([conn], [], [], 0.25)
                # closed, or an answer on the way: the server stopped waiting for the rest of this request (on a
                # busy machine the answer to the headers cut at the deadline may arrive before the close)
                dropped = bool(readable)
            except OSError:  # reset: dropped
                dropped = True
            if dropped:
                break
        assert dropped and time.monotonic() - start < 6


def test_headers_cut_at_the_deadline_are_a_408_not_judged_as_whole(store, monkeypatch):
    # a header cut mid-line was parsed as if complete and answered "411 send a Content-Length" after the deadline
    with _quick_endpoint(store, monkeypatch, 0.5) as endpoint, \
            socket.create_connection(("127.0.0.1", endpoint.port), timeout=10) as conn:
        conn.sendall(b"POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Len")
        answer = _read_all(conn)
    assert answer.startswith("HTTP/1.1 408") and '"error"' in answer


@pytest.mark.parametrize(("request_bytes", "status", "reason"), [
    (b"HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405, None),
    (b"PUT /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", 405, "takes POST, not PUT"),
    (b"OPTIONS /translate HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 405, "takes POST, not OPTIONS"),
    (b"DELETE /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 404, "no such endpoint"),
    # a request line it cannot read was answered as HTTP/0.9: a bare body without a status line, which curl refused
    (b"NONSENSE\r\n\r\n", 400, "Bad request syntax"),
    (b"POST /translate HTTP/2.0\r\n\r\n", 505, None),
    # int() read these: a sign and an underscore are no Content-Length
    (b"POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: +2\r\n\r\n"
     b"{}", 400, "Content-Length is not a number"),
    (b"POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 0_2\r\n"
     b"\r\n{}", 400, "Content-Length is not a number"),
    (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414, None),
    (b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n", 400, "more than one Host"),
    (b"POST /translate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
     b"Content-Length: 100\r\n\r\n{}", 400, "more than one Content-Length"),
])
def test_every_refusal_is_json_even_http_servers_own(store, monkeypatch, request_bytes, status, reason):
    # http.server answered a method it has no handler for (501), a bad request line (400), a long URL (414) with HTML
    # pages; a second Host header was not looked at
    with _quick_endpoint(store, monkeypatch, 10.0) as endpoint, \
            socket.create_connection(("127.0.0.1", endpoint.port), timeout=30) as conn:
        conn.sendall(request_bytes)
        answer = _read_all(conn)
    head, _, body = answer.partition("\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status}") or head.startswith(f"HTTP/1.0 {status}"), head
    assert "application/json" in head and "text/html" not in head
    if request_bytes.startswith(b"HEAD"):
        assert body == "" and "Allow: GET" in head
    else:
        assert reason is None or reason in json.loads(body)["error"], body


@pytest.mark.parametrize(("headers", "status", "reason"), [
    ({"Origin": "http://evil.example"}, 403, "web pages"),
    ({"Host": "evil.example:8502"}, 421, "not this machine's loopback"),
    ({"Content-Type": "text/plain"}, 415, "application/json"),
])
def test_requests_a_web_page_could_send_are_refused_and_nothing_is_logged(store, monkeypatch, headers, status,
                                                                          reason):
    # a page on any site could POST text/plain without a preflight, and DNS rebinding sends the page's own Host
    with _quick_endpoint(store, monkeypatch) as endpoint:
        code, answer = post(endpoint.url, {"text": "INJECTED", "pair": "en-ar"}, headers)
    assert code == status and reason in answer["error"]
    assert store.translation_log.count() == 0


def test_connections_past_the_limit_get_503_and_the_others_are_served(store, monkeypatch):
    from engine.monitor import server as server_module

    monkeypatch.setattr(server_module, "MAX_CONNECTIONS", 2)
    with _quick_endpoint(store, monkeypatch) as endpoint:
        idle = [socket.create_connection(("127.0.0.1", endpoint.port), timeout=30) for _ in range(2)]
        time.sleep(0.5)  # both accepted and held by their threads
        with socket.create_connection(("127.0.0.1", endpoint.port), timeout=30) as third:
            assert _read_all(third).startswith("HTTP/1.1 503")
        for conn in idle:
            conn.close()
        deadline = time.monotonic() + 30
        while True:  # the slots come back when the idle connections close
            code, _ = post(endpoint.url.replace("/translate", "/health"), b"", {})
            if code != 503 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
    assert code != 503


def test_an_unexpected_failure_is_a_500_with_one_line_and_no_traceback_on_the_console(store, caplog):
    # `engine serve` printed the traceback on its console, and the client read "see the studio's log" where there
    # is no studio
    import logging

    def broken(texts, pair, model):
        raise RuntimeError("boom\nTraceback (most recent call last): secret")

    server = TranslationEndpoint(store, port=0, translate=broken)
    server.start()
    try:
        with caplog.at_level(logging.INFO, logger="engine.monitor.server"):
            status, answer = post(server.url, {"text": "Hi", "pair": "en-ar"})
    finally:
        server.stop()
    assert status == 500 and answer == {"error": "the translation failed: RuntimeError: boom"}
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO and "failed" in r.getMessage()] == [
        "translation endpoint: request failed: RuntimeError: boom"]
    assert not any(r.exc_info for r in caplog.records if r.levelno > logging.DEBUG)


def test_a_model_folder_that_is_gone_is_a_503_with_its_reason(store):
    # a ModelLoadError is no ValueError: it was a 500 "see the studio's log", the reason only in a traceback
    from engine.models.loading import ModelLoadError

    def gone(texts, pair, model):
        raise ModelLoadError("model folder /x/demo-sft does not exist")

    server = TranslationEndpoint(store, port=0, translate=gone)
    server.start()
    try:
        status, answer = post(server.url, {"text": "Hi", "pair": "en-ar"})
    finally:
        server.stop()
    assert status == 503 and answer == {"error": "model folder /x/demo-sft does not exist"}


def test_the_listen_backlog_holds_a_burst_of_clients_up_to_the_connection_limit():
    # socketserver's backlog of 5 reset 4–18 of 30 clients posting at once, well under the 32 connections served
    from engine.monitor.server import MAX_CONNECTIONS, _Server

    assert _Server.request_queue_size >= MAX_CONNECTIONS


def test_it_listens_on_loopback_only_and_stops(store):
    server = TranslationEndpoint(store, port=0)
    server.start()
    port = server.port
    assert server._server.server_address[0] == "127.0.0.1"
    server.stop()
    assert not server.running
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        with pytest.raises(OSError, match="choose another port"):
            TranslationEndpoint(store, port=busy.getsockname()[1]).start()
    finally:
        busy.close()


def test_parse_request_keeps_the_texts_whitespace_normalised():
    assert parse_request(b'{"text": "  The  cat. ", "pair": "en-ar"}') == (["The cat."], "en-ar", None)
    with pytest.raises(RequestError, match='"model" must be'):
        parse_request(b'{"text": "a", "pair": "en-ar", "model": 5}')


def test_the_command_line_serves_until_stopped(workspace):
    import os
    import re
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "engine", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TARJAMA_HOME": str(workspace.root)},
    )
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/translate", line)
        assert match, (line, proc.stderr.read() if proc.poll() is not None else "")
        status, answer = post(match.group(0), {"text": "Hi", "pair": "en-ar"})
        assert status == 503 and "no production model" in answer["error"]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
