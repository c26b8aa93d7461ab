"""Other SPARQL stores: where their query service lives, and the credentials to reach them.

Credentials come from ``~/.netrc`` (``machine HOST login USER password SECRET``), as for
curl and git, never from the command line; they are sent only to that host, with HTTP
Digest or Basic authentication as the server asks (Virtuoso's ``/sparql-graph-crud-auth``
asks Digest; Fuseki and GraphDB Basic). No proxy from the environment, no redirect.

Example::

    >>> query_endpoint_beside("http://127.0.0.1:8890/sparql-graph-crud")
    'http://127.0.0.1:8890/sparql'
"""

from __future__ import annotations

import netrc
import urllib.parse
import urllib.request

from kg.core.errors import RemoteError


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        raise RemoteError(f"{req.full_url}: the server redirects to {newurl}; not followed")


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())


def opener_for(url: str) -> urllib.request.OpenerDirector:
    """An opener for ``url``: with the ``~/.netrc`` credentials of its host, if any."""
    parts = urllib.parse.urlsplit(url)
    try:
        entry = netrc.netrc().authenticators(parts.hostname or "")
    except FileNotFoundError:
        entry = None
    except (netrc.NetrcParseError, OSError) as e:
        raise RemoteError(f"~/.netrc: {e}") from e
    if entry is None:
        return OPENER
    login, _, password = entry
    manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    manager.add_password(None, f"{parts.scheme}://{parts.netloc}/", login, password or "")
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}),
        _NoRedirect(),
        urllib.request.HTTPDigestAuthHandler(manager),  # tried first (handler_order 490)
        urllib.request.HTTPBasicAuthHandler(manager),
    )


# Where the SPARQL query service lives next to a Graph Store endpoint, for the stores
# the README names (Oxigraph, Virtuoso, Fuseki, GraphDB): store path suffix → query path.
QUERY_BESIDE_STORE = {
    "/store": "/query",  # oxigraph serve
    "/sparql-graph-crud": "/sparql",  # Virtuoso
    "/sparql-graph-crud-auth": "/sparql-auth",  # Virtuoso, with HTTP digest auth
    "/data": "/query",  # Fuseki: /DATASET/data, /DATASET/query
    "/rdf-graphs/service": "",  # GraphDB: /repositories/REPO/rdf-graphs/service, /repositories/REPO
}


def query_endpoint_beside(store_url: str) -> str:
    """The query URL of the store whose Graph Store endpoint is ``store_url``; "" if unknown."""
    parts = urllib.parse.urlsplit(store_url)
    for suffix, query_path in QUERY_BESIDE_STORE.items():
        if parts.path.endswith(suffix):
            path = parts.path[: -len(suffix)] + query_path
            return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return ""
