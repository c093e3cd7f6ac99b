"""The team server as one ASGI application: `/mcp` behind OAuth 2.1 (the SDK's authorization-server routes with our
provider, its bearer middleware with resource validation), the login page, the legacy `/mcp/<slug>` endpoints,
`/healthz` and `/readyz`, all under the rate limit and the access log (`requests.py`)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import anyio
from mcp.server.auth.handlers.metadata import MetadataHandler
from mcp.server.auth.handlers.revoke import RevocationHandler
from mcp.server.auth.handlers.token import TokenHandler
from mcp.server.auth.routes import build_metadata, cors_middleware
from mcp.server.auth.settings import AuthSettings, ClientRegistrationOptions, RevocationOptions
from mcp.server.request_state import RequestStateSecurity
from mcp.server.transport_security import (
    DEFAULT_MAX_REQUEST_BODY_SIZE,
    RequestBodyLimitMiddleware,
    TransportSecuritySettings,
)
from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, request_response
from starlette.types import Receive, Scope, Send

from kimai_tools import server
from kimai_tools.team.callers import NoteTool, TeamCallers, legacy_slug, token_subject
from kimai_tools.team.login import LoginPage
from kimai_tools.team.provider import HashedClientSecrets, TeamProvider
from kimai_tools.team.requests import Network, RequestMiddleware, masked, note, respond
from kimai_tools.team.state import State, StateUnavailable
from kimai_tools.team.users import User

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("kimai_tools.team")
PURGE_EVERY = 600.0  # s


@dataclass
class TeamConfig:
    users: Mapping[str, User]
    public_url: str  # scheme://host[:port], no path: the OAuth issuer; the resource is <public_url>/mcp
    state: State
    legacy_slugs: bool = True
    trusted_proxies: tuple[Network, ...] = ()
    rate_limit_rpm: int = 60
    host: str = "0.0.0.0"  # the bind address: on loopback the SDK also checks Host and Origin headers
    request_state_key: bytes | None = field(default=None, repr=False)  # shared by replicas (None: this process's)
    stateless: bool = False  # no MCP sessions for handshake-era clients (replicas without stickiness)
    allow_loopback_metadata: bool = False  # Client ID Metadata Documents on this machine (tests only)
    transport: httpx.AsyncBaseTransport | None = field(default=None, repr=False)  # to Kimai (tests only)


def create_app(config: TeamConfig) -> Starlette:
    public = config.public_url.rstrip("/")
    resource = f"{public}/mcp"
    provider = TeamProvider(config.state, config.users, resource, f"{public}/login",
                            allow_loopback_metadata=config.allow_loopback_metadata)  # fmt: skip
    auth = AuthSettings(
        issuer_url=public,
        resource_server_url=resource,
        validate_token_resource=True,
        client_registration_options=ClientRegistrationOptions(enabled=True),
        revocation_options=RevocationOptions(enabled=True),
    )
    security = {}
    if config.request_state_key is not None:  # the SDK seals request state; any replica must open it
        security["request_state_security"] = RequestStateSecurity(keys=[config.request_state_key])
    by_token = TeamCallers(config.users, token_subject, config.transport)
    signed_in = server.build(by_token, middleware=[NoteTool()], read_only_now=by_token.read_only_now, auth=auth,
                             auth_server_provider=provider, **security)  # fmt: skip
    checks = transport_security(config.host, public)
    oauth_app = signed_in.streamable_http_app(host=config.host, stateless_http=config.stateless,
                                              transport_security=checks)  # fmt: skip
    by_slug = TeamCallers(config.users, legacy_slug.get, config.transport)
    legacy = server.build(by_slug, middleware=[NoteTool()], read_only_now=by_slug.read_only_now, **security)
    legacy.streamable_http_app(
        host=config.host, stateless_http=config.stateless
    )  # its session manager, for /mcp/<slug>

    login = LoginPage(provider, public.startswith("https://"), config.trusted_proxies, mask_slugs=config.legacy_slugs)
    metadata = build_metadata(auth.issuer_url, None, auth.client_registration_options, auth.revocation_options)
    metadata.client_id_metadata_document_supported = True  # get_client fetches an https client_id (cimd.py)
    metadata.token_endpoint_auth_methods_supported = ["client_secret_post", "client_secret_basic", "none"]
    clients = HashedClientSecrets(provider)

    async def healthz(request: Request) -> PlainTextResponse:
        return PlainTextResponse("ok")

    async def readyz(request: Request) -> PlainTextResponse:
        try:
            await config.state.ping()
        except StateUnavailable as exc:
            return PlainTextResponse(str(exc), status_code=503)
        return PlainTextResponse("ready")

    routes: list[Any] = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/login", login.show, methods=["GET"]),
        Route("/login", login.submit, methods=["POST"]),
        Route("/login.css", login.style),
        Route("/.well-known/oauth-authorization-server",
              cors_middleware(MetadataHandler(metadata).handle, ["GET", "OPTIONS"]), methods=["GET", "OPTIONS"]),
        # the SDK's handlers, checking client secrets against their stored hashes (before the SDK's own routes)
        Route("/token", for_clients(TokenHandler(provider, clients).handle), methods=["POST", "OPTIONS"]),
        Route("/revoke", for_clients(RevocationHandler(provider, clients).handle), methods=["POST", "OPTIONS"]),
    ]  # fmt: skip
    if config.legacy_slugs:
        routes.append(Route("/mcp/{slug}", LegacyEndpoint(legacy, config.users)))
    routes += oauth_app.routes  # /mcp behind the bearer check, the SDK's OAuth routes and metadata

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with signed_in.session_manager.run(), legacy.session_manager.run(), anyio.create_task_group() as tasks:
            tasks.start_soon(purge, config.state)
            yield
            tasks.cancel_scope.cancel()

    # ours outside the SDK's bearer middleware, so that a state store failing while a token is checked is a 503
    middleware = [Middleware(RequestMiddleware, state=config.state, networks=config.trusted_proxies,
                             rate_limit_rpm=config.rate_limit_rpm, mask_slugs=config.legacy_slugs),
                  *oauth_app.user_middleware]  # fmt: skip
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def for_clients(handler: Any) -> Any:
    """A client-facing OAuth endpoint as the SDK serves its own: any origin may call it, the body is bounded."""
    limited = RequestBodyLimitMiddleware(request_response(handler), DEFAULT_MAX_REQUEST_BODY_SIZE)
    return CORSMiddleware(limited, allow_origins="*", allow_methods=["POST", "OPTIONS"],
                          allow_headers=[MCP_PROTOCOL_VERSION_HEADER])  # fmt: skip


def transport_security(host: str, public_url: str) -> TransportSecuritySettings | None:
    """Bound to loopback (behind a reverse proxy on the same host) the SDK checks Host and Origin against DNS
    rebinding: the public address must pass too. Bound to all addresses it checks nothing, as the SDK does."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        return None
    public = urlparse(public_url)
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*", public.netloc, public.hostname or ""],
        allowed_origins=[
            "http://127.0.0.1:*",
            "http://localhost:*",
            "http://[::1]:*",
            f"{public.scheme}://{public.netloc}",
        ],
    )


async def purge(state: State) -> None:
    while True:
        try:
            gone = await state.purge()
            if gone:
                log.info("purged %d expired OAuth rows", gone)
        except StateUnavailable as exc:
            log.warning("%s", exc)
        await anyio.sleep(PURGE_EVERY)


class LegacyEndpoint:
    """`/mcp/<slug>`: the MCP endpoint of one user without OAuth, where the slug is the secret (deprecated)."""

    def __init__(self, mcp: Any, users: Mapping[str, User]):
        self.mcp, self.users = mcp, users
        self.warned: set[str] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        slug = scope["path_params"]["slug"]
        if slug not in self.users:
            await respond(send, 404, json.dumps({"error": "not_found"}))
            return
        note(slug=slug)
        if slug not in self.warned:
            self.warned.add(slug)
            log.warning(
                "user %r uses the deprecated endpoint /mcp/<slug>: add the server as a connector at <public URL>/mcp "
                "instead (OAuth); --disable-legacy-slugs turns these endpoints off",
                masked(slug),
            )
        token = legacy_slug.set(slug)
        try:
            await self.mcp.session_manager.handle_request(scope, receive, send)
        finally:
            legacy_slug.reset(token)
