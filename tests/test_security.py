"""The security headers middleware, called as ASGI (the real server: tests/test_serve.py)."""

from __future__ import annotations

import asyncio

from starlette.responses import HTMLResponse

from kg.serve.security import CONTENT_SECURITY_POLICY, SecurityHeaders


def _headers(response: HTMLResponse) -> list[tuple[bytes, bytes]]:
    """The headers the middleware sends for ``response``."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": []}
    asyncio.run(SecurityHeaders(response)(scope, receive, send))
    return sent[0]["headers"]


def test_every_response_gets_the_policy_and_nosniff_once() -> None:
    loose = {"Content-Security-Policy": "default-src *", "X-Content-Type-Options": "sniff"}
    for response in (HTMLResponse("<p>hi</p>"), HTMLResponse("<p>hi</p>", headers=loose)):
        headers = _headers(response)
        assert [v for k, v in headers if k == b"content-security-policy"] == [
            CONTENT_SECURITY_POLICY.encode()
        ]
        assert [v for k, v in headers if k == b"x-content-type-options"] == [b"nosniff"]
        assert (b"content-type", b"text/html; charset=utf-8") in headers


def test_the_policy_allows_scripts_only_from_the_server_itself() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["default-src"] == "'none'" and directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self'" and directives["frame-ancestors"] == "'none'"
