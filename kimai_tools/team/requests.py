"""What the team server knows of one HTTP request: the client's address (believing `X-Forwarded-For` only from a
trusted proxy), the rate limit per address, and the access log line (who, which tool, what status; never a token,
a secret or a query string)."""

from __future__ import annotations

import contextvars
import ipaddress
import json
import logging
import math
import time
from collections.abc import Iterable
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from kimai_tools.domain.text import quoted
from kimai_tools.team.state import State, StateUnavailable

access_log = logging.getLogger("kimai_tools.team.access")
log = logging.getLogger("kimai_tools.team")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
_note: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar("kimai_team_request", default=None)
UNLIMITED = ("/healthz", "/readyz", "/login.css")
LOGGED = 200  # characters of a path or tool name in the access log


def proxies(values: Iterable[str]) -> tuple[Network, ...]:
    """`--trusted-proxy` values (addresses or networks) as networks; a wrong one is a ValueError of one sentence."""
    networks = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP address or network (e.g. 10.0.0.5 or 10.0.0.0/8).") from None
    return tuple(networks)


def trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(scope: Scope, networks: tuple[Network, ...]) -> str:
    """The address a request came from: the peer, or, when the peer is a trusted proxy, the last address in
    `X-Forwarded-For` that is not a trusted proxy itself (or `X-Real-IP`); what an untrusted peer says is ignored."""
    peer = (scope.get("client") or ("unknown", 0))[0]
    if not networks or not trusted(peer, networks):
        return peer
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
    forwarded = [part.strip() for part in headers.get("x-forwarded-for", "").split(",") if part.strip()]
    for hop in reversed(forwarded):  # the right end was written by our own proxies; a client can forge the left
        if not trusted(hop, networks):
            return hop if valid_ip(hop) else peer
    real = headers.get("x-real-ip", "").strip()
    return real if valid_ip(real) else (forwarded[0] if forwarded and valid_ip(forwarded[0]) else peer)


def valid_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def masked(slug: str) -> str:
    """A slug as the logs show it while the legacy endpoints are on, where it is the only secret: its start."""
    return slug[:4] + "…"


def note(**values: Any) -> None:
    """Adds to the access log line of the request under way (the slug, the tool); outside a request a no-op."""
    current = _note.get()
    if current is not None:
        current.update(values)


class RequestMiddleware:
    """The outermost layer: the address, the rate limit (429 with Retry-After) and one access log line a request."""

    def __init__(self, app: ASGIApp, state: State, networks: tuple[Network, ...], rate_limit_rpm: int,
                 mask_slugs: bool):  # fmt: skip
        self.app, self.state, self.networks, self.rpm = app, state, networks, rate_limit_rpm
        self.mask_slugs = mask_slugs

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        address = client_address(scope, self.networks)
        values: dict[str, Any] = {}
        token = _note.set(values)
        status = [0]

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            refusal = await self.limited(scope["path"], address)
            if refusal is not None:
                await refusal(scope, receive, sending)
            else:
                await self.app(scope, receive, sending)
        except StateUnavailable as exc:
            log.warning("%s", exc)
            if status[0]:  # the answer had begun: nothing better can be sent
                raise
            await unavailable(scope, receive, sending)
        finally:
            _note.reset(token)
            path = "/mcp/<slug>" if scope["path"].startswith("/mcp/") else scope["path"]  # the slug may be a secret
            if self.mask_slugs and "slug" in values:
                values["slug"] = masked(values["slug"])
            # the path (decoded) and the tool name are what the client sent: quoted, they cannot forge a line
            parts = [address, quoted(f"{scope['method']} {path}", LOGGED), str(status[0] or "-"),
                     f"{(time.perf_counter() - started) * 1000:.0f}ms"]  # fmt: skip
            parts += [f"{key}={quoted(values[key], LOGGED)}" for key in ("slug", "tool") if key in values]
            access_log.info(" ".join(parts))

    async def limited(self, path: str, address: str):
        if self.rpm <= 0 or path in UNLIMITED:
            return None
        try:
            count, resets = await self.state.count(f"rate:{address}", 60.0)
        except StateUnavailable:
            return unavailable
        if count <= self.rpm:
            return None
        wait = max(1, math.ceil(resets - time.time()))

        async def refuse(scope: Scope, receive: Receive, send: Send) -> None:
            said = f"More than {self.rpm} requests a minute from {address}: try again in {wait} s."
            body = json.dumps({"error": "rate_limited", "error_description": said})
            await respond(send, 429, body, [(b"retry-after", str(wait).encode())])

        return refuse


async def unavailable(scope: Scope, receive: Receive, send: Send) -> None:
    body = json.dumps({"error": "temporarily_unavailable",
                       "error_description": "The server's state store is unavailable; try again shortly."})  # fmt: skip
    await respond(send, 503, body, [(b"retry-after", b"5")])


async def respond(send: Send, status: int, body: str, extra: list[tuple[bytes, bytes]] = ()) -> None:
    data = body.encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
               (b"cache-control", b"no-store"), *extra]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
