"""The Kimai session: the generated AuthenticatedClient with timeouts, TLS, retries and a lazily read version."""

from __future__ import annotations

import contextlib
import importlib
import logging
import re
import ssl
from functools import cache
from typing import TYPE_CHECKING, Protocol

import anyio

from kimai_tools import __version__
from kimai_tools.kimai.errors import Busy, KimaiError, KimaiFailed, KimaiUnreachable
from kimai_tools.kimai.operations import call, index

if TYPE_CHECKING:
    import httpx

log = logging.getLogger("kimai_tools")


@cache
def tls_verify(setting: bool | str) -> ssl.SSLContext:
    """The SSL context for KIMAI_SSL_VERIFY, made once per setting: loading the CA certificates costs ~20 ms."""
    if setting is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if setting is True:
        import certifi  # httpx's own CA bundle, as it would load it itself

        return ssl.create_default_context(cafile=certifi.where())
    try:
        return ssl.create_default_context(cafile=setting)
    except OSError as exc:  # ssl.SSLError included: a file that holds no certificate
        raise KimaiUnreachable(f"Cannot load the CA bundle {setting} named by KIMAI_SSL_VERIFY ({exc}).") from None


class Access(Protocol):
    """Where a Kimai is and whose token is used there: the stdio settings, or one user of the team server."""

    url: str
    token: str
    ssl_verify: bool | str
    timeout: float


def warm_up(ssl_verify: bool | str = True) -> None:
    """What a first tool call would load, loaded ahead (run in a thread after the MCP handshake): the HTTP
    stack, the generated client with every endpoint module, and the TLS context. It contacts no Kimai."""
    import httpx  # noqa: F401

    with contextlib.suppress(ImportError):  # httpx's connection layer, which its first request would load
        import httpcore._async.http11  # noqa: F401
        import httpcore._backends.anyio  # noqa: F401

    import kimai_tools.kimai.transport  # noqa: F401

    for op in index().values():
        if op.get("module"):
            importlib.import_module(op["module"])
    try:
        tls_verify(ssl_verify)
    except KimaiError:  # a broken CA bundle is reported by the first call that needs it
        pass


class Session:
    """One per caller; creates the HTTP client on first use so start-up never touches Kimai."""

    def __init__(self, access: Access, transport: httpx.AsyncBaseTransport | None = None):
        self.access = access
        self._transport = transport
        self._client = None
        self._version: str | None = None
        self._version_read = False
        self._version_lock: anyio.Lock | None = None
        self._plugins: list[str] | None = None

    @property
    def client(self):
        if self._client is None:
            from kimai_client import AuthenticatedClient

            verify = tls_verify(self.access.ssl_verify)
            import httpx

            from kimai_tools.kimai.transport import RetryTransport

            inner = self._transport or httpx.AsyncHTTPTransport(verify=verify)
            self._client = AuthenticatedClient(
                base_url=self.access.url,
                token=self.access.token,
                timeout=httpx.Timeout(self.access.timeout, connect=10.0),
                verify_ssl=verify,
                headers={"User-Agent": f"kimai-tools/{__version__}", "Accept": "application/json"},
                httpx_args={"transport": RetryTransport(inner)},
            )
        return self._client

    @property
    def version_known(self) -> bool:
        return self._version_read

    async def version(self) -> str | None:
        """Kimai's version, read once on first need; None when it cannot be read (then actions just try).

        Single flight: however many calls need it at once (a batch), one request reads it.
        """
        if self._version_read:
            return self._version
        if self._version_lock is None:
            self._version_lock = anyio.Lock()
        async with self._version_lock:
            return await self._read_version()

    async def _read_version(self) -> str | None:
        if not self._version_read:
            try:
                reply = await call(self, "GET /api/version", check_version=False)
                found = str((reply.data or {}).get("version") or "")
                self._version = found if re.match(r"\d+\.\d+", found) else None
            except KimaiUnreachable:  # that is the answer the caller needs
                raise
            except KimaiError as exc:
                log.info("could not read Kimai's version: %s", exc.status)  # an unreadable version blocks nothing
                if isinstance(exc, Busy | KimaiFailed):  # passing trouble: ask again next time
                    return None
            self._version_read = True
        return self._version

    async def plugins(self) -> list[str] | None:
        if self._plugins is None:
            try:
                reply = await call(self, "GET /api/plugins", check_version=False)
                self._plugins = [p.get("name", "") for p in reply.data or []]
            except Exception:  # noqa: BLE001
                return None
        return self._plugins

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.get_async_httpx_client().aclose()
