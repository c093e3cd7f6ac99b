"""A client known only by its Client ID Metadata Document: the team server fetches the document at the client_id
URL, shows its name on the login page, and issues tokens to it as a public client (PKCE, no secret). A server not
told to allow loopback addresses (every real deployment) refuses to fetch from this machine."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest

from kimai_tools.team.main import LOOPBACK_METADATA
from tests.support.team import REDIRECT, SECRET_A, SLUG_A, TeamServer, fakes, sign_in, users_file

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def document():
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            body = json.dumps({"client_id": url, "client_name": "Metadata Client", "redirect_uris": [REDIRECT],
                               "token_endpoint_auth_method": "none"}).encode()  # fmt: skip
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/client.json"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url, seen
    server.shutdown()


@pytest.fixture(scope="module")
def kimai():
    with fakes("anna") as served:
        yield served["anna"]


def start(tmp_path, kimai, **env: str) -> TeamServer:
    anna = {"kimai_url": kimai.url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A}
    return TeamServer(tmp_path, users_file(tmp_path / "users.json", {SLUG_A: anna}), "--rate-limit-rpm", "0",
                      env=env).start()  # fmt: skip


def authorize_url(server: TeamServer, client_id: str, verifier: str) -> str:
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    return f"{server.url}/authorize?" + urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": REDIRECT, "code_challenge": challenge,
        "code_challenge_method": "S256", "state": "st-1", "resource": f"{server.url}/mcp"})  # fmt: skip


async def test_a_metadata_document_client_signs_in_without_registering(tmp_path, kimai, document):
    url, seen = document
    server = start(tmp_path, kimai, **{LOOPBACK_METADATA: "1"})
    try:
        verifier = secrets.token_urlsafe(48)
        async with httpx.AsyncClient() as http:
            page = await http.get(authorize_url(server, url, verifier), follow_redirects=True)
            assert page.status_code == 200 and "Metadata Client" in page.text and "127.0.0.1" in page.text
            answer = await sign_in(authorize_url(server, url, verifier), SLUG_A, SECRET_A)
            assert answer.status_code == 302
            query = parse_qs(urlparse(answer.headers["location"]).query)
            assert query["state"] == ["st-1"]
            tokens = await http.post(f"{server.url}/token", data={
                "grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": REDIRECT,
                "client_id": url, "code_verifier": verifier, "resource": f"{server.url}/mcp"})  # fmt: skip
            assert tokens.status_code == 200, tokens.text
            access = tokens.json()["access_token"]
            hello = {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}
            initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": hello}
            mcp = await http.post(f"{server.url}/mcp", json=initialize, headers={
                "Authorization": f"Bearer {access}", "Accept": "application/json, text/event-stream"})  # fmt: skip
            assert mcp.status_code == 200, mcp.text
        assert len(seen) == 1  # fetched once, then served from the cache in the state store
    finally:
        server.stop()


async def test_a_deployment_does_not_fetch_from_this_machine(tmp_path, kimai, document):
    url, seen = document
    before = len(seen)
    server = start(tmp_path, kimai)
    try:
        async with httpx.AsyncClient() as http:
            answer = await http.get(authorize_url(server, url, secrets.token_urlsafe(48)))
        assert answer.status_code == 400 and "location" not in answer.headers
        assert len(seen) == before
        assert "client metadata refused" in server.log_text()
    finally:
        server.stop()
