"""Fetching /api/doc.json from a local HTTP server that logs users in and guards the document the way Kimai 2 does."""

import hashlib
import importlib
import json
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
fetch_spec = importlib.import_module("scripts.fetch_spec")
FetchError = fetch_spec.FetchError
fetch_live_spec = fetch_spec.fetch_live_spec
load_spec_file = fetch_spec.load_spec_file
SHARED = REPO / ".." / "shared"
USERNAME = "susan"
PASSWORD = "Tr0ub4dor&3-only-here"
# Formatted the way PHP's json_encode writes it (4-space indent, escaped slashes): re-serialising would change it
DOC = (
    b'{\n    "openapi": "3.0.0",\n    "info": {\n        "title": "Kimai - API",\n'
    b'        "description": "See https:\\/\\/www.kimai.org",\n        "version": "1.0"\n    },\n'
    b'    "paths": {\n        "\\/api\\/ping": {\n            "get": {\n'
    b'                "responses": {"200": {"description": "pong"}}\n            }\n        }\n    }\n}'
)
LOGIN_PAGE = """<!DOCTYPE html><html><body><form action="/en/login_check" method="post">
<input type="text" id="username" name="_username" value="">
<input type="password" id="password" name="_password">
<input type="hidden" name="_csrf_token" value="{token}">
<button type="submit">Log in</button></form></body></html>"""


@dataclass
class FakeKimai:
    url: str = ""
    doc_body: bytes = DOC
    doc_type: str = "application/json"
    version_status: int = 200
    delay: float = 0.0
    csrf_tokens: dict[str, str] = field(default_factory=dict)  # session id -> token on its login form
    logged_in: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)


def kimai_handler(kimai: FakeKimai) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, body=b"", content_type="text/html; charset=UTF-8", location=None, session=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            if location:
                self.send_header("Location", location)
            if session:
                self.send_header("Set-Cookie", f"PHPSESSID={session}; path=/; httponly")
            self.end_headers()
            self.wfile.write(body)

        def session(self) -> str:
            cookie = self.headers.get("Cookie", "")
            return next((c.split("=", 1)[1] for c in cookie.split("; ") if c.startswith("PHPSESSID=")), "")

        def do_GET(self):
            kimai.requests.append(f"GET {self.path}")
            time.sleep(kimai.delay)
            logged_in = self.session() in kimai.logged_in
            if self.path == "/en/login":
                session, token = secrets.token_hex(8), secrets.token_hex(16)
                kimai.csrf_tokens[session] = token
                self.send(200, LOGIN_PAGE.format(token=token).encode(), session=session)
            elif self.path == "/en/homepage":
                self.send(302, location="/en/timesheet/")
            elif self.path == "/en/timesheet/" and logged_in:
                self.send(200, b"<html><body>My times</body></html>")
            elif self.path == "/api/version":
                if not logged_in:
                    self.send(401, b'{"code":401,"message":"Unauthorized"}', "application/json")
                elif kimai.version_status != 200:
                    self.send(kimai.version_status, b'{"code":404,"message":"Not Found"}', "application/json")
                else:
                    self.send(200, b'{"version":"2.31.0","versionId":23100,"copyright":"Kimai"}', "application/json")
            elif self.path == "/api/doc.json" and logged_in:
                self.send(200, kimai.doc_body, kimai.doc_type)
            elif self.path in ("/api/doc.json", "/en/timesheet/"):
                self.send(302, location="/en/login")
            else:
                self.send(404, b"<html><body>Page not found</body></html>")

        def do_POST(self):
            kimai.requests.append(f"POST {self.path}")
            form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
            field_of = {name: values[0] for name, values in form.items()}
            token = kimai.csrf_tokens.get(self.session())
            valid = (field_of.get("_username"), field_of.get("_password")) == (USERNAME, PASSWORD)
            if self.path == "/en/login_check" and valid and token and field_of.get("_csrf_token") == token:
                session = secrets.token_hex(8)
                kimai.logged_in.add(session)
                self.send(302, location="/en/homepage", session=session)
            else:
                self.send(302, location="/en/login")

    return Handler


def static_site(status: int, body: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(status)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def serve():
    servers = []

    def start(handler: type[BaseHTTPRequestHandler], tls: ssl.SSLContext | None = None) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True  # a handler still sleeping in the timeout case must not block shutdown
        if tls:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def kimai(serve) -> FakeKimai:
    fake = FakeKimai()
    fake.url = serve(kimai_handler(fake))
    return fake


def fetch_error(url: str, password: str = PASSWORD, **options) -> str:
    with pytest.raises(FetchError) as caught:
        fetch_live_spec(url, USERNAME, password, **options)
    message = str(caught.value)
    assert password not in message and PASSWORD not in message
    assert "\n" not in message and "Traceback" not in message
    return message


def test_fetch_returns_the_served_bytes_unchanged_and_kimais_version(kimai):
    spec = fetch_live_spec(kimai.url, USERNAME, PASSWORD)

    assert spec.raw == DOC
    assert spec.document["paths"] == {"/api/ping": {"get": {"responses": {"200": {"description": "pong"}}}}}
    assert spec.version == "2.31.0"
    assert kimai.requests[:2] == ["GET /en/login", "POST /en/login_check"]


@pytest.mark.parametrize("suffix", ["/", "/api", "/api/", "//"])
def test_fetch_accepts_the_url_with_trailing_slash_or_api(kimai, suffix):
    assert fetch_live_spec(kimai.url + suffix, USERNAME, PASSWORD).raw == DOC


def test_version_is_unknown_when_api_version_fails(kimai):
    kimai.version_status = 404

    assert fetch_live_spec(kimai.url, USERNAME, PASSWORD).version == ""


def test_wrong_password_is_reported_without_the_password(kimai):
    message = fetch_error(kimai.url, password="wrong-" + PASSWORD)

    assert "username and password" in message
    assert "GET /api/doc.json" not in kimai.requests


def test_unreachable_host_is_reported():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    assert "Cannot connect" in fetch_error(f"http://127.0.0.1:{port}")


def test_slow_server_is_reported_as_timeout(kimai):
    kimai.delay = 2.0

    started = time.monotonic()
    assert "did not answer in time" in fetch_error(kimai.url, timeout=0.3)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "site", [static_site(404, b"Not Found"), static_site(200, b"<html><body>Welcome to my blog</body></html>")]
)
def test_a_site_without_kimais_login_form_is_not_kimai(serve, site):
    assert "no Kimai login form" in fetch_error(serve(site))


def test_a_url_without_scheme_is_rejected():
    assert "full URL" in fetch_error("kimai.example.com")


def test_html_instead_of_the_json_document_is_reported(kimai):
    kimai.doc_body, kimai.doc_type = b"<!DOCTYPE html><html><body>Swagger UI</body></html>", "text/html"

    assert "HTML page, not JSON" in fetch_error(kimai.url)


@pytest.mark.parametrize("body", [b'{"code": 200, "message": "ok"}', b'{"swagger": "2.0", "paths": {}}', b"[1, 2]"])
def test_json_that_is_not_openapi_is_reported(kimai, body):
    kimai.doc_body = body

    assert "not an OpenAPI document" in fetch_error(kimai.url)


@pytest.fixture
def certificate(tmp_path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_kimai(serve, certificate) -> FakeKimai:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    fake = FakeKimai()
    fake.url = serve(kimai_handler(fake), tls=context)
    return fake


def test_untrusted_certificate_suggests_the_ca_bundle(tls_kimai):
    assert "CA bundle" in fetch_error(tls_kimai.url)


def test_ca_bundle_makes_the_certificate_trusted(tls_kimai, certificate):
    assert fetch_live_spec(tls_kimai.url, USERNAME, PASSWORD, verify=str(certificate[0])).raw == DOC


def test_missing_ca_bundle_is_reported(kimai, tmp_path):
    assert "CA bundle" in fetch_error(kimai.url, verify=str(tmp_path / "none.pem"))


def test_saved_live_document_loads_byte_exact_with_unknown_version():
    path = SHARED / "openapi" / "kimai-2.31.0-live.json"

    spec = load_spec_file(path)

    assert hashlib.sha256(spec.raw).hexdigest() == "8032f53bd389bc0e92e614cc0c41cab9241b221adbb6c843936d936c815fa189"
    assert len(spec.document["paths"]) == 48
    assert spec.version == ""


def test_saved_document_naming_kimais_version_gives_it(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"openapi": "3.0.0", "info": {"description": "Kimai 2.40.1 API"}, "paths": {}}))

    assert load_spec_file(path).version == "2.40.1"


def test_saved_document_with_byte_order_mark_keeps_its_bytes(tmp_path):
    path = tmp_path / "doc.json"
    path.write_bytes(b"\xef\xbb\xbf" + DOC)

    spec = load_spec_file(path)

    assert spec.raw == b"\xef\xbb\xbf" + DOC
    assert "/api/ping" in spec.document["paths"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<!DOCTYPE html><html><body>Please log in</body></html>", "HTML page, not JSON"),
        (b"openapi: 3.0.0\npaths: {}\n", "not valid JSON"),
        (b'{"message": "pong"}', "not an OpenAPI document"),
    ],
)
def test_saved_file_that_is_not_an_openapi_json_is_rejected(tmp_path, content, expected):
    path = tmp_path / "doc.json"
    path.write_bytes(content)

    with pytest.raises(FetchError, match=expected):
        load_spec_file(path)


def test_missing_saved_file_is_reported(tmp_path):
    with pytest.raises(FetchError, match="There is no file"):
        load_spec_file(tmp_path / "doc.json")


# --- `make regen` from a live Kimai, end to end ---------------------------------------------------------------


@pytest.fixture
def regen_dirs(tmp_path, monkeypatch):
    """regen with its openapi/ in a temporary copy, so a test can see what it pins."""
    regen = importlib.import_module("scripts.regen")
    openapi = tmp_path / "openapi"
    shutil.copytree(REPO / "openapi", openapi)
    monkeypatch.setattr(regen, "OPENAPI", openapi)
    return regen, openapi, tmp_path / "generated"


def run_regen_live(regen, url: str, password: str, out: Path):
    from typer.testing import CliRunner

    args = ["--kimai-url", url, "--kimai-user", USERNAME, "--kimai-password", password, "--out", str(out)]
    return CliRunner().invoke(regen.app, args)


def test_regen_from_a_live_kimai_pins_the_served_document_and_generates(kimai, regen_dirs):
    regen, openapi, out = regen_dirs
    kimai.doc_body = (SHARED / "openapi" / "kimai-2.31.0-live.json").read_bytes()
    result = run_regen_live(regen, kimai.url, PASSWORD, out)
    assert result.exit_code == 0, result.output
    pins = json.loads((openapi / "pins.json").read_text())
    pinned = openapi / pins["default"]
    assert pinned.read_bytes() == kimai.doc_body
    assert pins["pins"][-1]["sha256"] == hashlib.sha256(kimai.doc_body).hexdigest()
    manifest = json.loads((out / "kimai_client" / "manifest.json").read_text())
    assert manifest["spec"] == pinned.name and manifest["kimai"] == pins["pins"][-1]["kimai"]
    assert PASSWORD not in result.output


@pytest.mark.parametrize("case", ["wrong password", "unreachable", "html"])
def test_regen_failures_touch_neither_openapi_nor_generated(kimai, regen_dirs, case):
    regen, openapi, out = regen_dirs
    before = {p.name: p.read_bytes() for p in openapi.rglob("*") if p.is_file()}
    url, password = kimai.url, PASSWORD
    if case == "wrong password":
        password = "nope"
    elif case == "unreachable":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            url = f"http://127.0.0.1:{s.getsockname()[1]}"
    else:
        kimai.doc_body, kimai.doc_type = b"<html><body>Login</body></html>", "text/html"
    result = run_regen_live(regen, url, password, out)
    assert result.exit_code == 2
    assert "Traceback" not in result.output and password not in result.output
    assert {p.name: p.read_bytes() for p in openapi.rglob("*") if p.is_file()} == before
    assert not out.exists()
