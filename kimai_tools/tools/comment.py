"""comment: comments on projects and customers (Kimai ≥ 2.57)."""

from typing import Any, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.domain.arguments import ArgumentError, need, need_id, pick
from kimai_tools.domain.text import deleted, quoted, shown, user_name
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import result

TITLE = "Kimai comments"
PLURALS = {"project": "projects", "customer": "customers"}
ACTIONS = Actions("comment", {
    "list": Action("list_comments", sends={e: [f"GET /api/{p}/{{id}}/comments"] for e, p in PLURALS.items()}),
    "create": Action("create", writes=True, sends={e: [f"POST /api/{p}/{{id}}/comments"] for e, p in PLURALS.items()}),
    "delete": Action("delete", writes=True,
                     sends={e: [f"DELETE /api/{p}/{{id}}/comments/{{comment}}"] for e, p in PLURALS.items()}),
    "pin": Action("pin", writes=True,
                  sends={e: [f"PATCH /api/{p}/{{id}}/comments/{{comment}}/pin"] for e, p in PLURALS.items()}),
}, variant="entity")  # fmt: skip
ANNOTATIONS = ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False, open_world_hint=False)

SHOWN = 300  # characters of a message in the text; structured content keeps it whole


def comment_facts(comment: dict) -> dict:
    author = comment.get("createdBy")
    return {
        "id": comment.get("id"),
        "message": comment.get("message"),
        "pinned": bool(comment.get("pinned")),
        "created_at": comment.get("createdAt"),
        "created_by": {"id": author.get("id"), "name": user_name(author)} if isinstance(author, dict) else author,
    }


def comment_line(facts: dict) -> str:
    """`#5 [pinned] 2026-01-02 10:00 Susan: Billing contact changed`, the message on one line."""
    message = quoted(facts.get("message") or "", SHOWN)
    parts = [f"#{facts.get('id')}"]
    if facts["pinned"]:
        parts.append("[pinned]")
    when = facts.get("created_at")
    if isinstance(when, str) and when:
        parts.append(when[:16].replace("T", " "))
    author = facts.get("created_by")
    parts.append(f"{shown(author['name'])}:" if isinstance(author, dict) else "-")
    return " ".join(parts) + f" {message}"


def _path(entity: str, suffix: str = "") -> str:
    return f"/api/{entity}s/{{id}}/comments{suffix}"


async def list_comments(caller: Caller, ctx: Context, *, entity: str, entity_id: Any) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "list")
    comments = [
        comment_facts(c) for c in (await caller.call(f"GET {_path(entity)}", path={"id": entity_id})).data or []
    ]
    where = f"{entity} {entity_id}"
    head = f"{len(comments)} comment{'s' if len(comments) != 1 else ''} on {where}:"
    if not comments:
        head = f"No comments on {where}."
    text = "\n".join([head, *(comment_line(c) for c in comments)])
    return result(text, {"entity": entity, "entity_id": entity_id, "total": len(comments), "comments": comments})


async def create(caller: Caller, ctx: Context, *, entity: str, entity_id: Any, data: Any) -> CallToolResult:
    entity_id = need_id(entity_id, "entity_id", "create")
    form = pick(data, ("message", "pinned"), "data fields")
    need(form.get("message"), "data.message", "create")
    if not isinstance(form["message"], str):
        raise ArgumentError("`message` must be text (Markdown is allowed).")
    if "pinned" in form and not isinstance(form["pinned"], bool):
        raise ArgumentError(f"`pinned` must be true or false, got {form['pinned']!r}.")
    facts = comment_facts((await caller.call(f"POST {_path(entity)}", path={"id": entity_id}, body=form)).data or {})
    text = f"Added comment to {entity} {entity_id}: {comment_line(facts)}"
    return result(text, {"entity": entity, "entity_id": entity_id, "comment": facts})


async def delete(caller: Caller, ctx: Context, *, entity: str, entity_id: Any, comment_id: Any) -> CallToolResult:
    entity_id, comment_id = need_id(entity_id, "entity_id", "delete"), need_id(comment_id, "comment_id", "delete")
    reply = await caller.call(f"DELETE {_path(entity, '/{comment}')}", path={"id": entity_id, "comment": comment_id})
    text = deleted(f"comment #{comment_id} of {entity} {entity_id}", reply.already_done)
    return result(text, {"entity": entity, "entity_id": entity_id, "deleted": comment_id})


async def pin(caller: Caller, ctx: Context, *, entity: str, entity_id: Any, comment_id: Any) -> CallToolResult:
    entity_id, comment_id = need_id(entity_id, "entity_id", "pin"), need_id(comment_id, "comment_id", "pin")
    answer = (
        await caller.call(f"PATCH {_path(entity, '/{comment}/pin')}", path={"id": entity_id, "comment": comment_id})
    ).data
    where = f"comment #{comment_id} of {entity} {entity_id}"
    if not isinstance(answer, dict) or answer.get("pinned") is None:
        text = f"Toggled the pin of {where}; Kimai did not say the new state (comment list shows it)."
        return result(text, {"entity": entity, "entity_id": entity_id, "comment": {"id": comment_id}})
    facts = comment_facts(answer)
    state = "pinned (shown first)" if facts["pinned"] else "no longer pinned"
    return result(f"{where.capitalize()} is now {state}.", {"entity": entity, "entity_id": entity_id, "comment": facts})


async def comment(
    entity: Literal["project", "customer"],
    entity_id: int,
    action: ACTIONS.names,
    ctx: Context,
    comment_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> CallToolResult:
    """Comments (Kimai ≥ 2.57). create: data {message, pinned?}. delete, pin (toggles): comment_id."""
    return await ACTIONS.run(ctx, action, entity=entity, entity_id=entity_id, comment_id=comment_id, data=data)
