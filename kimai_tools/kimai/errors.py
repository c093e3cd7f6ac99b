"""Failures by meaning, each one sentence a model and a user can act on; callers branch on the kind.

KimaiError                every failure of a Kimai request (`.status`: the HTTP status where Kimai answered)
├── KimaiUnreachable      no answer arrived that could be read: connection refused, DNS, timeout, TLS (an
│                         untrusted certificate, a CA bundle that cannot be loaded); names the URL and what to check
├── NotAvailable          no such route here: Kimai too old for it, a plugin not installed, an operation this
│                         server's client does not have
├── UnexpectedAnswer      something answered, but not as Kimai's API does: a redirect, a login page, a body that
│                         is not JSON or not of the documented shape
└── KimaiRefused          Kimai answered with an error status: `.status`, and `.fields` (Kimai's form errors by
    │                     field: what a caller may correct and send again)
    ├── BadRequest        400, 422: a value the form does not take, or a change Kimai will not make as sent
    │   └── AlreadyUsed   a value that must be unique is taken ("This value is already used.")
    ├── Unauthorized      401: the API token was not accepted
    ├── Forbidden         403: the token's user lacks a permission Kimai checks
    ├── NotFound          404: no such record (or not visible to this user), or a page past the last
    ├── MethodNotAllowed  405: the route does not take this method
    ├── Busy              429, 502, 503, 504: Kimai (or a proxy in front of it) is busy or restarting; try again
    └── KimaiFailed       any other 5xx: Kimai failed on its side
InvalidRequest            the request does not fit the operation (unknown field or filter, wrong form); not sent

A 4xx without a kind of its own (409, 413, ...) is a plain KimaiRefused. None of these is the SDK's ToolError:
kimai/ imports nothing of MCP; the server turns each into an `is_error` tool result with its message as text.
"""

from __future__ import annotations

import contextvars
import json
import ssl
from http import HTTPStatus
from typing import Any, Self

# the settings a message tells to check: the stdio server's variables, or a team-server user's entries
SETTINGS = {"url": "KIMAI_URL", "token": "KIMAI_API_TOKEN", "ssl_verify": "KIMAI_SSL_VERIFY"}
setting_names: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("kimai_setting_names", default=SETTINGS)


def setting(name: str) -> str:
    return setting_names.get().get(name, SETTINGS[name])


EXTRA_FIELDS = "This form should not contain extra fields."
ALREADY_USED = "already used"  # in Kimai's "This value is already used." and "The username is already used."

# The permission Kimai checks, by the operation's path prefix; a 403 names it so an admin knows what to grant.
PERMISSIONS = {
    "/api/timesheets": "view_other_timesheet / edit_other_timesheet (or edit_export_own_timesheet for export)",
    "/api/users": "view_user / edit_user / create_user (ROLE_SUPER_ADMIN for creating users)",
    "/api/teams": "view_team / edit_team (team leads cannot list teams)",
    "/api/customers": "view_customer / edit_customer (or team access to the customer)",
    "/api/projects": "view_project / edit_project (or team access to the project)",
    "/api/activities": "view_activity / edit_activity",
    "/api/invoices": "view_invoice / delete_invoice",
    "/api/tags": "manage_tag / delete_tag",
    "/api/absences": "contract_other_profile / the absence approval permissions of the WorkContract plugin",
    "/api/public-holidays": "the public holiday permissions of the WorkContract plugin",
    "/api/work-contract": "the work contract permissions of the WorkContract plugin",
}


class InvalidRequest(Exception):
    """The request does not fit the operation of the connected Kimai (an unknown field or filter, a value of the
    wrong form, a required field missing); it was not sent."""


class KimaiError(Exception):
    """Every failure of a Kimai request; the message is the whole story, `status` the HTTP status if one came."""

    def __init__(self, message: str, status: int | None = None, fields: dict[str, list[str]] | None = None):
        super().__init__(message)
        self.status = status
        self.fields = fields or {}  # Kimai's form errors by field name: what a caller may correct and send again

    def reworded(self, message: str) -> Self:
        """The same failure told in other words: its kind, status and fields stay."""
        return type(self)(message, self.status, self.fields)


class KimaiUnreachable(KimaiError):
    """No answer arrived that could be read: refused, DNS, timeout, TLS; nothing says what Kimai did."""


class NotAvailable(KimaiError):
    """The endpoint does not exist on the connected Kimai (too old, a plugin missing) or in this server's client."""


class UnexpectedAnswer(KimaiError):
    """Something answered, but not as Kimai's API does: a redirect, a login page, a body of the wrong form."""


class KimaiRefused(KimaiError):
    """Kimai answered with an error status (`status`); `fields` holds its form errors by field."""

    status: int


class BadRequest(KimaiRefused):
    """400 or 422: a value the form does not take, or a change Kimai will not make as sent."""


class AlreadyUsed(BadRequest):
    """A value that must be unique (a name, a rate for a user) is taken; `fields` says which."""


class Unauthorized(KimaiRefused):
    """401: the API token was not accepted."""


class Forbidden(KimaiRefused):
    """403: the token's user lacks a permission Kimai checks here."""


class NotFound(KimaiRefused):
    """404: no such record (or not visible to this user), or a page past the last one."""


class MethodNotAllowed(KimaiRefused):
    """405: the route exists but does not take this method."""


class Busy(KimaiRefused):
    """429, 502, 503, 504: Kimai or a proxy in front of it is busy or restarting; the same request may succeed later."""


class KimaiFailed(KimaiRefused):
    """Any other 5xx: Kimai failed on its side."""


KINDS: dict[int, type[KimaiRefused]] = {400: BadRequest, 422: BadRequest, 401: Unauthorized, 403: Forbidden,
                                        404: NotFound, 405: MethodNotAllowed, 429: Busy, 502: Busy, 503: Busy,
                                        504: Busy}  # fmt: skip


def refusal_kind(status: int) -> type[KimaiRefused]:
    """The kind of an error status: the table above, any other 5xx KimaiFailed, any other 4xx KimaiRefused."""
    return KINDS.get(status) or (KimaiFailed if status >= 500 else KimaiRefused)


def field_errors(errors: Any, prefix: str = "") -> list[str]:
    """Kimai's nested form errors flattened to `field: message`."""
    out: list[str] = []
    if isinstance(errors, dict):
        messages = errors.get("errors") or []
        for message in [messages] if isinstance(messages, str) else messages:
            out.append(f"{prefix}: {message}" if prefix else str(message))
        children = errors.get("children") or {}
        items = (
            children.items()
            if isinstance(children, dict)
            else enumerate(children if isinstance(children, list) else [])
        )
        for name, child in items:
            out.extend(field_errors(child, f"{prefix}.{name}" if prefix else str(name)))
    return out


def from_response(status: int, content: bytes, key: str, sent: dict | None = None) -> KimaiRefused:
    """The refusal of the kind `status` means, for an error response of operation `key` ("METHOD /api/path");
    `sent` is the body we sent."""
    try:
        body = json.loads(content) if content else None
    except ValueError:  # a proxy's HTML page: its status says enough
        body = None
    message = message_of(body) or _phrase(status)
    parts = [f"Kimai refused {key} with {status}" + (f" {message}" if message else "")]
    errors = field_errors(body.get("errors")) if isinstance(body, dict) else []
    generic = [e for e in errors if ":" not in e]
    fields = [e for e in errors if ":" in e]
    if fields or generic:
        parts.append("; ".join(e.rstrip(".") for e in generic + fields))
    hint = _hint(status, key, body, sent)
    if hint:
        parts.append(hint)
    by_field: dict[str, list[str]] = {}
    for error in fields:
        name, _, text = error.partition(": ")
        by_field.setdefault(name, []).append(text)
    kind = refusal_kind(status)
    if kind is BadRequest and any(ALREADY_USED in e for e in errors):
        kind = AlreadyUsed
    return kind(". ".join(p.rstrip(".") for p in parts) + ".", status, by_field)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _hint(status: int, key: str, body: Any, sent: dict | None) -> str:
    method, _, path = key.partition(" ")
    if status == 401:
        return f"The API token was not accepted: check {setting('token')} (Kimai: your profile > API access)"
    if status == 403:
        needed = next((p for prefix, p in PERMISSIONS.items() if path.startswith(prefix)), None)
        lacks = "The token's user lacks a permission Kimai checks here"
        return f"{lacks}: {needed}" if needed else lacks
    if status == 400 and isinstance(body, dict) and EXTRA_FIELDS in field_errors(body.get("errors")):
        return _extra_fields_hint(body, sent)
    if status == 400 and message_of(body) == "Bad Request":
        if method == "GET":
            return "Check the filter values: dates as YYYY-MM-DDTHH:MM:SS, ids as numbers, page within range"
        # Kimai in production replaces the detail ("User is already member of the team") by "Bad Request"
        return "Kimai gives no detail: a value may be malformed, or the record may already be in that state"
    if status == 404:
        if "{" in path or method != "GET":
            return "No such record, or it is not visible to this user"
        return "No such page (past the last one), or no such route on this Kimai"
    if status == 405:
        return "Kimai does not allow this method here"
    if status in (429, 502, 503, 504):
        return "Kimai (or a proxy in front of it) is busy or restarting; try again in a minute"
    if status >= 500:
        return "Kimai failed on its side; its log (var/log/prod.log) says why"
    return ""


def _extra_fields_hint(body: dict, sent: dict | None) -> str:
    """Kimai lists every field its form accepts for this user: what we sent beyond them was refused."""
    children = (body.get("errors") or {}).get("children") or {}
    accepted = sorted(children) if isinstance(children, dict) else []
    refused = sorted(set(sent or {}) - set(accepted))
    if not refused:
        return "Some fields are gated by role or settings; send only the fields this user may set"
    return (
        f"Not accepted here: {', '.join(refused)} (gated by the user's role or Kimai's settings, or no field of "
        f"this form); leave them out. Accepted: {', '.join(accepted)}"
    )


def message_of(body: Any) -> str | None:
    return body.get("message") if isinstance(body, dict) else None


def network_error(exc: Exception, url: str, timeout: float) -> KimaiUnreachable:
    """An httpx transport failure as one sentence (never with the token: httpx messages do not carry headers)."""
    import httpx

    name = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return KimaiUnreachable(
            f"Kimai at {url} did not answer within {timeout:g} s ({name}); try again, or raise the timeout."
        )
    text = str(exc)
    if _untrusted(exc):
        return KimaiUnreachable(
            f"The TLS certificate of {url} is not trusted; set {setting('ssl_verify')} to your CA bundle's path "
            "(or false, only for testing)."
        )
    failed = text or "connection failed"
    return KimaiUnreachable(f"Cannot reach Kimai at {url} ({name}: {failed}); check {setting('url')}.")


def _untrusted(exc: BaseException) -> bool:
    """Whether a connection failed on the certificate: the ssl error is in httpx's chain of causes; where a backend
    passes on only its text, that text says it."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower()
