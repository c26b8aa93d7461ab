"""No outbound access during a test: an audit hook and a loopback canary HTTP server.

:class:`OutboundGuard` is a ``sys.addaudithook`` hook (installed once per session,
since hooks cannot be removed; idle unless a test has started it) that refuses and
records, while active:

- ``urllib.Request`` (any URL);
- ``socket.getaddrinfo`` of a name that is not loopback;
- ``socket.connect`` to an internet address, except loopback ports the test allowed
  with :meth:`OutboundGuard.allow` (its own server); the canary is never allowed;
- ``open`` of a path outside the repository, the temporary folder, and the folders
  Python and the system libraries are read from (``/etc/passwd`` is refused).

:class:`Canary` is an HTTP server on 127.0.0.1 that records every connection. A test
puts its URL in hostile inputs (``SERVICE <canary>``, a JSON-LD ``@context``); the
``no_outbound`` fixture in ``conftest.py`` fails the test if the canary saw anything
or the hook refused anything (even if the code under test swallowed the refusal).
"""

from __future__ import annotations

import http.server
import ipaddress
import os
import sys
import sysconfig
import tempfile
import threading
from pathlib import Path

from kg.core.paths import ROOT

LOOPBACK_NAMES = {None, "", "localhost", "127.0.0.1", "::1"}
# Read-only places Python and its libraries load code and data from.
SYSTEM_DIRS = ("/usr/lib", "/usr/local/lib", "/usr/share", "/usr/lib64", "/lib", "/lib64")
# /etc/mime.types: read by mimetypes when openpyxl (kg export --all writes xlsx) is imported
SYSTEM_FILES = (
    "/dev/null",
    "/dev/urandom",
    "/etc/localtime",
    "/etc/ld.so.cache",
    "/etc/mime.types",
)


class OutboundAccess(PermissionError):
    """Raised inside the code under test when it reaches outside."""


class OutboundGuard:
    """The audit hook's state: off between tests, strict during them."""

    def __init__(self) -> None:
        self.active = False
        self.violations: list[str] = []
        self.allowed_ports: set[int] = set()
        self._inside = threading.local()
        roots = {ROOT, Path(tempfile.gettempdir()), Path(sys.prefix), Path(sys.base_prefix)}
        roots |= {Path(p) for p in sysconfig.get_paths().values()}
        self.roots = tuple(sorted({os.path.realpath(r) for r in roots} | set(SYSTEM_DIRS)))

    def start(self) -> None:
        self.violations.clear()
        self.allowed_ports.clear()
        self.active = True

    def stop(self) -> list[str]:
        self.active = False
        return list(self.violations)

    def allow(self, port: int) -> None:
        """Let the test connect to its own server on 127.0.0.1:``port``."""
        self.allowed_ports.add(port)

    def hook(self, event: str, args: tuple) -> None:
        if not self.active or getattr(self._inside, "busy", False):
            return
        self._inside.busy = True  # the checks below may raise audit events themselves
        try:
            problem = self._problem(event, args)
        finally:
            self._inside.busy = False
        if problem:
            self.violations.append(problem)
            raise OutboundAccess(f"outbound access refused in a test: {problem}")

    def _problem(self, event: str, args: tuple) -> str | None:
        if event == "urllib.Request":
            return f"urllib.Request {args[0]}"
        if event == "socket.getaddrinfo" and args[0] not in LOOPBACK_NAMES:
            host = args[0].decode() if isinstance(args[0], bytes) else args[0]
            return None if _is_loopback(host) else f"name lookup {host}"
        if event == "socket.connect" and isinstance(args[1], tuple):
            host, port = args[1][0], args[1][1]
            if not (_is_loopback(host) and port in self.allowed_ports):
                return f"connect to {host}:{port}"
        if event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            path = os.path.realpath(os.fsdecode(args[0]))
            if not self._readable(path):
                return f"open {path}"
        return None

    def _readable(self, path: str) -> bool:
        if path in SYSTEM_FILES or path.startswith("/proc/self/"):
            return True
        return any(path == root or path.startswith(root + os.sep) for root in self.roots)


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class Canary:
    """An HTTP server on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                hits.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"canary\n")

            do_POST = do_HEAD = do_GET  # noqa: N815

            def log_message(self, *args) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:
                hits.append(f"connection from {client_address[0]}")
                return True

        self.hits = hits
        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,))

    def __enter__(self) -> Canary:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


_GUARD: OutboundGuard | None = None


def guard() -> OutboundGuard:
    """The session's guard; its audit hook is installed on first use."""
    global _GUARD
    if _GUARD is None:
        _GUARD = OutboundGuard()
        sys.addaudithook(_GUARD.hook)
    return _GUARD
