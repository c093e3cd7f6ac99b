"""config: Kimai's timesheet settings, colour palette, plugins and version."""

from typing import Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations

from kimai_tools.kimai.errors import KimaiError, KimaiUnreachable, NotAvailable
from kimai_tools.tools.base import Caller
from kimai_tools.tools.declare import Action, Actions
from kimai_tools.tools.render import compact, result

TITLE = "Kimai configuration"
ANNOTATIONS = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

READS = {
    "timesheet": "GET /api/config/timesheet",
    "colors": "GET /api/config/colors",
    "plugins": "GET /api/plugins",
    "version": "GET /api/version",
}
EMPTY = {"plugins": "none installed"}
ACTIONS = Actions(
    "config",
    {None: Action("read_config", sends={**{t: [op] for t, op in READS.items()}, "all": list(READS.values())})},
    variant="type",
)


async def config(type: Literal["timesheet", "colors", "plugins", "version", "all"], ctx: Context) -> CallToolResult:
    """Kimai settings: timesheet rules (tracking mode, rounding, limits), colour palette, plugins, version."""
    return await ACTIONS.run(ctx, None, type=type)


async def read_config(caller: Caller, ctx: Context, type: str) -> CallToolResult:
    wanted = list(READS) if type == "all" else [type]
    data, refused = {}, {}
    for name in wanted:
        try:
            data[name] = (await caller.call(READS[name])).data
        except KimaiError as exc:
            if type != "all" or isinstance(exc, KimaiUnreachable | NotAvailable):
                raise
            refused[name] = str(exc)  # e.g. only a super admin may list plugins: the other parts still answer
    if "version" in data:
        from kimai_tools.kimai.versions import describe

        data["version"] = {**(data["version"] or {}), "client": describe((data["version"] or {}).get("version"))}
    shown = compact(data)
    lines = [f"{name}: {render_value(shown[name]) if name in shown else EMPTY.get(name, 'none')}" for name in data]
    lines += [f"{name}: not read. {why}" for name, why in refused.items()]
    answer = result("\n".join(lines), {**data, "not_read": refused} if refused else data)
    if data.get("plugins") == []:  # no plugins is an answer too: kept where compacting drops empty lists
        answer.structured_content["plugins"] = []
    return answer


def render_value(value) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}={render_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(render_value(v) for v in value)
    return str(value)
