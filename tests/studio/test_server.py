"""The studio's entry point: 127.0.0.1 and usage statistics off however it is started (issue 19, item 2).

Started as ``streamlit run <repo>/studio/app.py`` from another folder, the studio listened on every interface
(IPv4 and IPv6) with usage statistics on, because its settings lived only in ``./.streamlit/config.toml``. These
tests start it through ``python -m studio`` from a folder whose own ``.streamlit/config.toml`` and environment
ask for the opposite, and check the listening sockets (psutil and ``ss``) and what the server tells a browser.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from importlib import import_module
from pathlib import Path

import psutil
import pytest

from studio import server
from studio.running import STACK_DUMP_MARK

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_CONFIG = """
[server]
address = "0.0.0.0"
port = 1
enableXsrfProtection = false
[browser]
gatherUsageStats = true
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Started:
    """A studio process started by ``python -m studio ARGS`` in ``folder``; its output is in ``log``."""

    def __init__(self, folder: Path, args: list[str], port: int, module: str = "studio") -> None:
        self.port, self.log = port, folder / "studio.log"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TARJAMA_HOME": str(folder / "workspace"), "TARJAMA_WATCHER": "0",
               "HF_HUB_OFFLINE": "1", "PYTHONUNBUFFERED": "1",
               # what a hostile environment could say; the entry point's flags outrank it
               "STREAMLIT_SERVER_ADDRESS": "0.0.0.0", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "true",
               "STREAMLIT_SERVER_ENABLE_CORS": "false"}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", module, *args], cwd=folder, env=env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)

    def wait_healthy(self, host: str = "127.0.0.1", timeout_s: float = 180) -> None:
        """Wait for the server's own health endpoint (not a fixed sleep); fail early if the process died."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the studio exited with {self.proc.returncode}: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(f"http://{host}:{self.port}/_stcore/health", timeout=5) as resp:
                    if resp.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"the studio did not answer within {timeout_s} s: {self.log.read_text()}")

    def listening(self) -> set[str]:
        """The addresses this process (and any child) listens on at the studio's port, by psutil."""
        procs = [psutil.Process(self.proc.pid), *psutil.Process(self.proc.pid).children(recursive=True)]
        return {c.laddr.ip for p in procs for c in p.net_connections(kind="inet")
                if c.status == psutil.CONN_LISTEN and c.laddr.port == self.port}

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the repository whose own Streamlit config asks for every interface and usage stats."""
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text(HOSTILE_CONFIG)
    return tmp_path


@pytest.fixture
def started(elsewhere: Path) -> Iterator[Started]:
    port = _free_port()
    studio = Started(elsewhere, ["--port", str(port)], port)
    try:
        studio.wait_healthy()
        yield studio
    finally:
        studio.stop()


def ss_listeners(port: int) -> set[str]:
    """The local addresses ``ss`` lists as listening on TCP ``port``."""
    out = subprocess.run(["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    return {line.split()[3].rsplit(":", 1)[0].strip("[]") for line in out.splitlines() if line.strip()}


def first_run(port: int, host: str = "127.0.0.1", *, page: str | None = None):
    """Connect as a browser does and read the first script run to its end: ``(config, kinds, text)`` — the config
    the server sends with ``new_session``, the kinds of message received, and their text. ``page``: the host name
    the browser asked for (``Host`` and ``Origin``), where a page that rebinds its DNS name to ``host`` sends its
    own."""
    websockets = pytest.importorskip("websockets")
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async def run():
        config, kinds, text = None, [], []
        named = f"{page or host}:{port}"
        async with websockets.connect(f"ws://{named}/_stcore/stream", subprotocols=["streamlit"],
                                      origin=f"http://{named}" if page else None, host=host, port=port,
                                      open_timeout=120, max_size=None) as ws:
            rerun = BackMsg()
            rerun.rerun_script.query_string = ""
            await ws.send(rerun.SerializeToString())
            while True:
                message = ForwardMsg()
                message.ParseFromString(await asyncio.wait_for(ws.recv(), 300))
                kind = message.WhichOneof("type")
                kinds.append(kind)
                text.append(str(message))
                if kind == "new_session":
                    config = message.new_session.config
                if kind == "script_finished":
                    return config, kinds, "\n".join(text)

    # in a thread of its own: after the browser tests, pytest-playwright's sync API leaves an event loop running
    # in this thread, and asyncio.run() refuses to start another one here
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


REFUSAL_TEXT = "It was started without its entry point"


def test_started_from_another_folder_it_listens_on_loopback_only_with_usage_stats_off(started: Started) -> None:
    assert started.listening() == {"127.0.0.1"}
    if shutil.which("ss"):
        assert ss_listeners(started.port) == {"127.0.0.1"}
    with pytest.raises(OSError):  # nothing on the IPv6 wildcard either
        socket.create_connection(("::1", started.port), timeout=5).close()
    config, kinds, text = first_run(started.port)
    assert config.gather_usage_stats is False
    assert "navigation" in kinds and REFUSAL_TEXT not in text  # the studio's pages are served
    assert "Collecting usage statistics" not in started.log.read_text()
    assert "URL: http://127.0.0.1:" in started.log.read_text()


def test_the_workspace_opens_when_the_server_starts_not_at_the_first_page(started: Started) -> None:
    # the store, the reattachment to running jobs and the pipelines' watcher were opened by the first page: until
    # someone opened one, nothing advanced, and a cron's `python -m engine retrain-due` could take the store
    import duckdb

    from tests.conftest import wait_for

    db = started.log.parent / "workspace" / "studio.duckdb"

    def held() -> bool:
        if not db.exists():
            return False
        try:
            duckdb.connect(str(db), read_only=True).close()
        except duckdb.IOException:
            return True
        return False

    wait_for(held, timeout=120, what="the studio to open its store with no page open")
    _, kinds, _ = first_run(started.port)
    assert "navigation" in kinds  # the first page uses what was opened
    assert "missing ScriptRunContext" not in started.log.read_text()


def _handshake(port: int, origin: str, host: str = "127.0.0.1") -> tuple[int, str]:
    """A browser's websocket handshake to the studio's stream from a page at ``origin``, the browser having asked
    for ``host``: (status, headers)."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\nOrigin: {origin}\r\n\r\n")
                     .encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    status_line, _, headers = head.decode("latin-1").partition("\r\n")
    return int(status_line.split()[1]), headers.lower()


def test_a_page_of_another_origin_cannot_open_the_studios_stream(started: Started) -> None:
    # the folder's config turns XSRF protection off and the environment CORS: with either off, a page on any site
    # the user opens could drive the studio through its websocket (101, access-control-allow-origin: *)
    status, headers = _handshake(started.port, "http://evil.example")
    assert status == 403 and "access-control-allow-origin" not in headers
    status, _ = _handshake(started.port, f"http://127.0.0.1:{started.port}")
    assert status == 101  # the studio's own page still connects
    with urllib.request.urlopen(f"http://127.0.0.1:{started.port}/", timeout=30) as resp:
        assert resp.status == 200 and resp.headers.get("Access-Control-Allow-Origin") is None


def test_a_page_under_another_sites_name_gets_no_session(started: Started) -> None:
    # DNS rebinding: a site pointing its own name at 127.0.0.1 is same-origin for Streamlit (its Origin names the
    # Host asked for), so its page opened the stream and could drive every page; refused only in the script, it
    # still had a session whose other messages were acted on (a clear_cache emptied every session's services)
    status, headers = _handshake(started.port, f"http://attacker.example:{started.port}", host="attacker.example")
    assert status == 403 and "sec-websocket-accept" not in headers
    status, _ = _handshake(started.port, f"http://localhost:{started.port}", host="localhost")
    assert status == 101
    _, kinds, text = first_run(started.port, page="localhost")
    assert "navigation" in kinds and "opened as" not in text
    assert "Rejecting WebSocket connection" in started.log.read_text()


def test_a_bare_streamlit_run_guards_the_stream_from_its_first_page(tmp_path: Path) -> None:
    """Started without the entry point (and CORS protection off in its environment), the server has only
    Streamlit's own origin check until the app's first script run installs the studio's: the first foreign page
    is refused in the script (its message, no page), every later one at the handshake."""
    port = _free_port()
    bare = Started(tmp_path, ["run", str(server.APP), "--server.address", "127.0.0.1", "--server.port", str(port),
                              "--server.headless", "true"], port, module="streamlit")
    try:
        bare.wait_healthy()
        _, kinds, text = first_run(port, page="attacker.example")
        assert "navigation" not in kinds and "This page was opened as" in text and "attacker.example" in text
        status, _ = _handshake(port, f"http://attacker.example:{port}", host="attacker.example")
        assert status == 403
        _, kinds, _ = first_run(port)
        assert "navigation" in kinds
    finally:
        bare.stop()


def test_the_stream_guard_extends_streamlits_origin_check_once() -> None:
    from streamlit.web.server.starlette import starlette_websocket

    original = starlette_websocket._is_origin_allowed
    original = starlette_websocket._is_origin_allowed = getattr(original, "wrapped", original)  # an app ran here
    try:
        assert server.guard_the_stream() and server.guard_the_stream()
        guarded = starlette_websocket._is_origin_allowed
        assert guarded is not original and guarded.studio_guard
        assert server.guard_the_stream() and starlette_websocket._is_origin_allowed is guarded  # not wrapped twice
        assert guarded(None, "127.0.0.1:8501") and guarded("http://127.0.0.1:8501", "127.0.0.1:8501")
        assert not guarded("http://attacker.example:8501", "attacker.example:8501")  # Streamlit's own check passed it
        assert original("http://attacker.example:8501", "attacker.example:8501")
        assert not guarded("http://evil.example", "127.0.0.1:8501")
    finally:
        starlette_websocket._is_origin_allowed = original


@pytest.mark.parametrize(("headers", "refused"), [
    ({}, None), ({"Host": "127.0.0.1:8501"}, None), ({"Host": "[::1]:8501", "Origin": "http://[::1]:8501"}, None),
    ({"Host": "localhost:8501", "Origin": "http://localhost:8501"}, None),
    ({"Host": "attacker.example:8501", "Origin": "http://attacker.example:8501"}, "attacker.example"),
    ({"Host": "127.0.0.1:8501", "Origin": "http://evil.example"}, "http://evil.example"),
    ({"Host": "10.0.0.5:8501"}, "10.0.0.5"),
    # a sandboxed frame's origin, and another local web app (or an XSS on it): other origins
    ({"Host": "127.0.0.1:8501", "Origin": "null"}, "null"),
    ({"Host": "127.0.0.1:8501", "Origin": "http://127.0.0.1:9999"}, "http://127.0.0.1:9999"),
    ({"Host": "localhost:8501", "Origin": "http://localhost"}, "http://localhost"),
    ({"Origin": "http://evil.example:8501"}, "http://evil.example:8501"),
    # an SSH tunnel or a container maps the studio's port to another: the page's own port is the one asked for
    ({"Host": "localhost:9000", "Origin": "http://localhost:9000"}, None),
    ({"Host": "localhost:9000", "Origin": "http://localhost:8501"}, "http://localhost:8501"),
    ({"Host": "localhost", "Origin": "http://localhost"}, None),  # port 80: left out of both
    ({"Host": "localhost", "Origin": "http://localhost:8501"}, "http://localhost:8501"),
])
def test_foreign_page_message(headers: dict, refused: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(server.ALLOW_REMOTE_ENV, raising=False)
    message = server.foreign_page_message(headers, 8501)
    assert (message is None) if refused is None else (f"opened as {refused!r}" in message)
    # with --allow-remote an address (or this machine's name) is fine; a DNS name another site controls is not,
    # even with its own page's origin — the rebinding case — nor another site's page
    monkeypatch.setenv(server.ALLOW_REMOTE_ENV, "1")
    assert server.foreign_page_message({"Host": "10.0.0.5:8501", "Origin": "http://10.0.0.5:8501"}, 8501) is None
    own = socket.gethostname()
    assert server.foreign_page_message({"Host": f"{own}:8501", "Origin": f"http://{own}:8501"}, 8501) is None
    assert "'evil.example'" in server.foreign_page_message(
        {"Host": "evil.example:8501", "Origin": "http://evil.example:8501"}, 8501)
    assert "'http://evil.example'" in server.foreign_page_message(
        {"Host": "10.0.0.5:8501", "Origin": "http://evil.example"}, 8501)


def test_a_proxys_name_given_with_allowed_host_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    # with --allow-remote or behind a local proxy, a proxy reached by a DNS name was always refused, though the
    # remote warning advised one
    monkeypatch.delenv(server.ALLOW_REMOTE_ENV, raising=False)
    monkeypatch.delenv(server.ALLOWED_HOSTS_ENV, raising=False)
    proxy = {"Host": "studio.example.com", "Origin": "https://studio.example.com"}
    assert "'studio.example.com'" in server.foreign_page_message(proxy, 8501)
    args = server.parse_args(["--allowed-host", "Studio.Example.com.", "--allowed-host", "other.lan"])
    assert args.allowed_host == ["Studio.Example.com.", "other.lan"]
    monkeypatch.setenv(server.ALLOWED_HOSTS_ENV, ",".join(args.allowed_host))
    assert server.foreign_page_message(proxy, 8501) is None
    assert server.foreign_page_message({"Host": "other.lan:8443", "Origin": "https://other.lan:8443"}, 8501) is None
    # another site's page, or another name, is still refused
    assert "'https://evil.example'" in server.foreign_page_message(
        {"Host": "studio.example.com", "Origin": "https://evil.example"}, 8501)
    assert "'attacker.example'" in server.foreign_page_message(
        {"Host": "attacker.example", "Origin": "https://attacker.example"}, 8501)


def test_the_page_and_its_icon_are_served_without_a_server_error(started: Started) -> None:
    # Streamlit 1.60's gzip middleware and Starlette ≥ 1.5 disagreed about who sends an image's response start:
    # every /favicon.png was a 500 with a traceback in the log (pyproject pins starlette < 1.5)
    for path in ("/", "/favicon.png", "/_stcore/health"):
        request = urllib.request.Request(f"http://127.0.0.1:{started.port}{path}",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=30) as resp:
            assert resp.status == 200, path
            assert resp.read(), path
    assert "Traceback" not in started.log.read_text()


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "", "192.168.1.20", "example.org"])
def test_another_address_is_refused_without_the_flag(address: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert server.main(["--address", address, "--port", str(_free_port())]) == server.REFUSED_EXIT_CODE
    err = capsys.readouterr().err
    assert "refusing to listen on" in err and "--allow-remote" in err


def test_refusal_from_the_command_line_starts_nothing(elsewhere: Path) -> None:
    port = _free_port()
    studio = Started(elsewhere, ["--address", "0.0.0.0", "--port", str(port)], port)
    assert studio.proc.wait(timeout=120) == server.REFUSED_EXIT_CODE
    assert "refusing to listen on 0.0.0.0" in studio.log.read_text()


def _non_loopback_address() -> str | None:
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family == socket.AF_INET and not server.is_loopback(address.address):
                return address.address
    return None


def test_allow_remote_warns_and_listens_where_asked(elsewhere: Path) -> None:
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    port = _free_port()
    studio = Started(elsewhere, ["--address", address, "--allow-remote", "--port", str(port)], port)
    try:
        studio.wait_healthy(host=address)
        assert studio.listening() == {address}
        log = studio.log.read_text()
        assert f"WARNING: the studio will listen on {address}" in log and f"port {port}" in log
        _, kinds, text = first_run(port, host=address)
        assert "navigation" in kinds and REFUSAL_TEXT not in text  # asked for: served
    finally:
        studio.stop()


def test_a_bare_streamlit_run_on_a_reachable_address_serves_only_a_refusal(elsewhere: Path) -> None:
    """The old way of starting it, on an address other machines reach: the socket is Streamlit's, but the app
    shows a refusal and no page (regression: it served every page, usage statistics on)."""
    address = _non_loopback_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address")
    port = _free_port()
    args = ["run", str(ROOT / "studio" / "app.py"), "--server.address", address, "--server.port", str(port)]
    studio = Started(elsewhere, args, port, module="streamlit")
    try:
        studio.wait_healthy(host=address)
        _, kinds, text = first_run(port, host=address)
        assert REFUSAL_TEXT in text and f"listening on {address} (port {port})" in text
        assert "navigation" not in kinds
    finally:
        studio.stop()


def test_unsafe_start_message_is_none_for_a_process_without_an_exposed_server() -> None:
    assert server.exposed_addresses(_free_port()) == set()
    assert server.unsafe_start_message(_free_port()) is None


@pytest.mark.parametrize(("address", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("::", False), ("", False), ("10.0.0.1", False), ("my-host", False),
])
def test_is_loopback(address: str, loopback: bool) -> None:
    assert server.is_loopback(address) is loopback


def test_every_setting_is_a_flag_and_the_project_config_is_kept() -> None:
    args = server.streamlit_args("127.0.0.1", 8765)
    assert args[:2] == ["run", str(ROOT / "studio" / "app.py")]
    flags = dict(zip(args[2::2], args[3::2], strict=True))
    assert flags["--server.address"] == "127.0.0.1" and flags["--server.port"] == "8765"
    assert flags["--browser.gatherUsageStats"] == "false" and flags["--server.headless"] == "true"
    assert flags["--server.enableCORS"] == flags["--server.enableXsrfProtection"] == "true"
    assert flags["--server.baseUrlPath"] == "" and flags["--server.enableStaticServing"] == "false"
    with (ROOT / ".streamlit" / "config.toml").open("rb") as handle:
        project = tomllib.load(handle)
    for section, options in project.items():
        for name, value in options.items():
            if f"{section}.{name}" not in ("server.port", "browser.serverAddress"):
                assert flags[f"--{section}.{name}"] == server._flag_value(value), f"{section}.{name}"


def test_console_script_and_make_run_use_the_entry_point() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        scripts = tomllib.load(handle)["project"]["scripts"]
    module, _, function = scripts["tarjama-studio"].partition(":")
    assert getattr(import_module(module), function) is server.main
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe and "-m studio" in recipe.group(1) and "streamlit run" not in recipe.group(1)


def test_sigusr1_writes_every_threads_stack_to_the_log_and_the_server_goes_on(started: Started) -> None:
    started.proc.send_signal(signal.SIGUSR1)
    deadline = time.monotonic() + 60
    # the dump is written by the server's signal handler, on its own time, one thread after another: reading at
    # the first thread's header can see only that one (the likely cause of a failure seen once)
    while started.log.read_bytes().count(STACK_DUMP_MARK) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    log = started.log.read_bytes()
    # a header per thread ("Thread 0x…" or, for the one that took the signal, "Current thread 0x…"): the main
    # thread and the server's at least
    assert log.count(STACK_DUMP_MARK) >= 2 and b"thread 0x" in log.lower()
    started.wait_healthy(timeout_s=30)  # still serving


def test_a_port_from_the_environment_that_is_no_number_is_a_parser_error(monkeypatch, capsys) -> None:
    # TARJAMA_PORT=abc made even --help end in a ValueError traceback
    from studio.server import parse_args

    monkeypatch.setenv("TARJAMA_PORT", "abc")
    with pytest.raises(SystemExit) as stopped:
        parse_args([])
    assert stopped.value.code == 2 and "must be a whole number, not 'abc'" in capsys.readouterr().err
    monkeypatch.setenv("TARJAMA_PORT", "8600")
    assert parse_args([]).port == 8600


def test_the_address_checked_is_the_address_served() -> None:
    # "localhost " passed the loopback check (which strips) and then failed inside Streamlit (which did not)
    from studio.server import parse_args

    assert parse_args(["--address", "localhost "]).address == "localhost"
