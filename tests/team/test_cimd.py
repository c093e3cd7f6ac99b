"""Client ID Metadata Documents: fetched over real TCP from a small HTTP server on loopback, every refusal checked."""

import datetime
import http.server
import ipaddress
import json
import ssl
import threading
import time
from dataclasses import dataclass, field

import httpx
import pytest

from kimai_tools.team import cimd
from kimai_tools.team.cimd import ClientMetadataError, fetch_client_metadata, is_metadata_url


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class Server:
    """A threaded HTTP server on 127.0.0.1 that serves `routes` and records every request it receives."""

    def __init__(self, context: ssl.SSLContext | None = None):
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        if context is not None:
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1", scheme: str = "http") -> str:
        return f"{scheme}://{host}:{self.port}{path}"

    def serve(self, path: str, document: object = None, *, body: bytes | None = None, **route) -> None:
        if body is None:
            body = json.dumps(document).encode()
        self.routes[path] = Route(body=body, **route)

    def paths(self) -> list[str]:
        return [seen.path for seen in self.seen]

    def _handler(self):
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = server.routes.get(self.path, Route(status=404, body=b"not found"))
                time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    if route.send_length:
                        self.send_header("Content-Length", str(len(route.body)))
                    self.end_headers()
                    self.wfile.write(route.body)
                except OSError:
                    pass  # the client gave up (timeout tests)

            def log_message(self, format, *args):
                pass

        return Handler

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    with Server() as running:
        yield running


def document(url: str, **fields) -> dict:
    base = {"client_id": url, "client_name": "Example", "redirect_uris": ["https://client.example/callback"]}
    base.update(fields)
    return {key: value for key, value in base.items() if value is not ...}


async def refused(url: str, **kwargs) -> str:
    with pytest.raises(ClientMetadataError) as caught:
        await fetch_client_metadata(url, **kwargs)
    message = str(caught.value)
    assert url in message or repr(url) in message, message
    assert "\n" not in message and message.endswith("."), message
    return message


# --- is_metadata_url -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "client_id",
    [
        "https://client.example/client.json",
        "https://client.example:8443/a/b?x=1",
        "https://203.0.113.7/meta",
        "http://localhost:8080/client.json",
        "http://127.0.0.1:9/client.json",
        "http://[::1]:9/client.json",
    ],
)
def test_is_metadata_url_accepts_https_urls_with_a_path_and_http_on_loopback(client_id):
    assert is_metadata_url(client_id)


@pytest.mark.parametrize(
    "client_id",
    [
        "3f9a1c2e-client",
        "https://client.example",
        "https://client.example/",
        "http://client.example/client.json",
        "http://10.0.0.1/client.json",
        "ftp://client.example/client.json",
        "https:///client.json",
        "https://[::1/client.json",
        "",
    ],
)
def test_is_metadata_url_refuses_other_client_ids(client_id):
    assert not is_metadata_url(client_id)


# --- a valid document ------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_a_valid_document_gives_a_public_client_and_its_cache_time(server):
    url = server.url("/client.json")
    fields = document(url, client_uri="https://client.example/", logo_uri="https://client.example/logo.png", scope="x")
    server.serve("/client.json", fields, headers={"Cache-Control": "public, max-age=7200"})

    client, seconds = await fetch_client_metadata(url, allow_loopback=True)

    assert seconds == 7200
    assert client.client_id == url
    assert client.client_secret is None
    assert client.token_endpoint_auth_method == "none"
    assert client.client_name == "Example"
    assert [str(uri) for uri in client.redirect_uris] == ["https://client.example/callback"]
    assert client.grant_types == ["authorization_code", "refresh_token"]
    assert client.response_types == ["code"]
    assert str(client.client_uri) == "https://client.example/"
    assert str(client.logo_uri) == "https://client.example/logo.png"
    assert client.scope == "x"
    assert server.paths() == ["/client.json"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("cache_control", "seconds"),
    [
        (None, 3600),
        ("max-age=10", 300),
        ("max-age=999999", 86400),
        ("max-age=" + "9" * 5000, 86400),
        ('max-age="600"', 600),
        ("no-store", 300),
        ("max-age=7200, no-store", 300),
        ("max-age=soon", 3600),
        ("private", 3600),
    ],
)
async def test_the_cache_time_is_max_age_within_bounds(server, cache_control, seconds):
    url = server.url("/client.json")
    headers = {} if cache_control is None else {"Cache-Control": cache_control}
    server.serve("/client.json", document(url), headers=headers)
    assert (await fetch_client_metadata(url, allow_loopback=True))[1] == seconds


@pytest.mark.anyio
async def test_explicit_auth_method_none_and_extra_grants_are_accepted(server):
    url = server.url("/client.json")
    grants = ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:jwt-bearer"]
    server.serve("/client.json", document(url, token_endpoint_auth_method="none", grant_types=grants))
    client, _ = await fetch_client_metadata(url, allow_loopback=True)
    assert client.grant_types == grants


@pytest.mark.anyio
async def test_the_document_cannot_set_the_servers_own_records(server):
    url = server.url("/client.json")
    server.serve("/client.json", document(url, issuer="https://evil.example", client_id_issued_at=1))
    client, _ = await fetch_client_metadata(url, allow_loopback=True)
    assert client.issuer is None and client.client_id_issued_at is None


# --- addresses -------------------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_loopback_is_refused_without_allow_loopback(server):
    url = server.url("/client.json", scheme="https")
    server.serve("/client.json", document(url))
    assert "non-public address" in await refused(url)
    assert server.seen == []


@pytest.mark.anyio
@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[fe80::1]",
        "[fc00::1]",
        "[::ffff:127.0.0.1]",
        "[::ffff:10.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[2002:7f00:1::]",
        "[2001:db8::1]",
    ],
)
async def test_non_public_hosts_are_refused_before_any_request(server, host):
    url = server.url("/client.json", host=host, scheme="https")
    server.serve("/client.json", document(url))
    assert "non-public address" in await refused(url, timeout=2)
    assert server.seen == []


@pytest.mark.anyio
async def test_allow_loopback_still_refuses_private_addresses(server):
    url = server.url("/client.json", host="10.0.0.1", scheme="https")
    assert "non-public address" in await refused(url, allow_loopback=True)


@pytest.mark.anyio
async def test_a_name_with_any_non_public_address_is_refused(server, monkeypatch):
    async def resolve(host, port):
        return [ipaddress.ip_address("93.184.215.14"), ipaddress.ip_address("10.0.0.7")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    contacted = []
    transport = httpx.MockTransport(lambda request: contacted.append(request) or httpx.Response(200))
    url = "https://metadata.test/client.json"
    assert "metadata.test has a private, loopback or otherwise non-public address" in await refused(
        url, transport=transport
    )
    assert contacted == []


@pytest.mark.anyio
async def test_an_unknown_host_is_named(server):
    url = "https://no-such-host.invalid/client.json"
    message = await refused(url, timeout=3)
    assert "no-such-host.invalid" in message


# --- pinning the checked address -------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_localhost_works_with_allow_loopback_and_keeps_its_host_header(server):
    url = server.url("/client.json", host="localhost")
    server.serve("/client.json", document(url))
    client, _ = await fetch_client_metadata(url, allow_loopback=True)
    assert client.client_id == url
    assert [seen.headers["host"] for seen in server.seen] == [f"localhost:{server.port}"]


@pytest.mark.anyio
async def test_the_request_goes_to_the_checked_address_not_a_new_lookup(server, monkeypatch):
    async def resolve(host, port):
        assert host == "pinned.localhost"
        return [ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    url = server.url("/client.json", host="pinned.localhost")
    server.serve("/client.json", document(url))
    client, _ = await fetch_client_metadata(url, allow_loopback=True)
    assert client.client_id == url
    assert server.seen[0].headers["host"] == f"pinned.localhost:{server.port}"


@pytest.mark.anyio
async def test_the_next_checked_address_is_tried_when_one_refuses_the_connection(server, monkeypatch):
    async def resolve(host, port):
        return [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    url = server.url("/client.json", host="localhost")
    server.serve("/client.json", document(url))
    client, _ = await fetch_client_metadata(url, allow_loopback=True)
    assert client.client_id == url


@pytest.mark.anyio
async def test_https_sends_the_ip_with_host_header_and_sni_of_the_name(monkeypatch):
    async def resolve(host, port):
        return [ipaddress.ip_address("93.184.215.14")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    url = "https://metadata.test/client.json"
    requests = []

    def answer(request):
        requests.append(request)
        return httpx.Response(200, json=document(url))

    client, _ = await fetch_client_metadata(url, transport=httpx.MockTransport(answer))
    assert client.client_id == url
    (request,) = requests
    assert request.url == "https://93.184.215.14/client.json"
    assert request.headers["host"] == "metadata.test"
    assert request.extensions["sni_hostname"] == "metadata.test"


def _certificates(tmp_path):
    """A CA and a certificate for metadata.test (a name, no IP address) that it signed, for a TLS server."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)

    def certificate(name, key, issuer, issuer_key, *, ca):
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key, leaf_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca = certificate("Test CA", ca_key, "Test CA", ca_key, ca=True)
    leaf = certificate("metadata.test", leaf_key, "Test CA", ca_key, ca=False)
    pem = serialization.Encoding.PEM
    (tmp_path / "leaf.pem").write_bytes(leaf.public_bytes(pem))
    (tmp_path / "leaf.key").write_bytes(
        leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(tmp_path / "leaf.pem", tmp_path / "leaf.key")
    client_context = ssl.create_default_context(cadata=ca.public_bytes(pem).decode())
    return server_context, client_context


@pytest.mark.anyio
async def test_tls_to_the_pinned_address_verifies_the_certificate_against_the_name(tmp_path, monkeypatch):
    server_context, client_context = _certificates(tmp_path)

    async def resolve(host, port):
        return [ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    with Server(server_context) as tls:
        url = tls.url("/client.json", host="metadata.test", scheme="https")
        tls.serve("/client.json", document(url))
        transport = httpx.AsyncHTTPTransport(verify=client_context)
        client, _ = await fetch_client_metadata(url, allow_loopback=True, transport=transport)
        assert client.client_id == url
        assert tls.seen[0].headers["host"] == f"metadata.test:{tls.port}"

        other = tls.url("/client.json", host="other.test", scheme="https")
        transport = httpx.AsyncHTTPTransport(verify=client_context)
        message = await refused(other, allow_loopback=True, transport=transport)
        assert "the TLS certificate of other.test could not be verified" in message
        assert len(tls.seen) == 1


# --- answers ---------------------------------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_redirect_is_refused_and_not_followed(server, status):
    url = server.url("/client.json")
    target = server.url("/elsewhere.json")
    server.serve("/client.json", body=b"", status=status, headers={"Location": target})
    server.serve("/elsewhere.json", document(url))
    message = await refused(url, allow_loopback=True)
    assert f"redirect (HTTP {status})" in message and "not followed" in message
    assert server.paths() == ["/client.json"]


@pytest.mark.anyio
@pytest.mark.parametrize("status", [404, 500, 204])
async def test_an_answer_other_than_200_is_refused_with_its_status(server, status):
    url = server.url("/client.json")
    server.serve("/client.json", body=b"", status=status, send_length=status != 204)
    assert f"HTTP {status}" in await refused(url, allow_loopback=True)


@pytest.mark.anyio
@pytest.mark.parametrize("send_length", [True, False])
async def test_a_body_past_max_bytes_is_refused(server, send_length):
    url = server.url("/client.json")
    padding = "x" * 5000
    server.serve("/client.json", document(url, client_name=padding), send_length=send_length)
    assert "larger than 4096 bytes" in await refused(url, allow_loopback=True, max_bytes=4096)
    client, _ = await fetch_client_metadata(url, allow_loopback=True, max_bytes=8192)
    assert client.client_name == padding


@pytest.mark.anyio
async def test_a_compressed_body_is_refused(server):
    url = server.url("/client.json")
    server.serve("/client.json", body=b"\x1f\x8b", headers={"Content-Encoding": "gzip"})
    assert "compressed (gzip)" in await refused(url, allow_loopback=True)


@pytest.mark.anyio
async def test_a_slow_server_times_out_naming_the_host(server):
    url = server.url("/client.json")
    server.serve("/client.json", document(url), delay=1.5)
    started = time.monotonic()
    message = await refused(url, allow_loopback=True, timeout=0.3)
    assert time.monotonic() - started < 1.2
    assert "127.0.0.1 did not answer within 0.3 seconds" in message


@pytest.mark.anyio
async def test_a_closed_port_is_a_connection_failure_naming_the_host():
    with Server() as gone:
        url = gone.url("/client.json", host="localhost")
    assert "the connection to localhost failed" in await refused(url, allow_loopback=True)


# --- documents -------------------------------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("body", [b"<html>hello</html>", b"", b'{"client_id": ', b"\xff\xfe{", b"[" * 100000])
async def test_a_body_that_is_not_json_is_refused(server, body):
    url = server.url("/client.json")
    server.serve("/client.json", body=body)
    assert "is not valid JSON" in await refused(url, allow_loopback=True, max_bytes=200000)


@pytest.mark.anyio
@pytest.mark.parametrize("value", [[1, 2], "client", 42, None])
async def test_json_that_is_not_an_object_is_refused(server, value):
    url = server.url("/client.json")
    server.serve("/client.json", value)
    assert "is not a JSON object" in await refused(url, allow_loopback=True)


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"client_id": ...}, "has no client_id"),
        ({"client_id": "https://other.example/client.json"}, 'names client_id "https://other.example/client.json"'),
        ({"redirect_uris": ...}, "has no redirect_uris"),
        ({"redirect_uris": None}, "has no redirect_uris"),
        ({"redirect_uris": []}, "not a non-empty list of URLs"),
        ({"redirect_uris": "https://client.example/callback"}, "not a non-empty list of URLs"),
        ({"redirect_uris": ["not a url"]}, "is invalid: redirect_uris.0: "),
        ({"client_secret": "s3cr3t-value"}, "contains client_secret, which a public document must not"),
        ({"client_secret_expires_at": 0}, "contains client_secret_expires_at"),
        ({"token_endpoint_auth_method": "private_key_jwt"}, 'token_endpoint_auth_method "private_key_jwt"'),
        ({"token_endpoint_auth_method": "client_secret_basic"}, "holds no client keys"),
        ({"grant_types": ["refresh_token"]}, "grant_types without authorization_code"),
        ({"grant_types": []}, "grant_types without authorization_code"),
        ({"grant_types": "authorization_code"}, "is invalid: grant_types: "),
        ({"response_types": ["token"]}, "response_types without code"),
        ({"client_uri": "not a url"}, "is invalid: client_uri: "),
        ({"client_name": 42}, "is invalid: client_name: "),
    ],
)
async def test_a_document_that_breaks_a_rule_is_refused(server, fields, expected):
    url = server.url("/client.json")
    server.serve("/client.json", document(url, **fields))
    message = await refused(url, allow_loopback=True)
    assert expected in message, message
    assert "s3cr3t-value" not in message
    assert "Traceback" not in message and "pydantic" not in message


@pytest.mark.anyio
async def test_client_id_must_equal_the_url_exactly(server):
    url = server.url("/client.json")
    server.serve("/client.json", document(url + "?"))
    assert "not its own URL" in await refused(url, allow_loopback=True)


# --- URLs ------------------------------------------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://client.example/client.json", "must use https"),
        ("http://203.0.113.7/client.json", "must use https"),
        ("ftp://client.example/client.json", "must use https"),
        ("https://user:pass@client.example/client.json", "must not contain a user name or password"),
        ("https://user@client.example/client.json", "must not contain a user name or password"),
        ("https://client.example/client.json#top", "must not contain a fragment"),
        ("https://client.example/client.json#", "must not contain a fragment"),
        ("https://client.example", "must have a path beyond /"),
        ("https://client.example/", "must have a path beyond /"),
        ("https://client.example/a/../client.json", "must not contain . or .. path segments"),
        ("https://client.example/./client.json", "must not contain . or .. path segments"),
        ("https://client.example/%2e%2e/client.json", "must not contain . or .. path segments"),
        ("https:///client.json", "has no host"),
        ("https://client.example:99999/client.json", "is not a valid URL"),
        ("https://[::1/client.json", "is not a valid URL"),
        ("https://client.example/client\n.json", "contains spaces or control characters"),
    ],
)
async def test_urls_that_break_a_rule_are_refused_without_a_request(url, expected):
    assert expected in await refused(url, allow_loopback=True)


@pytest.mark.anyio
async def test_http_is_refused_on_loopback_without_allow_loopback(server):
    url = server.url("/client.json", host="localhost")
    server.serve("/client.json", document(url))
    assert "must use https" in await refused(url)
    assert server.seen == []


@pytest.mark.anyio
async def test_http_is_refused_for_a_loopback_name_that_resolves_elsewhere(monkeypatch):
    async def resolve(host, port):
        return [ipaddress.ip_address("93.184.215.14")]

    monkeypatch.setattr(cimd, "_resolve", resolve)
    transport = httpx.MockTransport(lambda request: pytest.fail("no request may be sent"))
    assert "must use https" in await refused(
        "http://app.localhost/client.json", allow_loopback=True, transport=transport
    )
