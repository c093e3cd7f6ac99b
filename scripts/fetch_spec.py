"""Obtain Kimai's OpenAPI document: from a live Kimai (`/api/doc.json`) or from a file saved in a browser.

Kimai serves `/api/doc.json` only to a logged-in browser session (an API token is sent to /login), so the
live fetch logs in through the login form and keeps the session cookie. Every failure is a `FetchError`
whose message is one sentence a user can act on.
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_CSRF_NAME = re.compile(r"""\bname\s*=\s*["']_csrf_token["']""", re.IGNORECASE)
_VALUE = re.compile(r"""\bvalue\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_KIMAI_VERSION = re.compile(r"\bKimai\s+v?(\d+\.\d+(?:\.\d+)?)\b")


class FetchError(Exception):
    """The OpenAPI document could not be obtained; the message says why and what to do."""


@dataclass(frozen=True)
class FetchedSpec:
    version: str  # Kimai's version ("2.31.0"), "" when unknown
    raw: bytes  # exactly the bytes served or saved, never re-serialised
    document: dict


def base_url(url: str) -> str:
    """Kimai's root URL from what a user typed: trailing slashes and a trailing /api are dropped."""
    url = url.strip().rstrip("/")
    if url.endswith("/api"):
        url = url[: -len("/api")].rstrip("/")
    if not re.match(r"https?://[^/]", url):
        raise FetchError(f"'{url}' is not a Kimai address: give the full URL, e.g. https://kimai.example.com.")
    return url


def fetch_live_spec(
    url: str, username: str, password: str, *, verify: bool | str = True, timeout: float = 30.0
) -> FetchedSpec:
    """Log in to Kimai as `username` and download its OpenAPI document and version."""
    root = base_url(url)
    with _http_errors(root), httpx.Client(verify=_tls(verify), timeout=timeout, follow_redirects=True) as client:
        _login(client, root, username, password)
        doc = client.get(f"{root}/api/doc.json", headers={"Accept": "application/json"})
        if _is_login_page(doc):
            raise FetchError(
                f"Kimai sent user '{username}' back to the login page for /api/doc.json; check it opens in a browser."
            )
        if doc.status_code != 200:
            raise FetchError(f"Kimai answered HTTP {doc.status_code} for {root}/api/doc.json; check the user's rights.")
        document = _openapi(doc.content, f"{root}/api/doc.json")
        return FetchedSpec(_live_version(client, root) or _info_version(document), doc.content, document)


def load_spec_file(path: str | Path) -> FetchedSpec:
    """Read a document saved from `/api/doc.json`; its Kimai version is "" unless the document names it."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FetchError(f"There is no file {path}; save {{kimai}}/api/doc.json from your browser there.") from None
    except OSError as exc:
        raise FetchError(f"Cannot read {path} ({exc.strerror}); check the path and its permissions.") from None
    document = _openapi(raw, str(path))
    return FetchedSpec(_info_version(document), raw, document)


def _tls(verify: bool | str) -> bool | ssl.SSLContext:
    if isinstance(verify, bool):
        return verify
    try:
        return ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError):
        raise FetchError(f"The CA bundle {verify} cannot be read as PEM certificates; check the path.") from None


@contextmanager
def _http_errors(root: str) -> Iterator[None]:
    # httpx messages can quote URLs and headers, so each error gets a sentence of our own instead
    try:
        yield
    except httpx.TimeoutException:
        raise FetchError(f"{root} did not answer in time; check the address or raise the timeout.") from None
    except httpx.ConnectError as exc:
        if _is_tls_failure(exc):
            raise FetchError(
                f"The TLS certificate of {root} could not be verified; pass its CA bundle (PEM file) as the CA option."
            ) from None
        raise FetchError(f"Cannot connect to {root}; check the address and that Kimai is running.") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{root} redirects in a loop; check the address (http vs https, subfolder).") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"Talking to {root} failed ({type(exc).__name__}); check the address.") from None


def _is_tls_failure(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(exc):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _login(client: httpx.Client, root: str, username: str, password: str) -> None:
    page = client.get(f"{root}/en/login")
    token = _csrf_token(page.text) if page.status_code == 200 else None
    if token is None:
        raise FetchError(
            f"{root} has no Kimai login form at /en/login (HTTP {page.status_code}); check it is your Kimai 2 address."
        )
    form = {"_username": username, "_password": password, "_csrf_token": token}
    # Origin and Referer as a browser sends them: Symfony's same-origin CSRF check reads them
    headers = {"Origin": f"{page.url.scheme}://{page.url.netloc.decode()}", "Referer": str(page.url)}
    answer = client.post(f"{root}/en/login_check", data=form, headers=headers)
    if answer.status_code >= 400 or _is_login_page(answer):
        raise FetchError(f"Kimai rejected the login of user '{username}'; check the username and password.")


def _csrf_token(html: str) -> str | None:
    for tag in _INPUT.findall(html):
        if _CSRF_NAME.search(tag) and (value := _VALUE.search(tag)):
            return value.group(1) if value.group(1) is not None else value.group(2)
    return None


def _is_login_page(response: httpx.Response) -> bool:
    html = "html" in response.headers.get("content-type", "")
    return response.url.path.rstrip("/").endswith("/login") or (html and 'name="_password"' in response.text)


def _openapi(raw: bytes, origin: str) -> dict:
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        if raw.lstrip()[:1] == b"<":
            raise FetchError(
                f"{origin} is an HTML page, not JSON; open /api/doc.json in a logged-in browser and save that."
            ) from None
        raise FetchError(f"{origin} is not valid JSON; fetch /api/doc.json again.") from None
    if not (isinstance(document, dict) and "openapi" in document and isinstance(document.get("paths"), dict)):
        raise FetchError(f"{origin} is JSON but not an OpenAPI document (no 'openapi'/'paths'); use /api/doc.json.")
    return document


def _live_version(client: httpx.Client, root: str) -> str:
    # Kimai's API accepts the logged-in session; a missing version is asked of the user later
    try:
        answer = client.get(f"{root}/api/version", headers={"Accept": "application/json"})
        version = answer.json().get("version") if answer.status_code == 200 else None
    except (httpx.HTTPError, ValueError, AttributeError):
        return ""
    return version if isinstance(version, str) else ""


def _info_version(document: dict) -> str:
    # info.version is the API document's own version ("1.0"), not Kimai's, so only a "Kimai x.y.z" text counts
    info = document.get("info")
    text = " ".join(str(info.get(key, "")) for key in ("title", "description")) if isinstance(info, dict) else ""
    match = _KIMAI_VERSION.search(text)
    return match.group(1) if match else ""
