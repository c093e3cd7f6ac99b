"""The team server under test: started as its own process on a free loopback port (`TeamServer`), Kimai fakes
reachable over real HTTP (`FakeKimaiHTTP`), and an OAuth client that signs in at the login page like a person
would (`oauth_client`), built on the MCP SDK's own client support."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import httpx2
from mcp import Client
from mcp.client.auth import OAuthClientProvider, TokenStorage
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.auth import AuthorizationCodeResult, OAuthClientInformationFull, OAuthClientMetadata, OAuthToken

from tests.support.fake import FakeKimai
from tests.support.live import free_port
from tests.support.paths import ROOT

SECRET_A = "correct-horse-battery-staple-A1"
SECRET_B = "correct-horse-battery-staple-B2"
SLUG_A = "anna-7Fq2xLw9Rk4mPz"
SLUG_B = "bert-Q8s3Vn5Jc1xTd6"


class FakeKimaiHTTP:
    """A `FakeKimai` served over HTTP on loopback, so another process (the team server) can reach it."""

    def __init__(self, kimai: FakeKimai):
        self.kimai = kimai
        fake = kimai

        class Handler(BaseHTTPRequestHandler):
            def handle_one(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                request = httpx.Request(self.command, f"http://{self.headers.get('Host')}{self.path}",
                                        headers=dict(self.headers.items()), content=body)  # fmt: skip
                response = fake.handle(request)
                data = response.read()
                self.send_response(response.status_code)
                for key, value in response.headers.items():
                    if key.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = handle_one

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def users_file(path: Path, users: dict[str, dict]) -> Path:
    path.write_text(json.dumps({"_comment": "written by the test", **users}))
    return path


class TeamServer:
    """`python -m kimai_tools.team` with a users file, on a free port, its log kept in a file."""

    def __init__(self, folder: Path, users: Path, *args: str, env: dict[str, str] | None = None,
                 port: int | None = None, public_url: str | None = None):  # fmt: skip
        self.folder, self.users, self.args, self.extra_env = folder, users, list(args), env or {}
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.public_url = public_url or self.url  # behind a load balancer: its address
        self.log = folder / f"team-{self.port}.log"
        self.state_file = folder / "oauth.sqlite3"
        self.process: subprocess.Popen | None = None

    def start(self) -> TeamServer:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIMAI_")}
        env.update({"PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'generated'}", **self.extra_env})
        command = [sys.executable, "-m", "kimai_tools.team", "--host", "127.0.0.1", "--port", str(self.port),
                   "--users-config", str(self.users), "--public-url", self.public_url, *self.args]  # fmt: skip
        if "--state" not in self.args:
            command += ["--oauth-state-file", str(self.state_file)]
        self.process = subprocess.Popen(command, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the team server exited with {self.process.returncode}:\n{self.log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            time.sleep(0.05)
        raise RuntimeError(f"the team server did not start:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class MemoryTokens(TokenStorage):
    """What a client such as Claude.ai keeps between its connections to the server."""

    def __init__(self) -> None:
        self.tokens: OAuthToken | None = None
        self.client: OAuthClientInformationFull | None = None

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client = client_info


REDIRECT = "http://127.0.0.1:9/callback"  # never reached: the test reads the code from the login page's redirect


def hidden_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))


async def sign_in(authorization_url: str, slug: str, secret: str) -> httpx.Response:
    """What a person does in the browser: open the authorization URL, fill in the login page, send it. Returns
    the login page's answer (a redirect to the client on success)."""
    origin = "{0.scheme}://{0.netloc}".format(urlparse(authorization_url))
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as browser:
        answer = await browser.get(authorization_url)
        while answer.status_code in (302, 303, 307) and "/login" in answer.headers["location"]:
            # the public URL's login page, reached at the address the test talks to (as a proxy in front would)
            login = urlparse(answer.headers["location"])
            answer = await browser.get(f"{origin}{login.path}?{login.query}")
        assert answer.status_code == 200, answer.text
        form = hidden_fields(answer.text)
        # sent as a browser would over the public https address, where the cookie is Secure
        cookies = "; ".join(f"{name}={value}" for name, value in answer.cookies.items())
        return await browser.post(str(answer.url).split("?")[0], headers={"Cookie": cookies},
                                  data={**form, "slug": slug, "secret": secret, "action": "allow"})  # fmt: skip


class Browser:
    """The redirect and callback handlers of an OAuth client, signing in as `slug` with `secret`."""

    def __init__(self, slug: str, secret: str):
        self.slug, self.secret = slug, secret
        self.redirect: httpx.Response | None = None
        self.sign_ins = 0

    async def open(self, authorization_url: str) -> None:
        self.sign_ins += 1
        self.redirect = await sign_in(authorization_url, self.slug, self.secret)

    async def callback(self) -> AuthorizationCodeResult:
        assert self.redirect is not None and self.redirect.status_code == 302, self.redirect and self.redirect.text
        query = parse_qs(urlparse(self.redirect.headers["location"]).query)
        return AuthorizationCodeResult(code=query["code"][0], state=query.get("state", [None])[0])


def oauth_client(server_url: str, slug: str, secret: str, storage: MemoryTokens | None = None,
                 browser: Browser | None = None) -> tuple[OAuthClientProvider, MemoryTokens, Browser]:  # fmt: skip
    storage = storage or MemoryTokens()
    browser = browser or Browser(slug, secret)
    metadata = OAuthClientMetadata(client_name="Test connector", redirect_uris=[REDIRECT],
                                   grant_types=["authorization_code", "refresh_token"], response_types=["code"],
                                   token_endpoint_auth_method="client_secret_post")  # fmt: skip
    provider = OAuthClientProvider(f"{server_url}/mcp", metadata, storage, redirect_handler=browser.open,
                                   callback_handler=browser.callback)  # fmt: skip
    return provider, storage, browser


@contextlib.asynccontextmanager
async def connected(server_url: str, auth: httpx2.Auth | None = None, path: str = "/mcp", **client_args: Any):
    """An MCP client session over Streamable HTTP, signed in through `auth`."""
    async with httpx2.AsyncClient(auth=auth, timeout=30) as http:
        async with Client(streamable_http_client(f"{server_url}{path}", http_client=http), **client_args) as client:
            yield client


def fake_kimai_for(name: str, version: str = "2.31.0") -> FakeKimai:
    """A Kimai whose one user is `name`, answering `user_current` and an entity list, so answers tell who acted."""
    kimai = FakeKimai(version=version)
    me = {"id": 7, "username": name, "alias": name.title(), "enabled": True, "roles": ["ROLE_USER"], "teams": [],
          "language": "en", "timezone": "Europe/Berlin", "preferences": []}  # fmt: skip
    kimai.on("GET", "/api/users/me", me)
    kimai.on("GET", "/api/customers", [{"id": 1, "name": f"Customer of {name}", "visible": True}])
    return kimai


@contextlib.contextmanager
def fakes(*names: str) -> Iterator[dict[str, FakeKimaiHTTP]]:
    served = {name: FakeKimaiHTTP(fake_kimai_for(name)) for name in names}
    try:
        yield served
    finally:
        for server in served.values():
            server.close()


def pkce() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(48)
    return verifier, base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")


class ByHand:
    """The OAuth steps one at a time, each against the server the test names (a replica, or the balancer)."""

    def __init__(self, resource: str):
        self.resource = resource  # <public URL>/mcp
        self.client: dict = {}
        self.http = httpx.AsyncClient(timeout=15)

    async def register(self, base: str) -> dict:
        answer = await self.http.post(f"{base}/register", json={"client_name": "By hand", "redirect_uris": [REDIRECT],
                                      "grant_types": ["authorization_code", "refresh_token"]})  # fmt: skip
        assert answer.status_code == 201, answer.text
        self.client = answer.json()
        return self.client

    async def code(self, base: str, slug: str, secret: str) -> tuple[str, str]:
        """A code for `slug`, and its PKCE verifier, from /authorize and the login page at `base`."""
        verifier, challenge = pkce()
        query = {"response_type": "code", "client_id": self.client["client_id"], "redirect_uri": REDIRECT,
                 "code_challenge": challenge, "code_challenge_method": "S256", "state": "s",
                 "resource": self.resource}  # fmt: skip
        answer = await sign_in(f"{base}/authorize?{urlencode(query)}", slug, secret)
        assert answer.status_code == 302, answer.text
        return parse_qs(urlparse(answer.headers["location"]).query)["code"][0], verifier

    async def token(self, base: str, **grant: str) -> httpx.Response:
        form = {**grant, "client_id": self.client["client_id"], "client_secret": self.client["client_secret"]}
        return await self.http.post(f"{base}/token", data=form)

    async def exchange(self, base: str, code: str, verifier: str) -> httpx.Response:
        return await self.token(base, grant_type="authorization_code", code=code, redirect_uri=REDIRECT,
                                code_verifier=verifier, resource=self.resource)  # fmt: skip

    async def sign_in(self, base: str, slug: str, secret: str) -> dict:
        if not self.client:
            await self.register(base)
        answer = await self.exchange(base, *await self.code(base, slug, secret))
        assert answer.status_code == 200, answer.text
        return answer.json()

    async def revoke(self, base: str, token: str) -> httpx.Response:
        form = {"token": token, "client_id": self.client["client_id"], "client_secret": self.client["client_secret"]}
        return await self.http.post(f"{base}/revoke", data=form)

    async def aclose(self) -> None:
        await self.http.aclose()


class Bearer(httpx2.Auth):
    """A fixed access token, as a client sends it once it has one."""

    def __init__(self, token: str):
        self.token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


async def mcp_status(base: str, token: str) -> int:
    """The status /mcp answers a request with `token`: 401 when the server does not take it."""
    async with httpx.AsyncClient() as http:
        return (await http.post(f"{base}/mcp", json={}, headers={"Authorization": f"Bearer {token}"})).status_code
