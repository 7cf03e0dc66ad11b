"""Where the current request came from, for audit entries.

``AuditContextMiddleware`` stores the client's address and user agent in a
context variable for the duration of a request, so services can write
complete audit entries without every call passing the request along.
"""

from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class RequestContext:
    ip_address: str | None = None
    user_agent: str = ""


_OUTSIDE_REQUEST = RequestContext()
_current: ContextVar[RequestContext | None] = ContextVar(
    "gongkai_audit_request", default=None
)


def context_from_request(request: HttpRequest) -> RequestContext:
    # REMOTE_ADDR is the peer address; behind a reverse proxy configure the
    # proxy to pass the client address through (e.g. uwsgi/gunicorn settings).
    return RequestContext(
        ip_address=request.META.get("REMOTE_ADDR") or None,
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
    )


def current() -> RequestContext:
    return _current.get() or _OUTSIDE_REQUEST


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(context_from_request(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
