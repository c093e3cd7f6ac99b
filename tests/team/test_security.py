"""The team server from the attacker's side, over real TCP on loopback: guessing secrets at the login page, forging
its form, stealing or replaying codes and tokens, pointing redirects or tokens elsewhere, hiding behind forged
`X-Forwarded-For` headers, flooding, and reading the state file or the log for secrets.

Every refusal is checked twice: its HTTP status, and that nothing was granted (no code in a redirect, no token the
MCP endpoint takes, no request to the user's Kimai). The OAuth steps are done by hand with httpx, so each test
controls every parameter; the servers are subprocesses (`tests/support/team.py`), one per set of options.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import secrets
import sqlite3
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from kimai_tools.team.login import LoginPage
from kimai_tools.team.state import digest
from tests.support.live import free_port
from tests.support.team import (
    SECRET_A,
    SECRET_B,
    SLUG_A,
    SLUG_B,
    TeamServer,
    connected,
    fakes,
    hidden_fields,
    users_file,
)

KIMAI_TOKEN_A = "kimai-api-token-of-anna-Vb61qPz0"
KIMAI_TOKEN_B = "kimai-api-token-of-bert-Hc27wRy4"
REDIRECT = "https://client.example/callback"
WRONG = "wrong-secret-but-long-enough-0"
ISSUED: dict[str, list[str]] = {"client secret": [], "code": [], "access token": [], "refresh token": []}
GUESSED: list[str] = []  # slugs typed that are no user's: perhaps a secret typed into the wrong field
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                         "clientInfo": {"name": "attacker", "version": "1"}}}  # fmt: skip


def issued() -> list[str]:
    """Every code, token and client secret the servers of this module handed out so far."""
    return [value for values in ISSUED.values() for value in values]


def known_secrets() -> list[str]:
    return [SECRET_A, SECRET_B, KIMAI_TOKEN_A, KIMAI_TOKEN_B, *issued()]


# servers


@pytest.fixture(scope="module")
def kimais():
    with fakes("anna", "bert") as served:
        yield served


@contextlib.contextmanager
def running(tmp_path_factory, kimais, name: str, *options: str):
    folder = tmp_path_factory.mktemp(name)
    users = users_file(folder / "users.json", {
        SLUG_A: {"kimai_url": kimais["anna"].url, "kimai_token": KIMAI_TOKEN_A, "auth_secret": SECRET_A},
        SLUG_B: {"kimai_url": kimais["bert"].url, "kimai_token": KIMAI_TOKEN_B, "auth_secret": SECRET_B,
                 "read_only": True},
    })  # fmt: skip
    server = TeamServer(folder, users, *options).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def team(tmp_path_factory, kimais):
    """No rate limit, legacy endpoints on, no trusted proxy: every request comes from 127.0.0.1, so at most four
    failed sign-ins may happen here before the address itself is locked out."""
    with running(tmp_path_factory, kimais, "team", "--rate-limit-rpm", "0") as server:
        yield server


@pytest.fixture(scope="module")
def guarded(tmp_path_factory, kimais):
    """For lockouts: loopback is a trusted proxy, so each test signs in from addresses of its own."""
    with running(tmp_path_factory, kimais, "guarded", "--rate-limit-rpm", "0", "--trusted-proxy", "127.0.0.1") as s:
        yield s


@pytest.fixture(scope="module")
def limited(tmp_path_factory, kimais):
    with running(tmp_path_factory, kimais, "limited", "--rate-limit-rpm", "3") as server:
        yield server


@pytest.fixture(scope="module")
def proxied(tmp_path_factory, kimais):
    with running(tmp_path_factory, kimais, "proxied", "--rate-limit-rpm", "3", "--trusted-proxy", "127.0.0.1") as s:
        yield s


@pytest.fixture(scope="module")
def legacy_off(tmp_path_factory, kimais):
    with running(tmp_path_factory, kimais, "legacy-off", "--rate-limit-rpm", "0", "--disable-legacy-slugs") as s:
        yield s


def rows(server: TeamServer, sql: str, args: tuple = ()) -> list[tuple]:
    """A statement on the server's state file, from outside the server, as an attacker with the file could."""
    with contextlib.closing(sqlite3.connect(server.state_file, timeout=10)) as db, db:
        return db.execute(sql, args).fetchall()


def count(server: TeamServer, table: str) -> int:
    return rows(server, f"SELECT count(*) FROM {table}")[0][0]


def logged(server: TeamServer, text: str) -> str:
    """The server's log once it holds `text`: an access line is written just after its response is sent."""
    deadline = time.monotonic() + 10
    while text not in (log := server.log_text()):
        if time.monotonic() > deadline:
            pytest.fail(f"{text!r} is not in the log:\n{log[-3000:]}")
        time.sleep(0.02)
    return log


# refusals


def clean(response: httpx.Response) -> httpx.Response:
    """The response names no secret of this module: no user's secret or Kimai token, nothing issued."""
    text = response.text + "".join(f"\n{key}: {value}" for key, value in response.headers.items())
    leaked = [value for value in known_secrets() if value in text]
    assert not leaked, f"the response shows {leaked}:\n{text}"
    return response


def refused(response: httpx.Response, status: int, error: str | None = None) -> httpx.Response:
    """`response` has `status`, grants nothing (no code in a redirect, no token in the body) and leaks nothing."""
    assert response.status_code == status, response.text
    query = parse_qs(urlparse(response.headers.get("location", "")).query)
    assert "code" not in query, response.headers["location"]
    assert "access_token" not in response.text and "refresh_token" not in response.text
    if error is not None:
        assert response.json()["error"] == error, response.text
    return clean(response)


# the OAuth steps by hand


@dataclass(frozen=True)
class Client:
    id: str
    secret: str


@dataclass(frozen=True)
class SignIn:
    """A sign-in under way: the login page's hidden fields, the CSRF cookie it set, the client's PKCE verifier."""

    client: Client
    request: str
    csrf: str
    cookie: str
    verifier: str
    state: str


@dataclass(frozen=True)
class Tokens:
    client: Client
    access: str
    refresh: str


def challenge_of(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


def register(server: TeamServer, redirect_uri: str = REDIRECT, name: str = "Test client") -> httpx.Response:
    metadata = {"client_name": name, "redirect_uris": [redirect_uri], "response_types": ["code"],
                "grant_types": ["authorization_code", "refresh_token"],
                "token_endpoint_auth_method": "client_secret_post"}  # fmt: skip
    return httpx.post(f"{server.url}/register", json=metadata)


def new_client(server: TeamServer, name: str = "Test client") -> Client:
    answer = register(server, name=name)
    assert answer.status_code == 201, answer.text
    info = answer.json()
    ISSUED["client secret"].append(info["client_secret"])
    return Client(info["client_id"], info["client_secret"])


def authorize(server: TeamServer, client: Client, verifier: str, state: str, **params: str) -> httpx.Response:
    query = {"response_type": "code", "client_id": client.id, "redirect_uri": REDIRECT, "state": state,
             "code_challenge": challenge_of(verifier), "code_challenge_method": "S256",
             "resource": f"{server.url}/mcp", **params}  # fmt: skip
    return httpx.get(f"{server.url}/authorize", params=query)


def start_sign_in(server: TeamServer, client: Client) -> SignIn:
    """/authorize, then the login page it sends the browser to (which sets the CSRF cookie)."""
    verifier, state = secrets.token_urlsafe(48), secrets.token_urlsafe(8)
    answer = authorize(server, client, verifier, state)
    assert answer.status_code == 302, answer.text
    assert answer.headers["location"].startswith(f"{server.url}/login?request=")
    page = httpx.get(answer.headers["location"])
    assert page.status_code == 200, page.text
    fields = hidden_fields(page.text)
    cookie = page.cookies[LoginPage.cookie(fields["request"])]
    return SignIn(client, fields["request"], fields["csrf"], cookie, verifier, state)


def submit(server: TeamServer, sign_in: SignIn, slug: str, secret: str, *, csrf: str | None = None,
           cookie: str | None = "", forwarded_for: str | None = None) -> httpx.Response:  # fmt: skip
    """The login form sent with the sign-in's CSRF field and cookie, unless `csrf` or `cookie` (None: no cookie)
    say otherwise."""
    headers = {}
    cookie = sign_in.cookie if cookie == "" else cookie
    if cookie is not None:
        headers["Cookie"] = f"{LoginPage.cookie(sign_in.request)}={cookie}"
    if forwarded_for is not None:
        headers["X-Forwarded-For"] = forwarded_for
    form = {"request": sign_in.request, "csrf": sign_in.csrf if csrf is None else csrf, "slug": slug,
            "secret": secret, "action": "allow"}  # fmt: skip
    return httpx.post(f"{server.url}/login", data=form, headers=headers)


def code_from(answer: httpx.Response, sign_in: SignIn) -> str:
    assert answer.status_code == 302, answer.text
    location = answer.headers["location"]
    assert location.startswith(f"{REDIRECT}?"), location
    query = parse_qs(urlparse(location).query)
    assert query["state"] == [sign_in.state]
    ISSUED["code"].append(query["code"][0])
    return query["code"][0]


def signed_in(server: TeamServer, slug: str = SLUG_A, secret: str = SECRET_A,
              client: Client | None = None) -> tuple[SignIn, str]:  # fmt: skip
    """A completed sign-in and its code."""
    sign_in = start_sign_in(server, client or new_client(server))
    return sign_in, code_from(submit(server, sign_in, slug, secret), sign_in)


def exchange(server: TeamServer, client: Client, code: str, verifier: str) -> httpx.Response:
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT, "client_id": client.id,
            "client_secret": client.secret, "code_verifier": verifier, "resource": f"{server.url}/mcp"}  # fmt: skip
    return httpx.post(f"{server.url}/token", data=form)


def granted(answer: httpx.Response, client: Client) -> Tokens:
    assert answer.status_code == 200, answer.text
    body = answer.json()
    ISSUED["access token"].append(body["access_token"])
    ISSUED["refresh token"].append(body["refresh_token"])
    return Tokens(client, body["access_token"], body["refresh_token"])


def tokens_for(server: TeamServer, slug: str = SLUG_A, secret: str = SECRET_A) -> Tokens:
    sign_in, code = signed_in(server, slug, secret)
    return granted(exchange(server, sign_in.client, code, sign_in.verifier), sign_in.client)


def refresh(server: TeamServer, client: Client, refresh_token: str) -> httpx.Response:
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": client.id,
            "client_secret": client.secret}  # fmt: skip
    return httpx.post(f"{server.url}/token", data=form)


def revoke(server: TeamServer, client: Client, token: str) -> httpx.Response:
    form = {"token": token, "client_id": client.id, "client_secret": client.secret}
    return httpx.post(f"{server.url}/revoke", data=form)


# the MCP endpoint by hand


def mcp(server: TeamServer, token: str | None, message: dict, session: str | None = None) -> httpx.Response:
    headers = dict(MCP_HEADERS)
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if session is not None:
        headers.update({"mcp-session-id": session, "mcp-protocol-version": "2025-06-18"})
    return httpx.post(f"{server.url}/mcp", json=message, headers=headers, timeout=30)


def answer_of(response: httpx.Response) -> dict:
    """The JSON-RPC answer of a POST to /mcp, sent as JSON or as one server-sent event."""
    if response.headers["content-type"].startswith("application/json"):
        return response.json()
    data = [line.removeprefix("data:").strip() for line in response.text.splitlines() if line.startswith("data:")]
    return json.loads(data[-1])


def call_tool(server: TeamServer, token: str, name: str, arguments: dict) -> dict:
    """A whole MCP connection with `token`: initialize, initialized, one tools/call; its result."""
    opened = mcp(server, token, INITIALIZE)
    assert opened.status_code == 200, opened.text
    session = opened.headers["mcp-session-id"]
    assert mcp(server, token, {"jsonrpc": "2.0", "method": "notifications/initialized"}, session).status_code == 202
    call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": name, "arguments": arguments}}
    answer = mcp(server, token, call, session)
    assert answer.status_code == 200, answer.text
    return answer_of(answer)["result"]


def accepted(server: TeamServer, token: str) -> bool:
    return mcp(server, token, INITIALIZE).status_code == 200


def assert_token_refused(server: TeamServer, token: str, kimais) -> None:
    """/mcp answers 401 to `token`, and a tool call with it reaches no Kimai."""
    before = {name: len(fake.kimai.requests) for name, fake in kimais.items()}
    call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "user_current", "arguments": {}}}
    for message in (INITIALIZE, call):
        answer = refused(mcp(server, token, message), 401, "invalid_token")
        assert 'error="invalid_token"' in answer.headers["www-authenticate"]
    assert {name: len(fake.kimai.requests) for name, fake in kimais.items()} == before


# guessing at the login page


def test_a_wrong_secret_gets_a_401_page_and_an_unknown_slug_the_very_same(team):
    """Guessing: a wrong secret is refused on the page itself (no redirect, no code), and an unknown slug gets the
    same status and the same page, so slugs cannot be probed."""
    sign_in = start_sign_in(team, new_client(team))
    codes = count(team, "codes")
    wrong = refused(submit(team, sign_in, SLUG_A, WRONG), 401)
    GUESSED.append(f"nobody-{secrets.token_hex(6)}")
    unknown = refused(submit(team, sign_in, GUESSED[-1], WRONG), 401)
    assert "location" not in wrong.headers and "location" not in unknown.headers
    assert '<p class="error" id="error">The slug or the secret is wrong.</p>' in wrong.text
    assert unknown.text == wrong.text
    assert WRONG not in wrong.text
    assert count(team, "codes") == codes


def test_five_failures_lock_a_slug_even_for_the_right_secret(guarded):
    """Brute force of one user's secret from many addresses: after 5 failures for the slug, the 6th attempt is
    refused with 429, Retry-After and the wait in minutes, even with the right secret, from a fresh address."""
    sign_in = start_sign_in(guarded, new_client(guarded))
    for n in range(5):
        refused(submit(guarded, sign_in, SLUG_A, f"{WRONG}{n}", forwarded_for=f"192.0.2.{n + 1}"), 401)
    codes = count(guarded, "codes")
    locked = refused(submit(guarded, sign_in, SLUG_A, SECRET_A, forwarded_for="192.0.2.6"), 429)
    assert 14 * 60 < int(locked.headers["retry-after"]) <= 15 * 60
    assert "Too many failed sign-ins for this user or from this address: try again in 15 minutes." in locked.text
    refused(submit(guarded, sign_in, f"  {SLUG_A} ", SECRET_A, forwarded_for="192.0.2.7"), 429)  # spaces do not help
    assert count(guarded, "codes") == codes
    other = start_sign_in(guarded, new_client(guarded))  # the lock is the slug's: another user still gets in
    code_from(submit(guarded, other, SLUG_B, SECRET_B, forwarded_for="192.0.2.6"), other)


def test_five_failures_from_one_address_lock_it_for_every_slug(guarded):
    """Brute force across slugs from one address: after 5 failures from it, any sign-in from it is 429, even a
    right one; from another address the same user signs in."""
    sign_in = start_sign_in(guarded, new_client(guarded))
    for _ in range(5):
        GUESSED.append(f"guess-{secrets.token_hex(6)}")
        refused(submit(guarded, sign_in, GUESSED[-1], WRONG, forwarded_for="198.18.0.66"), 401)
    codes = count(guarded, "codes")
    locked = refused(submit(guarded, sign_in, SLUG_B, SECRET_B, forwarded_for="198.18.0.66"), 429)
    assert 14 * 60 < int(locked.headers["retry-after"]) <= 15 * 60
    assert "try again in 15 minutes." in locked.text
    assert count(guarded, "codes") == codes
    code_from(submit(guarded, sign_in, SLUG_B, SECRET_B, forwarded_for="198.18.0.67"), sign_in)


# forged login forms


@pytest.mark.parametrize("forgery", ["no cookie", "another csrf field", "another sign-in's field and cookie"])
def test_a_login_form_without_its_csrf_token_is_refused(team, forgery):
    """Cross-site request forgery: the form must carry the sign-in's CSRF token both as a field and as the cookie
    the page set; otherwise 403 and no code. The genuine form still works afterwards."""
    sign_in = start_sign_in(team, new_client(team))
    if forgery == "no cookie":
        forged = submit(team, sign_in, SLUG_A, SECRET_A, cookie=None)
    elif forgery == "another csrf field":
        forged = submit(team, sign_in, SLUG_A, SECRET_A, csrf=secrets.token_urlsafe(32))
    else:
        other = start_sign_in(team, new_client(team))
        forged = submit(team, sign_in, SLUG_A, SECRET_A, csrf=other.csrf, cookie=other.cookie)
    refused(forged, 403)
    assert "This form has expired or was not sent from this page." in forged.text
    assert "location" not in forged.headers
    code_from(submit(team, sign_in, SLUG_A, SECRET_A), sign_in)


def test_an_expired_sign_in_gives_no_code(team):
    """A login page kept open past its 10 minutes (its expiry set in the state file): even the right secret gets
    the expired page, 400, and no code."""
    sign_in = start_sign_in(team, new_client(team))
    rows(team, "UPDATE pending SET expires_at = 0 WHERE key = ?", (digest(sign_in.request),))
    answer = refused(submit(team, sign_in, SLUG_A, SECRET_A), 400)
    assert "This sign-in has expired" in answer.text


def test_a_login_form_sent_again_gives_no_second_code(team):
    """A completed sign-in's form replayed (from the browser's history, or by someone who saw it): 400, no code."""
    sign_in, _ = signed_in(team)
    answer = refused(submit(team, sign_in, SLUG_A, SECRET_A), 400)
    assert "This sign-in has expired" in answer.text


def test_a_client_name_cannot_put_markup_on_the_login_page(team):
    """Anyone may register a client and pick its name, which the login page shows: it is escaped, and the page
    allows no script and no framing (clickjacking) whatever it holds."""
    client = new_client(team, name='<script>alert(1)</script><img src=x onerror="alert(2)">')
    answer = authorize(team, client, secrets.token_urlsafe(48), "s")
    page = httpx.get(answer.headers["location"])
    assert page.status_code == 200
    assert "<script>" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy and "frame-ancestors 'none'" in policy
    assert page.headers["x-frame-options"] == "DENY"


# stolen and replayed codes


def test_a_wrong_pkce_verifier_gets_no_tokens(team):
    """A stolen code without its PKCE verifier: 400 invalid_grant, however often tried. The SDK checks the verifier
    before the code is used, so a failed try does not burn the code: its owner, who has the verifier, still
    redeems it (once)."""
    sign_in, code = signed_in(team)
    tokens = count(team, "tokens")
    for _ in range(3):
        answer = refused(exchange(team, sign_in.client, code, secrets.token_urlsafe(48)), 400, "invalid_grant")
        assert answer.json()["error_description"] == "incorrect code_verifier"
    assert count(team, "tokens") == tokens
    granted(exchange(team, sign_in.client, code, sign_in.verifier), sign_in.client)


def test_a_code_is_bound_to_its_client(team):
    """A code (and even its verifier) in another client's hands: 400 invalid_grant; a wrong client secret: 401."""
    sign_in, code = signed_in(team)
    tokens = count(team, "tokens")
    thief = new_client(team)
    refused(exchange(team, thief, code, sign_in.verifier), 400, "invalid_grant")
    refused(exchange(team, Client(sign_in.client.id, thief.secret), code, sign_in.verifier), 401, "invalid_client")
    assert count(team, "tokens") == tokens


def test_a_code_used_twice_revokes_what_its_first_use_gave(team, kimais):
    """A replayed code (RFC 6749 §4.1.2): the second exchange is 400 invalid_grant, and the tokens of the first
    stop working, since one of the two exchanges was not the client's."""
    sign_in, code = signed_in(team)
    first = granted(exchange(team, sign_in.client, code, sign_in.verifier), sign_in.client)
    assert accepted(team, first.access)
    refused(exchange(team, sign_in.client, code, sign_in.verifier), 400, "invalid_grant")
    assert_token_refused(team, first.access, kimais)
    refused(refresh(team, first.client, first.refresh), 400, "invalid_grant")


def test_an_expired_code_gets_no_tokens(team):
    """A code redeemed past its 5 minutes (its expiry set in the state file): 400 invalid_grant."""
    sign_in, code = signed_in(team)
    rows(team, "UPDATE codes SET expires_at = 0 WHERE hash = ?", (digest(code),))
    refused(exchange(team, sign_in.client, code, sign_in.verifier), 400, "invalid_grant")


# redirects elsewhere


def test_authorize_refuses_a_redirect_uri_that_was_not_registered(team):
    """A code sent to the attacker's address: /authorize answers 400 itself, redirecting nowhere."""
    client = new_client(team)
    pending = count(team, "pending")
    answer = refused(authorize(team, client, secrets.token_urlsafe(48), "s", redirect_uri="https://evil.example/cb"),
                     400, "invalid_request")  # fmt: skip
    assert "location" not in answer.headers
    assert count(team, "pending") == pending


@pytest.mark.parametrize("redirect_uri", ["http://evil.example/callback", "javascript:alert(document.cookie)",
                                          "data:text/html,<script>alert(1)</script>"])  # fmt: skip
def test_registration_refuses_redirect_uris_off_https_and_loopback(team, redirect_uri):
    """A client that would receive codes in clear over the network, or run script with them: 400
    invalid_redirect_uri, and no client is stored."""
    clients = count(team, "clients")
    answer = refused(register(team, redirect_uri), 400, "invalid_redirect_uri")
    assert "client_id" not in answer.json()
    assert count(team, "clients") == clients


# tokens for another resource


def test_authorize_refuses_another_resource(team):
    """A token asked for another server (RFC 8707): an error redirect with invalid_target, no login page."""
    client = new_client(team)
    pending = count(team, "pending")
    answer = refused(authorize(team, client, secrets.token_urlsafe(48), "st8", resource="https://other.example/mcp"),
                     302)  # fmt: skip
    location = answer.headers["location"]
    assert location.startswith(f"{REDIRECT}?") and "/login" not in location
    query = parse_qs(urlparse(location).query)
    assert query["error"] == ["invalid_target"] and query["state"] == ["st8"]
    assert count(team, "pending") == pending


def test_a_token_is_refused_by_a_server_of_another_resource(team, kimais):
    """The same state file behind another public URL (so another resource): a token of the first server is
    found there but refused with 401, while it works where it was issued."""
    tokens = tokens_for(team)
    other = TeamServer(team.folder, team.users, "--rate-limit-rpm", "0", port=free_port()).start()
    try:
        assert other.state_file == team.state_file and other.url != team.url
        assert_token_refused(other, tokens.access, kimais)
        assert accepted(team, tokens.access)
        assert call_tool(team, tokens.access, "user_current", {})["isError"] is False
    finally:
        other.stop()
    log = other.log_text()
    assert "is not resource_server_url" in log
    assert not [value for value in known_secrets() if value in log]


# tokens past their life


def test_an_expired_access_token_is_refused(team, kimais):
    """An access token past its expiry (set in the state file): 401, and no Kimai is reached with it."""
    tokens = tokens_for(team)
    assert accepted(team, tokens.access)
    rows(team, "UPDATE tokens SET expires_at = 0 WHERE kind = 'access' AND hash = ?", (digest(tokens.access),))
    assert_token_refused(team, tokens.access, kimais)


def test_an_expired_refresh_token_is_refused(team):
    """A refresh token past its 30 days (set in the state file a minute ago; 0 would read as "never" to the SDK):
    400 invalid_grant, no new tokens."""
    tokens = tokens_for(team)
    rows(team, "UPDATE tokens SET expires_at = ? WHERE kind = 'refresh' AND hash = ?",
         (time.time() - 60, digest(tokens.refresh)))  # fmt: skip
    refused(refresh(team, tokens.client, tokens.refresh), 400, "invalid_grant")


def test_a_token_of_one_kind_does_not_pass_for_the_other(team, kimais):
    """Token confusion: a refresh token is no bearer token at /mcp, and an access token refreshes nothing."""
    tokens = tokens_for(team)
    assert_token_refused(team, tokens.refresh, kimais)
    refused(refresh(team, tokens.client, tokens.access), 400, "invalid_grant")
    assert accepted(team, tokens.access)


def test_a_revoked_token_and_its_refresh_token_are_refused(team, kimais):
    """A revoked sign-in (POST /revoke with the access token): the access token is 401 and its refresh token is
    refused at /token."""
    tokens = tokens_for(team)
    assert accepted(team, tokens.access)
    assert revoke(team, tokens.client, tokens.access).status_code == 200
    assert_token_refused(team, tokens.access, kimais)
    refused(refresh(team, tokens.client, tokens.refresh), 400, "invalid_grant")


def test_another_client_cannot_revoke_a_token(team):
    """Revocation by a client that did not get the token: answered 200 (RFC 7009), and the token still works."""
    tokens = tokens_for(team)
    assert revoke(team, new_client(team), tokens.access).status_code == 200
    assert accepted(team, tokens.access)


def test_a_replayed_refresh_token_ends_the_whole_sign_in(team, kimais):
    """Refresh rotation: a refresh gives new tokens and retires the old refresh token; presenting the retired one
    again (as a thief with a copy would) is 400, and revokes the family: the newest tokens stop working too."""
    first = tokens_for(team)
    second = granted(refresh(team, first.client, first.refresh), first.client)
    assert second.access != first.access and second.refresh != first.refresh
    assert accepted(team, second.access)
    refused(refresh(team, first.client, first.refresh), 400, "invalid_grant")
    assert_token_refused(team, second.access, kimais)
    assert_token_refused(team, first.access, kimais)
    refused(refresh(team, first.client, second.refresh), 400, "invalid_grant")


# a copy of the state file


def stored_text(server: TeamServer) -> str:
    """Every value of every table of the state file, as text."""
    tables = [name for (name,) in rows(server, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return "\n".join(repr(row) for table in tables for row in rows(server, f"SELECT * FROM {table}"))


def test_codes_and_tokens_are_stored_only_as_hashes(team):
    """A copy of the state file hands out nothing: no code, access or refresh token in clear, only their hashes."""
    tokens = tokens_for(team)
    stored = stored_text(team)
    assert digest(tokens.access) in stored and digest(tokens.refresh) in stored
    kinds = ("code", "access token", "refresh token")
    found = [(kind, value) for kind in kinds for value in ISSUED[kind] if value in stored]
    assert not found


def test_client_secrets_are_not_stored_in_clear(team):
    """A copy of the state file does not hand out the clients' secrets either: only their hashes."""
    client = new_client(team)
    assert client.secret not in stored_text(team)


# forwarded addresses and the rate limit


def fresh_window(server: TeamServer, address: str, seconds: float = 50) -> None:
    """A rate-limit window for `address` with no request in it yet, ending in `seconds`: the requests that follow
    count from zero, whatever the clock's minute."""
    rows(server, "INSERT OR REPLACE INTO counters VALUES (?, 0, ?)", (f"rate:{address}", time.time() + seconds))


def metadata(server: TeamServer, forwarded_for: str | None = None) -> httpx.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return httpx.get(f"{server.url}/.well-known/oauth-authorization-server", headers=headers)


def assert_limited(answer: httpx.Response, address: str) -> None:
    refused(answer, 429, "rate_limited")
    wait = int(answer.headers["retry-after"])
    assert 1 <= wait <= 60
    assert answer.json()["error_description"] == (f"More than 3 requests a minute from {address}: "
                                                  f"try again in {wait} s.")  # fmt: skip


def test_more_than_n_requests_a_minute_are_429_but_healthz_is_never_limited(limited):
    """Flooding: the 4th request in a minute at --rate-limit-rpm 3 is 429 with Retry-After (seconds) and a JSON body
    naming the wait; /healthz and /readyz still answer (a load balancer must see the server alive)."""
    fresh_window(limited, "127.0.0.1")
    for _ in range(3):
        assert metadata(limited).status_code == 200
    assert_limited(metadata(limited), "127.0.0.1")
    assert_limited(httpx.post(f"{limited.url}/token", data={"grant_type": "refresh_token"}), "127.0.0.1")
    for _ in range(5):
        assert httpx.get(f"{limited.url}/healthz").status_code == 200
        assert httpx.get(f"{limited.url}/readyz").status_code == 200


def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(limited):
    """Evading the limit with made-up X-Forwarded-For values: without --trusted-proxy they are not believed, so the
    requests count together as the peer's, and the access log names the peer."""
    fresh_window(limited, "127.0.0.1")
    for n in range(3):
        assert metadata(limited, f"203.0.113.{n + 1}").status_code == 200
    assert_limited(metadata(limited, "203.0.113.4"), "127.0.0.1")
    assert not rows(limited, "SELECT key FROM counters WHERE key LIKE 'rate:203.%'")
    log = logged(limited, '127.0.0.1 "GET /.well-known/oauth-authorization-server" 429')
    assert "203.0.113." not in log


def test_x_forwarded_for_from_a_trusted_proxy_is_believed(proxied):
    """Behind --trusted-proxy 127.0.0.1 the forwarded address is the client's: two clients are counted apart, one
    cannot escape by writing addresses to the left of what the proxy appended, and the access log names them."""
    for address in ("198.51.100.7", "198.51.100.8"):
        fresh_window(proxied, address)
    for _ in range(3):
        assert metadata(proxied, "198.51.100.7").status_code == 200
    assert_limited(metadata(proxied, "10.1.2.3, 198.51.100.7"), "198.51.100.7")
    for _ in range(3):
        assert metadata(proxied, "198.51.100.8").status_code == 200
    assert_limited(metadata(proxied, "198.51.100.8"), "198.51.100.8")
    log = logged(proxied, '198.51.100.8 "GET /.well-known/oauth-authorization-server" 429')
    assert '198.51.100.7 "GET /.well-known/oauth-authorization-server" 200' in log
    assert '198.51.100.7 "GET /.well-known/oauth-authorization-server" 429' in log
    assert "10.1.2.3" not in log


# the legacy endpoints


@pytest.mark.anyio
async def test_the_legacy_endpoint_serves_its_slug_without_oauth_and_warns_once(team):
    """/mcp/<slug> (deprecated; the slug is the secret) works without OAuth, and its warning is logged once a slug,
    however many connections."""
    for _ in range(2):
        async with connected(team.url, None, path=f"/mcp/{SLUG_A}") as client:
            result = await client.call_tool("user_current", {})
        assert not result.is_error, result.content[0].text
        assert "You are user Anna (#7)" in result.content[0].text
    log = logged(team, "uses the deprecated endpoint")
    assert log.count(f"user '{SLUG_A[:4]}…' uses the deprecated endpoint /mcp/<slug>") == 1
    assert SLUG_A not in team.log_text()  # the slug is this endpoint's secret


def test_the_legacy_endpoint_of_an_unknown_slug_is_404(team, kimais):
    """Guessing slugs at /mcp/<slug>: 404, and no Kimai is reached."""
    before = {name: len(fake.kimai.requests) for name, fake in kimais.items()}
    answer = httpx.post(f"{team.url}/mcp/nobody-Xk29sLq0", json=INITIALIZE, headers=MCP_HEADERS)
    assert refused(answer, 404, "not_found").json() == {"error": "not_found"}
    assert {name: len(fake.kimai.requests) for name, fake in kimais.items()} == before


def test_disabled_legacy_endpoints_are_404_and_mcp_asks_for_oauth(legacy_off, kimais):
    """--disable-legacy-slugs: a known slug's /mcp/<slug> is 404; /mcp answers 401 pointing to its metadata."""
    before = {name: len(fake.kimai.requests) for name, fake in kimais.items()}
    refused(httpx.post(f"{legacy_off.url}/mcp/{SLUG_A}", json=INITIALIZE, headers=MCP_HEADERS), 404)
    answer = refused(mcp(legacy_off, None, INITIALIZE), 401, "invalid_token")
    expected = f'resource_metadata="{legacy_off.url}/.well-known/oauth-protected-resource/mcp"'
    assert expected in answer.headers["www-authenticate"]
    assert {name: len(fake.kimai.requests) for name, fake in kimais.items()} == before
    assert "deprecated endpoint" not in legacy_off.log_text()


# a read-only user


@pytest.mark.parametrize(("tool", "arguments"), [
    ("timer", {"action": "start", "data": {"project": 1, "activity": 1}}),
    ("entity", {"type": "customer", "action": "create", "data": {"name": "Mine now"}}),
])  # fmt: skip
def test_a_read_only_user_cannot_write(team, kimais, tool, arguments):
    """A read-only user (bert) signed in properly: a write action is refused in a sentence saying so, and their
    Kimai gets no write request."""
    tokens = tokens_for(team, SLUG_B, SECRET_B)
    result = call_tool(team, tokens.access, tool, arguments)
    assert result["isError"] is True
    assert result["content"][0]["text"] == f"{tool} {arguments['action']} changes data; this server runs read-only."
    assert [r for r in kimais["bert"].kimai.requests if r.method != "GET"] == []


# what the log shows


def test_the_logs_show_no_secret(team, guarded, limited, proxied, legacy_off):
    """After everything above: no server's log holds a user's Kimai token or secret, nor any code, access or
    refresh token or client secret issued, nor a slug typed that is no user's."""
    tokens_for(team)  # something issued even when this test runs alone
    marker = f"/nothing-{secrets.token_hex(4)}"
    assert httpx.get(f"{team.url}{marker}").status_code == 404
    logged(team, f'"GET {marker}" 404')  # every earlier request's line is written by now
    assert issued()
    for server in (team, guarded, limited, proxied, legacy_off):
        log = server.log_text()
        leaked = [value for value in [*known_secrets(), *GUESSED] if value in log]
        assert not leaked, f"{server.url}'s log shows {leaked}"
