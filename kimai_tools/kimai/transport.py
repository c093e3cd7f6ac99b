"""Retries for idempotent requests: its own module so that start-up does not import httpx."""

from __future__ import annotations

import datetime
import email.utils
import logging
import time

import anyio
import httpx

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
