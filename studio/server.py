"""Starting the studio server safely, wherever it is started from: ``python -m studio`` / ``tarjama-studio``.

Streamlit reads ``.streamlit/config.toml`` relative to the *working folder*, so ``streamlit run
<repo>/studio/app.py`` started anywhere else listened on every interface with usage statistics on. This entry
point passes every server setting as a command-line flag, which Streamlit ranks above any config file
(``~/.streamlit``, the working folder's) and any ``STREAMLIT_*`` environment variable: the server listens on
127.0.0.1 with usage statistics off however it is started. Another address is refused unless ``--allow-remote``
is given, which prints a warning. And should the app be started some other way (a bare ``streamlit run``) on
an address reachable from elsewhere, :func:`unsafe_start_message` makes it show a refusal instead of any page.
"""

from __future__ import annotations

import argparse
import faulthandler
import functools
import ipaddress
import os
import signal
import socket
import sys
import threading
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import psutil

from engine.models.loading import keep_hub_offline

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "studio" / "app.py"
PROJECT_CONFIG = ROOT / ".streamlit" / "config.toml"
DEFAULT_ADDRESS = "127.0.0.1"
DEFAULT_PORT = 8501
REFUSED_EXIT_CODE = 2
ALLOW_REMOTE_ENV = "TARJAMA_ALLOW_REMOTE"
"""Set to ``1`` by ``--allow-remote`` for the app in this process: listening beyond loopback was asked for."""
ALLOWED_HOSTS_ENV = "TARJAMA_ALLOWED_HOSTS"
"""Host names a browser may open the studio as besides loopback, comma-separated (``--allowed-host``): the name of an
authenticating proxy in front of it."""

FORCED: dict[str, object] = {
    "server.headless": True,
    "server.fileWatcherType": "none",
    "server.runOnSave": False,
    "browser.gatherUsageStats": False,
    # the origin checks: with either off, any web page the user opens could drive the studio (it has no sign-in)
    # through its websocket — read corpora, start jobs, delete data
    "server.enableCORS": True,
    "server.enableXsrfProtection": True,
    "server.baseUrlPath": "",
    "server.enableStaticServing": False,
    "global.developmentMode": False,
}
"""Settings passed whatever the config files or ``STREAMLIT_*`` variables say (the address and port are added per
start)."""

REMOTE_WARNING = (
    "WARNING: the studio will listen on {address}, reachable from other machines. It has no sign-in and no "
    "encryption: anyone who can reach port {port} can read your corpora, start jobs and delete data. Use it "
    "only on a network you trust, or put it behind an authenticating proxy (name it with --allowed-host)."
)
REFUSAL = (
    "refusing to listen on {address}: the studio has no sign-in, so it listens on 127.0.0.1 only. To expose it "
    "to other machines anyway, start it again with --allow-remote (it prints a warning)."
)


def is_loopback(address: str) -> bool:
    """Whether ``address`` (an IP address or ``localhost``) only accepts connections from this machine."""
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost, or "" (which Streamlit reads as every interface)


def check_address(address: str, *, allow_remote: bool) -> str | None:
    """``None`` for a loopback address; for another one, the warning to print when ``allow_remote`` is set.

    Raises :class:`ValueError` with the refusal when the address is not loopback and ``allow_remote`` is not set.
    """
    if is_loopback(address):
        return None
    if not allow_remote:
        raise ValueError(REFUSAL.format(address=address or "every interface"))
    return REMOTE_WARNING.format(address=address or "every interface", port="{port}")


def exposed_addresses(port: int) -> set[str]:
    """The addresses other than loopback on which this process listens on TCP ``port`` (``0.0.0.0`` and ``::``
    included: they accept connections from every interface)."""
    listening = psutil.Process().net_connections(kind="inet")
    return {c.laddr.ip for c in listening
            if c.status == psutil.CONN_LISTEN and c.laddr.port == port and not is_loopback(c.laddr.ip)}


@functools.cache
def unsafe_start_message(port: int) -> str | None:
    """Why the app must not serve its pages, or ``None``: the server of this process listens on ``port`` beyond
    loopback without ``--allow-remote`` (e.g. a bare ``streamlit run`` from another folder). Checked once per
    process, from the sockets themselves, so it holds however the server was configured."""
    if os.environ.get(ALLOW_REMOTE_ENV) == "1":
        return None
    exposed = exposed_addresses(port)
    if not exposed:
        return None
    return (f"This studio is listening on {', '.join(sorted(exposed))} (port {port}), reachable from other machines, "
            "and it has no sign-in, so it shows nothing. It was started without its entry point: stop it and "
            "start it with `make run`, `python -m studio` or `tarjama-studio`, which listen on 127.0.0.1 only.")


def _host_name(netloc: str) -> str:
    """The host of a ``Host`` header or of an origin's ``host[:port]``, lower case (``[::1]:8501`` → ``::1``)."""
    try:
        return (urlsplit(f"//{netloc.strip()}").hostname or "").lower()
    except ValueError:  # a malformed bracket or port
        return netloc.strip().lower()


def _is_address(name: str) -> bool:
    """Whether a host name is an IP address literal (a DNS name can be rebound to any address; a literal cannot)."""
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@functools.cache
def _own_names() -> frozenset[str]:
    """This machine's own names, as a browser on the network may ask for the studio (``--allow-remote``)."""
    names = {socket.gethostname().lower(), socket.getfqdn().lower()}  # once: a reverse lookup can block
    return frozenset({n for n in names if n} | {n.rstrip(".") for n in names if n})


def allowed_hosts() -> frozenset[str]:
    """The host names ``--allowed-host`` (or ``$TARJAMA_ALLOWED_HOSTS``) adds, lower case, without a final dot."""
    names = os.environ.get(ALLOWED_HOSTS_ENV, "").split(",")
    return frozenset(name.strip().lower().rstrip(".") for name in names if name.strip())


def foreign_page_message(headers: Mapping[str, str], port: int) -> str | None:
    """Why a browser session must be shown no page, from the headers of its connection, or ``None``.

    Streamlit takes a connection as same-origin when the page's origin names the ``Host`` it was asked for, so a
    web page that points its own DNS name at this machine (DNS rebinding) could open the studio's stream and drive
    it — read corpora, start jobs, delete data; and with CORS protection turned off (a bare ``streamlit run``
    with ``STREAMLIT_SERVER_ENABLE_CORS=false``) a page of any origin could. So the ``Host`` must be this machine's
    loopback — with ``--allow-remote`` also an IP address or this machine's own name, never another DNS name — and
    an ``Origin``, when sent, must be that host and port (``null``, a sandboxed frame's, and another local web app's
    port are other origins; the port is the one the browser asked for — an SSH tunnel or a container maps the
    studio's to another). A name given with ``--allowed-host`` (a proxy's, which signs users in) is accepted as a
    loopback name is, with or without ``--allow-remote``: no proxy reached by a DNS name could serve the studio.
    No headers at all (tests, a program) is no browser's connection."""
    host = _host_name(headers.get("Host") or "")
    host_port = _port_of(headers.get("Host") or "")
    remote = os.environ.get(ALLOW_REMOTE_ENV) == "1"
    if host and not (is_loopback(host) or host.rstrip(".") in allowed_hosts()
                     or (remote and (_is_address(host) or host in _own_names()))):
        return _refusal(host, port)
    origin = headers.get("Origin")
    if origin is None:
        return None
    try:
        parts = urlsplit(origin.strip())
        scheme_port = {"https": 443}.get(parts.scheme, 80)  # what a browser leaves out of a URL and a Host header
        origin_host, origin_port = (parts.hostname or "").lower(), parts.port or scheme_port
    except ValueError:  # a malformed port or bracket
        return _refusal(origin, port)
    same_host = origin_host == host if host else is_loopback(origin_host)
    same_port = origin_port == (host_port or (scheme_port if host else port))
    if not origin_host or not same_host or not same_port:
        return _refusal(origin.strip() or "an empty origin", port)
    return None


def guard_the_stream() -> bool:
    """Refuse a foreign page (:func:`foreign_page_message`) at the handshake of the studio's websocket, where
    Streamlit checks a connection's origin, so it never gets a session. Checked only in the script, a refused page
    still had one: it was shown the refusal, and the messages it sent besides a script run were acted on (a
    ``clear_cache`` emptied the cache every session shares: the workspace's services and the endpoint's handle).
    The script's check stays for a server started without this entry point, until its first page installs this.
    Idempotent; returns False when this Streamlit has no such check to extend (the script's check then stands
    alone)."""
    try:
        from streamlit import config
        from streamlit.web.server.starlette import starlette_websocket
    except ImportError:
        return False
    allowed = getattr(starlette_websocket, "_is_origin_allowed", None)
    if allowed is None:
        return False
    if getattr(allowed, "studio_guard", False):
        return True

    def origin_allowed(origin: str | None, host: str | None) -> bool:
        headers = {"Host": host or ""} | ({"Origin": origin} if origin is not None else {})
        return allowed(origin, host) and foreign_page_message(headers, int(config.get_option("server.port"))) is None

    origin_allowed.studio_guard = True  # type: ignore[attr-defined]
    origin_allowed.wrapped = allowed  # type: ignore[attr-defined]
    starlette_websocket._is_origin_allowed = origin_allowed
    return True


def _port_of(netloc: str) -> int | None:
    """The port a ``Host`` header names, or ``None`` when it names none (or cannot be read)."""
    try:
        return urlsplit(f"//{netloc.strip()}").port
    except ValueError:
        return None


def _refusal(opened_as: str, port: int) -> str:
    return (f"This page was opened as {opened_as!r}, not as this machine's own address, so the studio shows nothing: "
            "a web page that points its name at this machine could otherwise drive it. Open "
            f"http://127.0.0.1:{port}/ instead.")


def project_settings(config_file: Path = PROJECT_CONFIG) -> dict[str, object]:
    """The project's ``.streamlit/config.toml`` (theme, upload limit, toolbar ...) as ``{"section.option": value}``;
    empty when the file is missing (e.g. an installed copy without the repository)."""
    if not config_file.is_file():
        return {}
    with config_file.open("rb") as handle:
        sections = tomllib.load(handle)
    return {f"{section}.{name}": value for section, options in sections.items() if isinstance(options, dict)
            for name, value in options.items()}


def server_settings(address: str = DEFAULT_ADDRESS, port: int = DEFAULT_PORT) -> dict[str, object]:
    """Every setting the server is started with: the project's config, then :data:`FORCED`, address and port."""
    settings = project_settings()
    settings.update(FORCED)
    settings.update({"server.address": address, "server.port": int(port), "browser.serverAddress": address,
                     "browser.serverPort": int(port)})
    return settings


def _flag_value(value: object) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def streamlit_args(address: str = DEFAULT_ADDRESS, port: int = DEFAULT_PORT) -> list[str]:
    """The arguments after ``streamlit``: ``run <app.py> --server.address 127.0.0.1 ...`` (every setting a flag)."""
    args = ["run", str(APP)]
    for key, value in server_settings(address, port).items():
        args += [f"--{key}", _flag_value(value)]
    return args


def command(address: str = DEFAULT_ADDRESS, port: int = DEFAULT_PORT) -> list[str]:
    """The full command line that starts the studio server with this interpreter."""
    return [sys.executable, "-m", "streamlit", *streamlit_args(address, port)]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse ``tarjama-studio`` / ``python -m studio`` arguments."""
    parser = argparse.ArgumentParser(
        prog="tarjama-studio",
        description="Start Tarjama Studio on http://127.0.0.1:PORT (usage statistics off, whatever the folder).",
    )
    port_default = os.environ.get("TARJAMA_PORT", str(DEFAULT_PORT))  # checked below with --port, not here
    parser.add_argument("--port", default=port_default, help="port to listen on (default: $TARJAMA_PORT or 8501)")
    parser.add_argument("--address", default=DEFAULT_ADDRESS,
                        help="address to listen on (default 127.0.0.1; another one needs --allow-remote)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow an address other than loopback (prints a warning: the studio has no sign-in)")
    parser.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="a host name browsers may open the studio as, e.g. that of an authenticating proxy in "
                             "front of it (repeat for several; loopback names are always allowed)")
    args = parser.parse_args(argv)
    try:
        args.port = int(str(args.port).strip())
    except ValueError:
        parser.error(f"--port (or $TARJAMA_PORT) must be a whole number, not {args.port!r}")
    if not 0 < args.port < 65536:
        parser.error(f"--port must be between 1 and 65535, not {args.port}")
    args.address = args.address.strip()  # the check and the server see the same address ("localhost " failed late)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``tarjama-studio`` and ``python -m studio``: check the address, then run the server in this
    process (it returns when the server stops). Returns :data:`REFUSED_EXIT_CODE` for a refused address."""
    args = parse_args(argv)
    try:
        warning = check_address(args.address, allow_remote=args.allow_remote)
    except ValueError as exc:
        print(f"tarjama-studio: {exc}", file=sys.stderr)
        return REFUSED_EXIT_CODE
    if warning:
        print(warning.format(port=args.port), file=sys.stderr, flush=True)
        os.environ[ALLOW_REMOTE_ENV] = "1"
    if args.allowed_host:
        os.environ[ALLOWED_HOSTS_ENV] = ",".join(args.allowed_host)
    # `kill -USR1 <pid>` writes every thread's stack to stderr: how a stuck page is diagnosed (README, "A page that
    # seems stuck"); the server goes on serving
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    keep_hub_offline(os.environ)  # README: "The studio runs with HF_HUB_OFFLINE=1" — it was only set for its jobs
    guard_the_stream()
    from streamlit.web import cli

    from studio.state import open_at_start

    threading.Thread(target=open_at_start, name="open-workspace", daemon=True).start()

    # standalone_mode=False: return here instead of sys.exit, so that main() is callable from Python too
    result = cli.main(args=streamlit_args(args.address, args.port), prog_name="streamlit", standalone_mode=False)
    return result if isinstance(result, int) else 0
