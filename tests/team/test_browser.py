"""The login page in a real browser (Debian's headless Chromium through its chromedriver): it names the client and
the host it sends the user back to before any secret is typed, runs no script and loads its own stylesheet under
its CSP, refuses a wrong secret on the page, sends the user back to the client with a code that buys a working
token (or with `access_denied` on Cancel), and cannot be framed."""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import httpx2
import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from tests.support.team import SECRET_A, SECRET_B, SLUG_A, SLUG_B, TeamServer, connected, fakes, users_file

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "apt-get install chromium chromium-driver"
CLIENT_NAME = "Claude test connector"
WAIT = 10  # s, for any one thing the browser is waited for
TITLE = "Sign in · Kimai tools"


class Callback:
    """The client's loopback redirect target: records every query sent to /callback and answers "done"; /frame
    is a page of this origin framing the URLs it is given (`src`, repeatable)."""

    def __init__(self) -> None:
        self.received: list[dict[str, list[str]]] = []
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                if url.path == "/callback":
                    received.append(parse_qs(url.query))
                    self.answer("<!doctype html><title>done</title><p id='done'>done</p>")
                elif url.path == "/frame":
                    frames = "".join(f'<iframe id="frame{i}" src="{html.escape(src)}"></iframe>'
                                     for i, src in enumerate(parse_qs(url.query).get("src", [])))  # fmt: skip
                    self.answer(f"<!doctype html><title>framing</title>{frames}")
                else:
                    self.send_error(404)

            def answer(self, page: str) -> None:
                data = page.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.url = f"{self.origin}/callback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Authorization:
    url: str
    state: str
    verifier: str


@dataclass
class Client:
    team: TeamServer
    callback: Callback
    client_id: str
    client_secret: str

    def authorization(self) -> Authorization:
        """A fresh /authorize URL of this client: its own state and PKCE verifier."""
        verifier, state = secrets.token_urlsafe(48), secrets.token_urlsafe(16)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        query = urlencode({"response_type": "code", "client_id": self.client_id, "redirect_uri": self.callback.url,
                           "code_challenge": challenge, "code_challenge_method": "S256", "state": state,
                           "resource": f"{self.team.url}/mcp"})  # fmt: skip
        return Authorization(f"{self.team.url}/authorize?{query}", state, verifier)


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> Iterator[TeamServer]:
    with fakes("anna", "bert") as kimais:
        folder = tmp_path_factory.mktemp("team-browser")
        users = users_file(folder / "users.json", {
            SLUG_A: {"kimai_url": kimais["anna"].url, "kimai_token": "token-of-anna", "auth_secret": SECRET_A},
            SLUG_B: {"kimai_url": kimais["bert"].url, "kimai_token": "token-of-bert", "auth_secret": SECRET_B},
        })  # fmt: skip
        server = TeamServer(folder, users, "--rate-limit-rpm", "0").start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def callback() -> Iterator[Callback]:
    served = Callback()
    yield served
    served.close()


@pytest.fixture(scope="module")
def client(team, callback) -> Client:
    registered = httpx.post(f"{team.url}/register", timeout=10, json={
        "client_name": CLIENT_NAME, "redirect_uris": [callback.url], "grant_types": ["authorization_code"],
        "response_types": ["code"], "token_endpoint_auth_method": "client_secret_post",
    })  # fmt: skip
    assert registered.status_code == 201, registered.text
    info = registered.json()
    return Client(team, callback, info["client_id"], info["client_secret"])


@pytest.fixture(scope="module")
def chromium() -> Iterator[WebDriver]:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.is_file()]
    if missing:
        pytest.fail(f"{' and '.join(missing)} not found: the browser tests need Debian's Chromium and its driver "
                    f"({INSTALL})", pytrace=False)  # fmt: skip
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    options.binary_location = str(CHROMIUM)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    except WebDriverException as exc:
        pytest.fail(f"Chromium did not start through {CHROMEDRIVER} ({INSTALL}): {exc.msg}", pytrace=False)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chromium, callback) -> WebDriver:
    """The module's browser, its console log emptied and the callback's record cleared for this test."""
    chromium.get_log("browser")
    chromium.delete_all_cookies()
    callback.received.clear()
    return chromium


def console(driver: WebDriver) -> list[str]:
    """The browser's console messages since the last call (reading the log empties it)."""
    return [entry["message"] for entry in driver.get_log("browser")]


def csp_violations(messages: list[str]) -> list[str]:
    return [message for message in messages if "Content Security Policy" in message]


def wait(driver: WebDriver, condition: Any, what: str) -> Any:
    try:
        return WebDriverWait(driver, WAIT).until(condition)
    except TimeoutException:
        raise AssertionError(f"the browser did not show {what} in {WAIT} s; it is at {driver.current_url}; "
                             f"its console said: {console(driver)}") from None  # fmt: skip


def open_login(driver: WebDriver, authorization: Authorization) -> None:
    driver.get(authorization.url)
    wait(driver, EC.title_is(TITLE), "the login page")


def back_at_client(driver: WebDriver, callback: Callback) -> dict[str, list[str]]:
    """Waits for the redirect to the client's callback; the query it received there."""
    wait(driver, lambda d: d.current_url.startswith(f"{callback.url}?"), "the client's callback")
    wait(driver, EC.presence_of_element_located((By.ID, "done")), "the callback's page")
    assert parse_qs(urlparse(driver.current_url).query) == callback.received[-1]
    return callback.received[-1]


def policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name.lower(): sources for name, *sources in directives}


def test_the_login_page_names_the_client_and_runs_no_script(browser, client, callback):
    authorization = client.authorization()
    open_login(browser, authorization)

    assert browser.find_element(By.ID, "client").text == CLIENT_NAME
    assert browser.find_element(By.ID, "redirect-host").text == "127.0.0.1"
    assert browser.find_element(By.ID, "secret").get_attribute("value") == ""
    assert urlparse(browser.current_url).path == "/login"
    # the stylesheet applied (its body background), and nothing on the page broke the CSP
    assert browser.find_element(By.TAG_NAME, "body").value_of_css_property("background-color") in (
        "rgba(244, 245, 247, 1)", "rgb(244, 245, 247)")  # fmt: skip
    assert csp_violations(console(browser)) == []
    assert callback.received == []

    page = httpx.get(client.authorization().url, follow_redirects=True, timeout=10)
    assert page.status_code == 200 and urlparse(str(page.url)).path == "/login"
    csp = policy(page.headers["content-security-policy"])
    assert csp["default-src"] == ["'none'"]
    assert all(csp.get(name, ["'none'"]) == ["'none'"] for name in ("script-src", "script-src-elem",
                                                                    "script-src-attr"))  # fmt: skip
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'", callback.origin]
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["x-frame-options"] == "DENY"


def test_a_wrong_secret_is_refused_on_the_page(browser, client, callback):
    authorization = client.authorization()
    open_login(browser, authorization)
    browser.find_element(By.ID, "slug").send_keys(SLUG_B)
    browser.find_element(By.ID, "secret").send_keys("not-the-secret")
    browser.find_element(By.ID, "allow").click()

    error = wait(browser, EC.visibility_of_element_located((By.ID, "error")), "the error")
    assert error.text == "The slug or the secret is wrong."
    assert browser.title == TITLE and urlparse(browser.current_url).path == "/login"
    assert browser.find_element(By.ID, "secret").get_attribute("value") == ""
    assert browser.find_elements(By.ID, "allow") and browser.find_elements(By.ID, "deny")
    assert callback.received == []
    assert csp_violations(console(browser)) == []


@pytest.mark.anyio
async def test_signing_in_sends_a_code_that_buys_a_working_token(browser, client, callback, team):
    authorization = client.authorization()
    open_login(browser, authorization)
    browser.find_element(By.ID, "slug").send_keys(SLUG_A)
    browser.find_element(By.ID, "secret").send_keys(SECRET_A)
    browser.find_element(By.ID, "allow").click()

    query = back_at_client(browser, callback)
    assert query["state"] == [authorization.state]
    assert set(query) == {"code", "state"}
    assert csp_violations(console(browser)) == []

    async with httpx.AsyncClient(timeout=10) as http:
        answer = await http.post(f"{team.url}/token", data={
            "grant_type": "authorization_code", "code": query["code"][0], "redirect_uri": callback.url,
            "client_id": client.client_id, "client_secret": client.client_secret,
            "code_verifier": authorization.verifier, "resource": f"{team.url}/mcp",
        })  # fmt: skip
    assert answer.status_code == 200, answer.text
    token = answer.json()
    assert token["token_type"].lower() == "bearer" and token["access_token"]

    async with connected(team.url, Bearer(token["access_token"])) as session:
        result = await session.call_tool("user_current", {})
    assert not result.is_error, result.content[0].text
    assert "You are user Anna (#7)" in result.content[0].text


def test_cancel_sends_access_denied_and_no_code(browser, client, callback):
    authorization = client.authorization()
    open_login(browser, authorization)
    browser.find_element(By.ID, "deny").click()  # with nothing typed: Cancel needs no slug or secret

    query = back_at_client(browser, callback)
    assert query == {"error": ["access_denied"], "state": [authorization.state]}
    assert csp_violations(console(browser)) == []


def test_no_page_can_frame_the_login_page(browser, client, callback, team):
    login, control = client.authorization().url, f"{team.url}/healthz"  # /healthz may be framed: the control
    browser.get(f"{callback.origin}/frame?{urlencode([('src', login), ('src', control)])}")

    refused: list[str] = []

    def refusal_logged(driver: WebDriver) -> bool:
        refused.extend(message for message in console(driver) if "frame-ancestors" in message)
        return bool(refused)

    wait(browser, refusal_logged, "a refusal to frame the login page")
    assert "frame-ancestors 'none'" in refused[0]

    browser.switch_to.frame("frame1")
    assert wait(browser, EC.presence_of_element_located((By.TAG_NAME, "body")), "the control frame").text == "ok"
    browser.switch_to.default_content()
    browser.switch_to.frame("frame0")
    assert browser.find_elements(By.ID, "slug") == [] and browser.find_elements(By.ID, "secret") == []
    assert browser.title != TITLE
    browser.switch_to.default_content()
    assert callback.received == []


class Bearer(httpx2.Auth):
    def __init__(self, token: str):
        self.token = token

    def auth_flow(self, request: httpx2.Request) -> Iterator[httpx2.Request]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request
