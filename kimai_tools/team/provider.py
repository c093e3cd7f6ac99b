"""The team server's OAuth 2.1 authorization server, as the MCP SDK's `OAuthAuthorizationServerProvider`: the SDK
serves the endpoints (metadata, /register, /authorize, /token, /revoke) and checks PKCE; this decides who is who.

It is embedded in the MCP server (one process is both the authorization and the resource server), because its
users are the users file's, known only here; tokens are opaque and checked against the state store, so no
introspection is needed between the two.

* /authorize sends the user to the login page (`login.py`) with a sign-in under way stored in the state;
* codes live 5 minutes and are single use: a code used twice revokes what the first use was given;
* access tokens live 1 hour, refresh tokens 30 days, rotated on every use: presenting a used refresh token again
  revokes its whole family (every token of that sign-in), as a stolen copy would;
* every token is bound to this server's resource URL (RFC 8707), and names its user (the slug) as its subject.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import secrets
import time
from collections.abc import Mapping
from urllib.parse import quote, unquote, urlencode, urlparse

from mcp.server.auth.middleware.client_auth import ClientAuthenticator
from mcp.server.auth.provider import (
    AccessToken,
    AuthorizationCode,
    AuthorizationParams,
    AuthorizeError,
    RefreshToken,
    RegistrationError,
    TokenError,
)
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken
from pydantic import AnyHttpUrl, ValidationError
from starlette.datastructures import FormData
from starlette.requests import Request

from kimai_tools.team.cimd import ClientMetadataError, fetch_client_metadata, is_metadata_url
from kimai_tools.team.state import State, digest
from kimai_tools.team.users import User

log = logging.getLogger("kimai_tools.team")

ACCESS_SECONDS = 3600
REFRESH_SECONDS = 30 * 86400
CODE_SECONDS = 300
SIGN_IN_SECONDS = 600  # to fill in the login page
LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")


def same_resource(a: str, b: str) -> bool:
    """Resource URLs compared as the SDK's bearer check does: as URLs, a trailing slash aside."""
    try:
        return str(AnyHttpUrl(a)).removesuffix("/") == str(AnyHttpUrl(b)).removesuffix("/")
    except ValidationError:
        return False


class TeamProvider:
    def __init__(self, state: State, users: Mapping[str, User], resource: str, login_url: str,
                 *, allow_loopback_metadata: bool = False):  # fmt: skip
        self.state, self.users, self.resource, self.login_url = state, users, resource, login_url
        self.allow_loopback_metadata = allow_loopback_metadata

    # clients: registered by DCR, or described by their own URL (Client ID Metadata Documents)

    async def get_client(self, client_id: str) -> OAuthClientInformationFull | None:
        info = await self.state.client(client_id)
        if info is not None:
            return OAuthClientInformationFull.model_validate(info)
        if not is_metadata_url(client_id):
            return None
        try:
            client, seconds = await fetch_client_metadata(client_id, allow_loopback=self.allow_loopback_metadata)
        except ClientMetadataError as exc:
            log.warning("client metadata refused: %s", exc)
            return None
        refused = unsafe_redirect(client)
        if refused:
            log.warning("client metadata refused: %s (%s)", refused, client_id)
            return None
        await self.state.save_client(client_id, client.model_dump(mode="json"), time.time() + seconds)
        return client

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        refused = unsafe_redirect(client_info)
        if refused:
            raise RegistrationError("invalid_redirect_uri", refused)
        stored = client_info.model_dump(mode="json")
        if stored.get("client_secret"):  # the client was told it (the SDK answers with client_info); we keep a hash
            stored["client_secret"] = hashed_secret(stored["client_secret"])
        await self.state.save_client(client_info.client_id or "", stored)

    # authorization: the login page finishes it (login.py)

    async def authorize(self, client: OAuthClientInformationFull, params: AuthorizationParams) -> str:
        if params.resource is not None and not same_resource(params.resource, self.resource):
            raise AuthorizeError("invalid_target", f"This server issues tokens for {self.resource} only.")
        key = secrets.token_urlsafe(32)
        sign_in = {
            "client_id": client.client_id,
            "redirect_uri": str(params.redirect_uri),
            "redirect_uri_provided_explicitly": params.redirect_uri_provided_explicitly,
            "code_challenge": params.code_challenge,
            "state": params.state,
            "scopes": params.scopes or [],
            "resource": self.resource,
            "csrf": secrets.token_urlsafe(32),
        }
        await self.state.save_pending(key, sign_in, time.time() + SIGN_IN_SECONDS)
        return f"{self.login_url}?{urlencode({'request': key})}"

    async def grant(self, sign_in: dict, slug: str) -> str:
        """The code for a completed sign-in of `slug` (the login page calls this)."""
        code = secrets.token_urlsafe(32)
        data = {key: sign_in[key] for key in ("client_id", "redirect_uri", "redirect_uri_provided_explicitly",
                                              "code_challenge", "scopes", "resource")}  # fmt: skip
        data["subject"] = slug
        await self.state.save_code(code, secrets.token_urlsafe(16), data, time.time() + CODE_SECONDS)
        return code

    async def load_authorization_code(self, client: OAuthClientInformationFull, authorization_code: str):
        found = await self.state.code(authorization_code)
        if found is None:
            return None
        if found.used:  # a replayed code: what its first use was given is revoked (RFC 6749 §4.1.2)
            log.warning("authorization code used twice: revoking the tokens it gave")
            await self.state.revoke_family(found.family)
            return None
        return FamilyAuthorizationCode(code=authorization_code, expires_at=found.expires_at, family=found.family,
                                       **found.data)  # fmt: skip

    async def exchange_authorization_code(self, client: OAuthClientInformationFull,
                                          authorization_code: FamilyAuthorizationCode) -> OAuthToken:  # fmt: skip
        if not await self.state.use_code(authorization_code.code):  # two exchanges at once: one wins
            raise TokenError("invalid_grant", "authorization code was used already")
        subject = authorization_code.subject or ""
        if subject not in self.users:
            raise TokenError("invalid_grant", "the user of this code is no longer on this server")
        return await self.issue(authorization_code.family, client.client_id or "", subject, authorization_code.scopes,
                                authorization_code.resource or self.resource)  # fmt: skip

    async def issue(self, family: str, client_id: str, subject: str, scopes: list[str], resource: str,
                    *, rotating: str | None = None) -> OAuthToken:  # fmt: skip
        access, refresh = "kta_" + secrets.token_urlsafe(32), "ktr_" + secrets.token_urlsafe(32)
        now = time.time()
        data = {"client_id": client_id, "subject": subject, "scopes": scopes, "resource": resource}
        issued = [(access, "access", data, now + ACCESS_SECONDS), (refresh, "refresh", data, now + REFRESH_SECONDS)]
        if rotating is None:
            for token, kind, values, expires_at in issued:
                await self.state.save_token(token, kind, family, values, expires_at)
        elif not await self.state.rotate(rotating, issued):
            await self.state.revoke_family(family)
            raise TokenError("invalid_grant", "refresh token was used already; sign in again")
        return OAuthToken(access_token=access, token_type="Bearer", expires_in=ACCESS_SECONDS,
                          refresh_token=refresh, scope=" ".join(scopes) or None)  # fmt: skip

    # tokens

    async def load_refresh_token(self, client: OAuthClientInformationFull, refresh_token: str):
        found = await self.state.token(refresh_token)
        if found is None or found.kind != "refresh" or await self.state.family_revoked(found.family):
            return None
        if found.expires_at < time.time():
            return None
        if found.used:  # a rotated-out token presented again: someone holds a copy, so the whole sign-in ends
            log.warning("a used refresh token was presented again: revoking its family")
            await self.state.revoke_family(found.family)
            return None
        return FamilyRefreshToken(token=refresh_token, expires_at=int(found.expires_at), family=found.family,
                                  **found.data)  # fmt: skip

    async def exchange_refresh_token(self, client: OAuthClientInformationFull, refresh_token: FamilyRefreshToken,
                                     scopes: list[str]) -> OAuthToken:  # fmt: skip
        family = refresh_token.family
        subject = refresh_token.subject or ""
        if subject not in self.users:
            await self.state.revoke_family(family)
            raise TokenError("invalid_grant", "the user of this token is no longer on this server")
        return await self.issue(family, client.client_id or "", subject, scopes,
                                refresh_token.resource or self.resource, rotating=refresh_token.token)  # fmt: skip

    async def load_access_token(self, token: str) -> AccessToken | None:
        found = await self.state.token(token)
        if found is None or found.kind != "access" or found.expires_at < time.time():
            return None
        if found.data.get("subject") not in self.users:  # revoking a family deletes its tokens: no second read
            return None
        return FamilyAccessToken(token=token, expires_at=int(found.expires_at), family=found.family, **found.data)

    async def revoke_token(self, token: FamilyAccessToken | FamilyRefreshToken) -> None:
        family = token.family
        if family:
            await self.state.revoke_family(family)

    async def exchange_identity_assertion(self, client, params) -> OAuthToken:
        raise TokenError("unsupported_grant_type", "the JWT bearer grant is not supported by this server")


def unsafe_redirect(client: OAuthClientInformationFull) -> str | None:
    """Why a client's redirect URIs are refused (None: they are fine): https, or http back to the user's machine."""
    for uri in client.redirect_uris or []:
        parsed = urlparse(str(uri))
        if parsed.scheme == "https" or (parsed.scheme == "http" and parsed.hostname in LOOPBACK):
            continue
        return f"{uri} is neither https nor http on this machine's loopback address."
    return None


def hashed_secret(secret: str) -> str:
    return "sha256:" + digest(secret)


class HashedClientSecrets(ClientAuthenticator):
    """The SDK's client authentication at /token and /revoke, against the stored hash of a client's secret: the
    presented secret is hashed before the SDK compares it, so the state holds no usable client secret."""

    async def authenticate_request(self, request: Request) -> OAuthClientInformationFull:
        form = await request.form()
        items = [(k, hashed_secret(v) if k == "client_secret" and isinstance(v, str) else v)
                 for k, v in form.multi_items()]  # fmt: skip
        request._form = FormData(items)  # the handler reads the same form after us
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            with contextlib.suppress(ValueError, UnicodeDecodeError, binascii.Error):
                client_id, _, secret = base64.b64decode(header[6:]).decode().partition(":")
                basic = base64.b64encode(f"{client_id}:{quote(hashed_secret(unquote(secret)))}".encode())
                request.scope["headers"] = [(k, v) for k, v in request.scope["headers"] if k != b"authorization"]
                request.scope["headers"].append((b"authorization", b"Basic " + basic))
                request.__dict__.pop("_headers", None)
        return await super().authenticate_request(request)


class FamilyAuthorizationCode(AuthorizationCode):
    family: str


class FamilyAccessToken(AccessToken):
    family: str


class FamilyRefreshToken(RefreshToken):
    family: str
