"""Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document), as the MCP authorization spec uses them.

A client whose `client_id` is an https URL registers nothing: the authorization server fetches that URL, which serves
the client's metadata as JSON. The URL comes from whoever connects, so the fetch only reaches public addresses, pins
the address it checked, follows no redirect and reads a bounded body; the document is then checked as a public client.
"""

import ipaddress
import json
import socket
import ssl
from urllib.parse import SplitResult, unquote, urlsplit

import anyio
import httpx
import pydantic
from mcp.shared.auth import OAuthClientInformationFull

CACHE_MIN = 300
CACHE_MAX = 86400
CACHE_DEFAULT = 3600

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class ClientMetadataError(Exception):
    """Why a client metadata document was refused, in one sentence that is safe to show to a user (no secrets)."""


def is_metadata_url(client_id: str) -> bool:
    """Whether `client_id` is meant as the URL of a metadata document (https, or http on a loopback host, with a path);
    `fetch_client_metadata` applies the remaining rules."""
    try:
        parts = urlsplit(client_id)
        host = parts.hostname
    except ValueError:
        return False
    if not host or parts.path in ("", "/"):
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and _is_loopback_name(host))


async def fetch_client_metadata(
    url: str,
    *,
    allow_loopback: bool = False,
    timeout: float = 5.0,
    max_bytes: int = 65536,
    transport: httpx.AsyncBaseTransport | None = None,
) -> tuple[OAuthClientInformationFull, int]:
    """The public client described by the document at `url`, and how many seconds it may be cached.

    Raises `ClientMetadataError` for a URL, an address, an answer or a document that is refused.
    """
    parts, target = _check_url(url, allow_loopback)
    host = target.raw_host.decode("ascii")
    try:
        # httpx's timeout bounds each phase; this bounds the whole fetch, resolution and a slowly dripping body included
        with anyio.fail_after(timeout):
            body, seconds = await _fetch(url, parts, target, allow_loopback, timeout, max_bytes, transport)
    except TimeoutError:
        raise ClientMetadataError(
            f"The client metadata document at {url} could not be fetched: {host} did not answer within"
            f" {timeout:g} seconds."
        ) from None
    return _parse(url, body), seconds


def _check_url(url: str, allow_loopback: bool) -> tuple[SplitResult, httpx.URL]:
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        raise ClientMetadataError(f"The client metadata URL {url!r} contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
        target = httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        raise ClientMetadataError(f"The client metadata URL {url} is not a valid URL.") from None
    if not host:
        raise ClientMetadataError(f"The client metadata URL {url} has no host.")
    if parts.scheme != "https" and not (parts.scheme == "http" and allow_loopback and _is_loopback_name(host)):
        raise ClientMetadataError(f"The client metadata URL {url} must use https.")
    if "@" in parts.netloc:
        raise ClientMetadataError(f"The client metadata URL {url} must not contain a user name or password.")
    if "#" in url:
        raise ClientMetadataError(f"The client metadata URL {url} must not contain a fragment.")
    if parts.path in ("", "/"):
        raise ClientMetadataError(f"The client metadata URL {url} must have a path beyond /.")
    if any(unquote(segment) in (".", "..") for segment in parts.path.split("/")):
        raise ClientMetadataError(f"The client metadata URL {url} must not contain . or .. path segments.")
    if port == 0:
        raise ClientMetadataError(f"The client metadata URL {url} has an invalid port.")
    return parts, target


def _is_loopback_name(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _unwrap(ipaddress.ip_address(host)).is_loopback
    except ValueError:
        return False


def _unwrap(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _is_allowed(ip: IPAddress, allow_loopback: bool) -> bool:
    addresses = [_unwrap(ip)]
    # a 6to4 address reaches the IPv4 address inside it, which must pass as well
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        addresses.append(ip.sixtofour)
    for address in addresses:
        if allow_loopback and address.is_loopback:
            continue
        if not address.is_global or any(
            (
                address.is_private,
                address.is_loopback,
                address.is_link_local,
                address.is_multicast,
                address.is_reserved,
                address.is_unspecified,
            )
        ):
            return False
    return True


async def _resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses of `host` (itself if it is an IP address), in the resolver's order, without repeats."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


async def _fetch(
    url: str,
    parts: SplitResult,
    target: httpx.URL,
    allow_loopback: bool,
    timeout: float,
    max_bytes: int,
    transport: httpx.AsyncBaseTransport | None,
) -> tuple[bytes, int]:
    host = target.raw_host.decode("ascii")
    port = target.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = await _resolve(host, port)
    except (OSError, UnicodeError):
        addresses = []
    if not addresses:
        raise ClientMetadataError(f"The client metadata document at {url} could not be fetched: {host} is not known.")
    if not all(_is_allowed(address, allow_loopback) for address in addresses):
        raise ClientMetadataError(
            f"The client metadata URL {url} is not fetched: {host} has a private, loopback or otherwise non-public"
            " address."
        )
    if parts.scheme == "http" and not all(_unwrap(address).is_loopback for address in addresses):
        raise ClientMetadataError(f"The client metadata URL {url} must use https.")

    # the request goes to the address checked above, whatever the name resolves to by now; Host and SNI keep the name
    headers = {"Host": target.netloc.decode("ascii"), "Accept": "application/json", "Accept-Encoding": "identity"}
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    async with httpx.AsyncClient(
        follow_redirects=False, timeout=timeout, transport=transport, trust_env=False
    ) as client:
        for index, address in enumerate(addresses):
            request = client.build_request(
                "GET", target.copy_with(host=str(address)), headers=headers, extensions=extensions
            )
            try:
                response = await client.send(request, stream=True)
            except httpx.ConnectError as exc:
                if index + 1 < len(addresses):
                    continue
                raise _transport_error(url, host, timeout, exc) from None
            except httpx.HTTPError as exc:
                raise _transport_error(url, host, timeout, exc) from None
            try:
                return await _read(url, host, timeout, response, max_bytes)
            finally:
                await response.aclose()
    raise AssertionError("unreachable: there is at least one address")  # pragma: no cover


def _transport_error(url: str, host: str, timeout: float, exc: httpx.HTTPError) -> ClientMetadataError:
    prefix = f"The client metadata document at {url} could not be fetched"
    if isinstance(exc, httpx.TimeoutException):
        return ClientMetadataError(f"{prefix}: {host} did not answer within {timeout:g} seconds.")
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return ClientMetadataError(f"{prefix}: the TLS certificate of {host} could not be verified.")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.TransportError):
        return ClientMetadataError(f"{prefix}: the connection to {host} failed.")
    return ClientMetadataError(f"{prefix}: the answer of {host} could not be read.")


async def _read(url: str, host: str, timeout: float, response: httpx.Response, max_bytes: int) -> tuple[bytes, int]:
    status = response.status_code
    if 300 <= status < 400:
        raise ClientMetadataError(
            f"The client metadata document at {url} answered with a redirect (HTTP {status}): redirects are not"
            " followed."
        )
    if status != 200:
        raise ClientMetadataError(f"The client metadata document at {url} answered with HTTP {status} instead of 200.")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    # a compressed body could expand far past max_bytes in one chunk, so only what was asked for is accepted
    if encoding not in ("", "identity"):
        raise ClientMetadataError(f"The client metadata document at {url} is compressed ({encoding}), not plain.")
    too_large = ClientMetadataError(f"The client metadata document at {url} is larger than {max_bytes} bytes.")
    length = response.headers.get("content-length", "")
    if length.isascii() and length.isdigit() and int(length) > max_bytes:
        raise too_large
    body = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise too_large
    except httpx.HTTPError as exc:
        raise _transport_error(url, host, timeout, exc) from None
    return bytes(body), _cache_seconds(response.headers.get_list("cache-control"))


def _cache_seconds(cache_control: list[str]) -> int:
    """How long a document may be cached, from its Cache-Control header values: max-age within
    [`CACHE_MIN`, `CACHE_MAX`], `CACHE_MIN` for no-store, `CACHE_DEFAULT` without either."""
    max_age: int | None = None
    for directive in ",".join(cache_control).split(","):
        name, _, value = directive.partition("=")
        name, value = name.strip().lower(), value.strip().strip('"')
        if name == "no-store":
            return CACHE_MIN
        if name == "max-age" and max_age is None and value.isascii() and value.isdigit():
            # int() refuses thousands of digits; any long number is past the ceiling anyway
            max_age = int(value) if len(value) <= 9 else CACHE_MAX
    if max_age is None:
        return CACHE_DEFAULT
    return min(max(max_age, CACHE_MIN), CACHE_MAX)


def _parse(url: str, body: bytes) -> OAuthClientInformationFull:
    where = f"The client metadata document at {url}"
    try:
        document = json.loads(body)
    except (ValueError, RecursionError):
        raise ClientMetadataError(f"{where} is not valid JSON.") from None
    if not isinstance(document, dict):
        raise ClientMetadataError(f"{where} is not a JSON object.")
    if "client_id" not in document:
        raise ClientMetadataError(f"{where} has no client_id.")
    if document["client_id"] != url:
        raise ClientMetadataError(f"{where} names client_id {_quote(document['client_id'])}, not its own URL.")
    for secret in ("client_secret", "client_secret_expires_at"):
        if secret in document:
            raise ClientMetadataError(f"{where} contains {secret}, which a public document must not.")
    method = document.get("token_endpoint_auth_method")
    if method is not None and method != "none":
        raise ClientMetadataError(
            f'{where} asks for token_endpoint_auth_method {_quote(method)}, but only "none" is accepted: this server'
            " holds no client keys."
        )
    redirect_uris = document.get("redirect_uris")
    if redirect_uris is None:
        raise ClientMetadataError(f"{where} has no redirect_uris.")
    if not isinstance(redirect_uris, list) or not redirect_uris:
        raise ClientMetadataError(f"{where} has redirect_uris that are not a non-empty list of URLs.")

    # issuer and client_id_issued_at are the authorization server's records, not the client's to assert
    fields = {key: value for key, value in document.items() if key not in ("issuer", "client_id_issued_at")}
    fields.update(client_id=url, token_endpoint_auth_method="none")
    try:
        client = OAuthClientInformationFull.model_validate(fields)
    except pydantic.ValidationError as exc:
        raise ClientMetadataError(f"{where} is invalid: {_describe(exc)}.") from None
    if "authorization_code" not in client.grant_types:
        raise ClientMetadataError(f"{where} has grant_types without authorization_code.")
    if "code" not in client.response_types:
        raise ClientMetadataError(f"{where} has response_types without code.")
    return client


def _describe(exc: pydantic.ValidationError) -> str:
    problems = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False)[:3]:
        field = ".".join(str(part) for part in error["loc"]) or "document"
        problems.append(f"{field}: {error['msg'].rstrip('.')}")
    return "; ".join(problems)


def _quote(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"
