"""The login page of a sign-in under way: it names the client that asks and the host it sends the user back to,
then takes the user's slug and `auth_secret`.

Anyone can register a client, so the page shows who is asking before the secret is typed. The form carries a CSRF
token that must also come back as a cookie; a wrong slug or secret counts against the slug and the address, and after
`FAILURES` failures of either in `LOCKOUT` seconds the page refuses with the wait. No script runs on the page (its
CSP forbids any), its style is a file of this server's, and no page may frame it.
"""

from __future__ import annotations

import hmac
import html
import logging
import math
import time
from dataclasses import dataclass
from urllib.parse import urlparse

from mcp.server.auth.provider import construct_redirect_uri
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from kimai_tools.team.passwords import verify_secret
from kimai_tools.team.provider import TeamProvider
from kimai_tools.team.requests import client_address, masked, note
from kimai_tools.team.state import digest

log = logging.getLogger("kimai_tools.team")

FAILURES = 5
LOCKOUT = 15 * 60.0  # s
CSRF_COOKIE = "kimai_mcp_csrf"

STYLE = """body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2733}
main{max-width:26rem;margin:8vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin:0 0 1rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
.who{background:#eef3fb;padding:.75rem;border-radius:6px}.error{color:#b00020;font-weight:600}
.buttons{display:flex;gap:.5rem;margin-top:1.5rem}button{padding:.55rem 1.2rem;font-size:1rem}
code{font-size:.95em}
"""


@dataclass(frozen=True)
class LoginPage:
    provider: TeamProvider  # its state and users are the page's
    secure_cookie: bool  # the public URL is https
    trusted_proxies: tuple = ()
    mask_slugs: bool = False  # the legacy endpoints are on, where a slug is a secret

    def shown(self, slug: str) -> str:
        return masked(slug) if self.mask_slugs else slug

    @staticmethod
    def cookie(key: str) -> str:
        """The CSRF cookie of one sign-in: two sign-ins under way in one browser keep their own."""
        return f"{CSRF_COOKIE}_{digest(key)[:16]}"

    async def style(self, request: Request) -> Response:
        return Response(STYLE, media_type="text/css", headers={"Cache-Control": "public, max-age=86400",
                                                               "X-Content-Type-Options": "nosniff"})  # fmt: skip

    async def show(self, request: Request) -> Response:
        key = request.query_params.get("request", "")
        sign_in = await self.provider.state.pending(key) if key else None
        if sign_in is None:
            return self.expired()
        response = await self.page(key, sign_in)
        response.set_cookie(self.cookie(key), sign_in["csrf"], max_age=600, path="/login", secure=self.secure_cookie,
                            httponly=True, samesite="strict")  # fmt: skip
        return response

    async def submit(self, request: Request) -> Response:
        form = await request.form()
        key = str(form.get("request", ""))
        sign_in = await self.provider.state.pending(key) if key else None
        if sign_in is None:
            return self.expired()
        sent, cookie = str(form.get("csrf", "")), request.cookies.get(self.cookie(key), "")
        if not (hmac.compare_digest(sent, sign_in["csrf"]) and hmac.compare_digest(cookie, sign_in["csrf"])):
            stale = "This form has expired or was not sent from this page. Reload it."
            return await self.page(key, sign_in, stale, 403)
        if form.get("action") == "deny":
            await self.provider.state.take_pending(key)
            return self.back(sign_in, error="access_denied")
        slug, secret = str(form.get("slug", "")).strip(), str(form.get("secret", ""))
        address = client_address(request.scope, self.trusted_proxies)
        wait = await self.locked_for(slug, address)
        if wait:
            minutes = math.ceil(wait / 60)
            text = f"Too many failed sign-ins for this user or from this address: try again in {minutes} minute" + (
                "s." if minutes != 1 else "."
            )
            response = await self.page(key, sign_in, text, 429)
            response.headers["Retry-After"] = str(math.ceil(wait))
            return response
        user = self.provider.users.get(slug)
        matches = verify_secret(secret, plain=user.auth_secret if user else None,
                                hashed=user.auth_secret_hash if user else None)  # fmt: skip
        if user is None or not matches:
            for key_of in (f"login:slug:{slug}", f"login:ip:{address}"):
                await self.provider.state.add_event(key_of, LOCKOUT)
            note(slug=slug if user else "(unknown)")
            log.warning("sign-in refused for %s from %s", self.shown(slug) if user else "an unknown slug", address)
            return await self.page(key, sign_in, "The slug or the secret is wrong.", 401)
        if await self.provider.state.take_pending(key) is None:  # the same form sent twice at once: one of them wins
            return self.expired()
        note(slug=slug)
        code = await self.provider.grant(sign_in, slug)
        log.info("signed in: %s for client %s", self.shown(slug), sign_in["client_id"])
        return self.back(sign_in, code=code)

    async def locked_for(self, slug: str, address: str) -> float:
        """Seconds until a sign-in of `slug` from `address` is allowed again (0: now)."""
        wait = 0.0
        for key in (f"login:slug:{slug}", f"login:ip:{address}"):
            count, oldest = await self.provider.state.events(key, LOCKOUT)
            if count >= FAILURES and oldest is not None:
                wait = max(wait, oldest + LOCKOUT - time.time())
        return max(wait, 0.0)

    def back(self, sign_in: dict, **params: str) -> Response:
        url = construct_redirect_uri(sign_in["redirect_uri"], state=sign_in.get("state"), **params)
        return RedirectResponse(url, status_code=302, headers=headers(sign_in["redirect_uri"]))

    def expired(self) -> Response:
        body = ("<h1>This sign-in has expired</h1><p>Sign-in links are valid for 10 minutes and once. Start again "
                "from your client (in Claude: reconnect the connector).</p>")  # fmt: skip
        return Response(document(body), status_code=400, media_type="text/html", headers=headers(None))

    async def page(self, key: str, sign_in: dict, error: str | None = None, status: int = 200) -> Response:
        client_id = sign_in["client_id"]
        client = await self.provider.get_client(client_id)
        name = (client.client_name if client else None) or client_id
        target = urlparse(sign_in["redirect_uri"])
        host = target.hostname or target.scheme
        e = html.escape
        who = (
            f'<p class="who"><strong id="client">{e(name)}</strong> asks to use '
            f'Kimai as you. After you sign in you are sent back to <strong id="redirect-host">{e(host)}</strong>.'
            "</p>"
        )
        body = (
            "<h1>Sign in to Kimai tools</h1>" + who
            + (f'<p class="error" id="error">{e(error)}</p>' if error else "")
            + '<form method="post" action="/login">'
            f'<input type="hidden" name="request" value="{e(key)}"><input type="hidden" name="csrf" '
            f'value="{e(sign_in["csrf"])}">'
            '<label for="slug">Your user name on this server (slug)</label>'
            '<input type="text" id="slug" name="slug" autocomplete="username" required autofocus>'
            '<label for="secret">Your secret (auth_secret)</label>'
            '<input type="password" id="secret" name="secret" autocomplete="current-password" required>'
            '<div class="buttons"><button type="submit" name="action" value="allow" id="allow">Sign in</button>'
            '<button type="submit" name="action" value="deny" id="deny" formnovalidate>Cancel</button></div></form>'
        )  # fmt: skip
        return Response(document(body), status_code=status, media_type="text/html",
                        headers=headers(sign_in["redirect_uri"]))  # fmt: skip


def document(body: str) -> str:
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            'content="width=device-width, initial-scale=1"><title>Sign in · Kimai tools</title>'
            f'<link rel="stylesheet" href="/login.css"></head><body><main>{body}</main></body></html>')  # fmt: skip


def headers(redirect_uri: str | None) -> dict[str, str]:
    """No script, no framing, no referrer; the form may post here and be redirected to the client only."""
    target = ""
    if redirect_uri:
        parsed = urlparse(redirect_uri)
        target = f" {parsed.scheme}://{parsed.netloc}" if parsed.netloc else f" {parsed.scheme}:"
    return {
        "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        f"frame-ancestors 'none'; form-action 'self'{target}",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
    }
