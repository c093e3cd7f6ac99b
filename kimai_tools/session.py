"""The Kimai session: the generated AuthenticatedClient with timeouts, TLS, retries and a lazily read version."""

from __future__ import annotations

import datetime
import email.utils
import logging
import re
import ssl
import time

import anyio
import httpx

from kimai_tools import __version__
from kimai_tools.config import Settings
from kimai_tools.errors import KimaiError

log = logging.getLogger("kimai_tools")

IDEMPOTENT = {"GET", "HEAD", "OPTIONS", "DELETE", "PUT"}
RETRY_STATUS = {429, 502, 503}
RETRIED_HEADER = "x-kimai-tools-retried"
MAX_RETRY_AFTER = 10.0  # seconds: a longer Retry-After is reported, not waited for


class RetryTransport(httpx.AsyncBaseTransport):
    """Retries idempotent requests on 429/502/503 and dropped connections; POST and PATCH are never retried.

    A response to a retry after a dropped connection carries the RETRIED_HEADER, so a DELETE that then
    answers 404 can be reported as done.
    """

    def __init__(self, inner: httpx.AsyncBaseTransport, attempts: int = 3, backoff: float = 0.5):
        self.inner = inner
        self.attempts = attempts
        self.backoff = backoff

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method not in IDEMPOTENT:
            return await self.inner.handle_async_request(request)
        dropped = False
        for attempt in range(1, self.attempts + 1):
            last = attempt == self.attempts
            try:
                response = await self.inner.handle_async_request(request)
            except (httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError) as exc:
                if last or (isinstance(exc, httpx.ConnectError) and attempt == 2):  # a refused host: fail fast
                    raise
                log.info("%s %s: %s, retrying", request.method, request.url.path, type(exc).__name__)
                dropped = dropped or not isinstance(exc, httpx.ConnectError)
                await anyio.sleep(self.backoff * 2 ** (attempt - 1))
                continue
            if response.status_code in RETRY_STATUS and not last:
                wait = retry_after(response.headers.get("Retry-After"), self.backoff * 2 ** (attempt - 1))
                if wait <= MAX_RETRY_AFTER:
                    await response.aclose()
                    log.info(
                        "%s %s: %s, retrying in %.1fs", request.method, request.url.path, response.status_code, wait
                    )
                    await anyio.sleep(wait)
                    continue
            if dropped:
                response.headers[RETRIED_HEADER] = "1"
            return response
        raise AssertionError("unreachable")

    async def aclose(self) -> None:
        await self.inner.aclose()


def retry_after(value: str | None, default: float) -> float:
    """Seconds to wait for a `Retry-After` of seconds or an HTTP date; `default` when absent or unreadable."""
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):  # a malformed header must not fail the request
        return default
    if parsed.tzinfo is None:  # "-0000" in an HTTP date means UTC
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return max(0.0, parsed.timestamp() - time.time())


def tls_verify(setting: bool | str) -> bool | ssl.SSLContext:
    """httpx's `verify` for KIMAI_SSL_VERIFY: a CA bundle path becomes an SSL context (httpx deprecates paths)."""
    if isinstance(setting, bool):
        return setting
    try:
        return ssl.create_default_context(cafile=setting)
    except OSError as exc:  # ssl.SSLError included: a file that holds no certificate
        raise KimaiError(f"Cannot load the CA bundle {setting} named by KIMAI_SSL_VERIFY ({exc}).") from None


class Session:
    """One per server; creates the HTTP client on first use so start-up never touches Kimai."""

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self._transport = transport
        self._client = None
        self._version: str | None = None
        self._version_read = False
        self._plugins: list[str] | None = None

    @property
    def client(self):
        if self._client is None:
            from kimai_client import AuthenticatedClient

            verify = tls_verify(self.settings.ssl_verify)
            inner = self._transport or httpx.AsyncHTTPTransport(verify=verify)
            self._client = AuthenticatedClient(
                base_url=self.settings.url,
                token=self.settings.token,
                timeout=httpx.Timeout(self.settings.timeout, connect=10.0),
                verify_ssl=verify,
                headers={"User-Agent": f"kimai-tools/{__version__}", "Accept": "application/json"},
                httpx_args={"transport": RetryTransport(inner)},
            )
        return self._client

    @property
    def version_known(self) -> bool:
        return self._version_read

    async def version(self) -> str | None:
        """Kimai's version, read once on first need; None when it cannot be read (then actions just try)."""
        if not self._version_read:
            from kimai_tools.operations import call

            try:
                reply = await call(self, "GET /api/version", check_version=False)
                found = str((reply.data or {}).get("version") or "")
                self._version = found if re.match(r"\d+\.\d+", found) else None
            except KimaiError as exc:
                if exc.status is None:  # unreachable: that is the answer the caller needs
                    raise
                log.info("could not read Kimai's version: %s", exc.status)  # an unreadable version blocks nothing
                return None
            self._version_read = True
        return self._version

    async def plugins(self) -> list[str] | None:
        if self._plugins is None:
            from kimai_tools.operations import call

            try:
                reply = await call(self, "GET /api/plugins", check_version=False)
                self._plugins = [p.get("name", "") for p in reply.data or []]
            except Exception:  # noqa: BLE001
                return None
        return self._plugins

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.get_async_httpx_client().aclose()
