"""Failures as one message a model and a user can act on.

ToolError (the SDK's: becomes an `is_error` tool result)
└── KimaiError            Kimai answered with an error status, or could not be reached
    └── NotAvailable      the endpoint is missing: Kimai too old, or a plugin not installed
ArgumentError             the call's own arguments are wrong; nothing was sent to Kimai
"""

from __future__ import annotations

import json
from typing import Any

from mcp.server.mcpserver.exceptions import ToolError

EXTRA_FIELDS = "This form should not contain extra fields."

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


class ArgumentError(ToolError):
    """The arguments of a tool call are wrong; nothing was sent to Kimai."""


class KimaiError(ToolError):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class NotAvailable(KimaiError):
    """The endpoint does not exist on the connected Kimai."""


def field_errors(errors: Any, prefix: str = "") -> list[str]:
    """Kimai's nested form errors flattened to `field: message`."""
    out: list[str] = []
    if isinstance(errors, dict):
        for message in errors.get("errors", []):
            out.append(f"{prefix}: {message}" if prefix else str(message))
        children = errors.get("children", {})
        items = children.items() if isinstance(children, dict) else enumerate(children)
        for name, child in items:
            out.extend(field_errors(child, f"{prefix}.{name}" if prefix else str(name)))
    return out


def from_response(status: int, content: bytes, key: str, sent: dict | None = None) -> KimaiError:
    """A KimaiError for an error response of operation `key` ("METHOD /api/path"); `sent` is the body we sent."""
    try:
        body = json.loads(content) if content else None
    except ValueError:
        body = None
    message = body.get("message") if isinstance(body, dict) else None
    parts = [f"Kimai refused {key} with {status}" + (f" {message}" if message else "")]
    errors = field_errors(body.get("errors")) if isinstance(body, dict) else []
    generic = [e for e in errors if ":" not in e]
    fields = [e for e in errors if ":" in e]
    if fields or generic:
        parts.append("; ".join(generic + fields))
    hint = _hint(status, key, body, sent)
    if hint:
        parts.append(hint)
    return KimaiError(". ".join(p.rstrip(".") for p in parts) + ".", status)


def _hint(status: int, key: str, body: Any, sent: dict | None) -> str:
    path = key.split(" ", 1)[-1]
    if status == 401:
        return "The API token was not accepted: check KIMAI_API_TOKEN (Kimai: your profile > API access)"
    if status == 403:
        needed = next((p for prefix, p in PERMISSIONS.items() if path.startswith(prefix)), None)
        return (
            f"The token's user lacks the permission for this ({needed})"
            if needed
            else ("The token's user lacks the permission for this")
        )
    if status == 400 and isinstance(body, dict) and EXTRA_FIELDS in field_errors(body.get("errors")):
        accepted = set((body.get("errors") or {}).get("children", {}))
        refused = sorted(set(sent or {}) - accepted)
        if refused:
            return (
                f"This user may not set {', '.join(refused)} (role or settings); leave them out. "
                f"Accepted here: {', '.join(sorted(accepted))}"
            )
        return "Some fields are gated by role or settings; send only the fields the user may set"
    if status == 400 and message_of(body) == "Bad Request":
        return "Check the filter values: dates as YYYY-MM-DDTHH:MM:SS, ids as numbers, page within range"
    if status == 404:
        return "No such record, or it is not visible to this user"
    if status == 405:
        return "Kimai does not allow this method here"
    return ""


def message_of(body: Any) -> str | None:
    return body.get("message") if isinstance(body, dict) else None


def network_error(exc: Exception, url: str, timeout: float) -> KimaiError:
    """An httpx transport failure as one sentence (never with the token: httpx messages do not carry headers)."""
    import httpx

    name = type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return KimaiError(
            f"Kimai at {url} did not answer within {timeout:g} s ({name}); try again, or raise the timeout."
        )
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text.lower():
        return KimaiError(
            f"The TLS certificate of {url} is not trusted; set KIMAI_SSL_VERIFY to your CA bundle's path "
            "(or false, only for testing)."
        )
    return KimaiError(f"Cannot reach Kimai at {url} ({name}: {text or 'connection failed'}); check KIMAI_URL.")
