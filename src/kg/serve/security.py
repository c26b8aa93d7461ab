"""The security headers of every ``kg serve`` response: a Content-Security-Policy and nosniff.

A page may run only scripts the server itself serves (YASGUI from ``node_modules``,
``kg/web/query.js``): no inline script, no ``eval``, no other origin, no plugin, no
frame. Inline style is allowed: the pages carry their style in ``<style>`` (each is
one self-contained file) and YASGUI's result table injects a ``<style>`` element of
its own; style cannot run code, and every text on the pages is escaped (Jinja2
autoescape). ``form-action 'self'`` keeps the plain query form on this server.

Example::

    >>> CONTENT_SECURITY_POLICY.split("; ")[:2]
    ["default-src 'none'", "script-src 'self'"]
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
]


class SecurityHeaders:
    """ASGI middleware: every HTTP response gets :data:`HEADERS` (replacing any it had)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)
