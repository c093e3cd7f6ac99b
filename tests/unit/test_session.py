"""The Kimai session: retries of idempotent requests only, Retry-After, a retried DELETE that finds nothing, the
User-Agent, timeouts, TLS, and the lazily read version."""

import email.utils
import shutil
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import httpx
import pytest

from kimai_tools import __version__
from kimai_tools.kimai.errors import KimaiError
from kimai_tools.kimai.operations import call
from kimai_tools.kimai.session import Session, tls_verify
from kimai_tools.kimai.transport import MAX_RETRY_AFTER, RETRIED_HEADER, RetryTransport, retry_after
from tests.conftest import TOKEN, settings_for
from tests.support.fake import FakeKimai, json_response, replay

pytestmark = pytest.mark.anyio

DROPS = (httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)


class Script(httpx.AsyncBaseTransport):
    """Answers each request with the next outcome (a response, or a transport error class to raise)."""

    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request):
        self.requests.append(request)
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, type) and issubclass(outcome, Exception):
            raise outcome("scripted failure", request=request)
        return outcome


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """The backoff and Retry-After waits, recorded instead of slept."""
    seen: list[float] = []

    async def sleep(seconds):
        seen.append(seconds)

    monkeypatch.setattr("kimai_tools.kimai.transport.anyio", SimpleNamespace(sleep=sleep))
    return seen


async def send(script: Script, method: str = "GET", **kwargs) -> httpx.Response:
    async with httpx.AsyncClient(transport=RetryTransport(script), base_url="http://kimai.test") as client:
        return await client.request(method, "/api/timesheets/1", **kwargs)


def busy(status: int, retry: str | None = None) -> httpx.Response:
    return httpx.Response(status, headers={"Retry-After": retry} if retry else None)


@pytest.mark.parametrize("method", ["GET", "DELETE", "PUT"])
@pytest.mark.parametrize("status", [429, 502, 503])
async def test_idempotent_requests_are_retried_on_busy_answers(waits, method, status):
    script = Script(busy(status), busy(status), httpx.Response(200, json={}))
    response = await send(script, method)
    assert response.status_code == 200 and len(script.requests) == 3
    assert waits == [0.5, 1.0]  # exponential backoff


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_post_and_patch_are_never_retried(waits, method):
    script = Script(busy(503), httpx.Response(200))
    response = await send(script, method, json={"description": "x"})
    assert response.status_code == 503 and len(script.requests) == 1 and waits == []


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_post_and_patch_are_not_resent_after_a_dropped_connection(waits, method):
    script = Script(httpx.RemoteProtocolError, httpx.Response(200))
    with pytest.raises(httpx.RemoteProtocolError):
        await send(script, method, json={"description": "x"})
    assert len(script.requests) == 1


@pytest.mark.parametrize("drop", DROPS)
async def test_a_dropped_connection_is_retried_and_marked(waits, drop):
    script = Script(drop, httpx.Response(200, json={}))
    response = await send(script)
    assert response.status_code == 200 and len(script.requests) == 2
    assert response.headers[RETRIED_HEADER] == "1"


async def test_an_answer_without_a_drop_is_not_marked(waits):
    response = await send(Script(busy(503), httpx.Response(404)), "DELETE")
    assert RETRIED_HEADER not in response.headers


async def test_a_refused_connection_is_tried_twice_then_raised_unmarked(waits):
    script = Script(httpx.ConnectError, httpx.ConnectError, httpx.Response(200))
    with pytest.raises(httpx.ConnectError):
        await send(script)
    assert len(script.requests) == 2


async def test_after_the_last_attempt_the_busy_answer_is_returned(waits):
    script = Script(busy(503), busy(503), busy(503))
    response = await send(script)
    assert response.status_code == 503 and len(script.requests) == 3 and len(waits) == 2


async def test_retry_after_in_seconds_is_honoured(waits):
    await send(Script(busy(429, "3"), httpx.Response(200)))
    assert waits == [3.0]


async def test_retry_after_as_an_http_date_is_honoured(waits):
    when = email.utils.formatdate(time.time() + 6, usegmt=True)
    await send(Script(busy(503, when), httpx.Response(200)))
    assert len(waits) == 1 and 4.0 <= waits[0] <= 6.0


async def test_a_retry_after_beyond_the_bound_is_reported_not_waited(waits):
    script = Script(busy(429, str(MAX_RETRY_AFTER + 50)), httpx.Response(200))
    response = await send(script)
    assert response.status_code == 429 and len(script.requests) == 1 and waits == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, 0.5), ("", 0.5), ("7", 7.0), ("-3", 0.0), ("soon", 0.5), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)],
)
def test_retry_after_values(value, expected):
    assert retry_after(value, 0.5) == expected


# The whole flow through operations.call: Session wraps the transport it is given in RetryTransport.


def kimai_with_delete(*outcomes) -> tuple[Session, Script]:
    script = Script(*outcomes)  # every Kimai has these routes: no version is read before them
    return Session(settings_for("http://kimai.test"), transport=script), script


async def test_a_delete_retried_after_a_drop_that_finds_nothing_is_done(waits):
    session, script = kimai_with_delete(httpx.RemoteProtocolError, replay("216-delete_delete_timesheet"))
    reply = await call(session, "DELETE /api/timesheets/{id}", path={"id": 45})
    assert reply.already_done is True and reply.status == 404
    assert [r.method for r in script.requests] == ["DELETE", "DELETE"]


async def test_a_delete_that_finds_nothing_at_once_is_an_error(waits):
    session, _ = kimai_with_delete(replay("216-delete_delete_timesheet"))
    with pytest.raises(KimaiError) as caught:
        await call(session, "DELETE /api/timesheets/{id}", path={"id": 45})
    assert caught.value.status == 404 and "No such record" in str(caught.value)


async def test_a_delete_refused_before_connecting_then_404_is_an_error(waits):
    session, _ = kimai_with_delete(httpx.ConnectError, replay("216-delete_delete_timesheet"))
    with pytest.raises(KimaiError) as caught:
        await call(session, "DELETE /api/timesheets/{id}", path={"id": 45})
    assert caught.value.status == 404


async def test_a_get_retried_after_a_drop_that_finds_nothing_is_still_an_error(waits):
    session, _ = kimai_with_delete(httpx.ReadError, replay("289-get_get_timesheet"))
    with pytest.raises(KimaiError):
        await call(session, "GET /api/timesheets/{id}", path={"id": 99999})


# Headers, timeouts, version.


async def test_requests_name_kimai_tools_and_carry_the_token():
    kimai = FakeKimai()
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    await call(session, "GET /api/version", check_version=False)
    (request,) = kimai.requests
    assert request.headers["User-Agent"] == f"kimai-tools/{__version__}"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.url == "http://kimai.test/api/version"


def test_timeouts_come_from_the_settings():
    session = Session(settings_for("http://kimai.test", timeout=12.5))
    timeout = session.client.get_async_httpx_client().timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (10.0, 12.5, 12.5, 12.5)


def test_nothing_is_created_before_first_use():
    session = Session(settings_for("http://kimai.invalid"))
    assert session._client is None


async def test_the_version_is_read_once_and_cached():
    kimai = FakeKimai(version="2.31.0")
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    assert kimai.requests == []
    assert await session.version() == "2.31.0" and await session.version() == "2.31.0"
    assert len(kimai.sent("GET", "/api/version")) == 1


async def test_an_unreadable_version_blocks_nothing():
    kimai = FakeKimai().on("GET", "/api/version", json_response({"code": 403, "message": "Forbidden"}, 403))
    session = Session(settings_for("http://kimai.test"), transport=kimai.transport)
    assert await session.version() is None


async def test_an_unreachable_kimai_is_one_sentence_naming_the_url(waits):
    session = Session(settings_for("http://kimai.invalid"), transport=Script(httpx.ConnectError, httpx.ConnectError))
    with pytest.raises(KimaiError) as caught:
        await session.version()
    assert "Cannot reach Kimai at http://kimai.invalid" in str(caught.value) and caught.value.status is None


# TLS: the setting reaches the connection. A private CA signs the certificate of a Kimai on loopback.


def test_tls_verify_values(tmp_path):
    assert tls_verify(True).verify_mode == ssl.CERT_REQUIRED and tls_verify(True).check_hostname
    assert tls_verify(False).verify_mode == ssl.CERT_NONE
    assert tls_verify(True) is tls_verify(True)  # the CA certificates are loaded once
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("hello")
    with pytest.raises(KimaiError, match="Cannot load the CA bundle"):
        tls_verify(str(not_pem))


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def private_ca(tmp_path_factory):
    """ca.pem (a private CA) and server.pem/server.key for 127.0.0.1, signed by it."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a private CA")
    folder = tmp_path_factory.mktemp("tls")
    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign",
            cwd=folder)  # fmt: skip
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1", cwd=folder)
    (folder / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf", cwd=folder)  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def https_kimai(private_ca):
    class Version(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b'{"version": "2.31.0", "versionId": 23100}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Version)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(private_ca / "server.pem", private_ca / "server.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def version_over_tls(url: str, ssl_verify) -> str:
    session = Session(settings_for(url, ssl_verify=ssl_verify))
    try:
        return (await call(session, "GET /api/version", check_version=False)).data["version"]
    finally:
        await session.aclose()


async def test_a_private_ca_is_refused_by_default_with_a_hint(https_kimai, waits):
    with pytest.raises(KimaiError) as caught:
        await version_over_tls(https_kimai, True)
    assert "not trusted" in str(caught.value) and "KIMAI_SSL_VERIFY" in str(caught.value)


async def test_the_ca_bundle_path_makes_the_private_ca_trusted(https_kimai, private_ca):
    assert await version_over_tls(https_kimai, str(private_ca / "ca.pem")) == "2.31.0"


async def test_ssl_verify_false_skips_the_check(https_kimai):
    assert await version_over_tls(https_kimai, False) == "2.31.0"


async def test_the_version_is_read_once_however_many_calls_wait_for_it():
    import anyio
    import httpx

    from kimai_tools.config import Settings
    from kimai_tools.kimai.session import Session

    reads = []

    async def handler(request: httpx.Request) -> httpx.Response:
        reads.append(request.url.path)
        await anyio.sleep(0.05)
        return httpx.Response(200, json={"version": "2.31.0", "versionId": 23100})

    session = Session(Settings(url="http://kimai.test", token="t"), transport=httpx.MockTransport(handler))
    versions = []

    async def ask() -> None:
        versions.append(await session.version())

    async with anyio.create_task_group() as group:
        for _ in range(10):
            group.start_soon(ask)
    assert versions == ["2.31.0"] * 10 and reads == ["/api/version"]
