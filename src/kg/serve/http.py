"""The HTTP protocol of ``kg serve``: uvicorn's httptools parser, with a cap on request heads.

httptools (llhttp, in C) reads a request in a fraction of the time h11 (pure Python)
takes, but sets no bound of its own on the request line and headers: this protocol
counts the bytes received while a request's head is being read, and past
:data:`kg.serve.app.MAX_HEAD` answers 400 and closes the connection, as h11's cap did.

``kg serve`` runs uvicorn with ``http=HttpProtocol``. Example::

    >>> HEAD_TOO_LARGE
    'Request line and headers too large (limit 1048576 bytes)'
"""

from __future__ import annotations

from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from kg.serve.app import MAX_HEAD

HEAD_TOO_LARGE = f"Request line and headers too large (limit {MAX_HEAD} bytes)"


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a bound on each request's head."""

    head: int | None = 0  # bytes received of the head being read; None while in a body

    def connection_made(self, transport: Any) -> None:
        self.head = 0
        super().connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.head is not None:
            self.head += len(data)
            if self.head > MAX_HEAD:
                self.send_400_response(HEAD_TOO_LARGE)
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self.head = None
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self.head = 0  # the next request on this connection starts its head
