"""Shared fixtures: a Prism mock of the pinned Kimai document, and MCP clients talking to the real server."""

import os
from collections.abc import AsyncIterator

import pytest
from mcp import Client

from kimai_tools.config import Settings
from kimai_tools.server import build_server
from tests.support.paths import ROOT
from tests.support.prism import PrismMock, prism_exe, prism_mock  # noqa: F401

# every request a tool sends must be one its action declares (kimai_tools/tools/declare.py); subprocesses inherit it
os.environ["KIMAI_TOOLS_STRICT"] = "1"

TOKEN = "test-token-7f3a9c"  # distinctive, so a leak is found by searching for it
NORMALISED_SPEC = ROOT / "generated" / "openapi.json"


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture(scope="session")
def kimai_mock(prism_exe) -> PrismMock:  # noqa: F811
    """One Prism mock of the committed client's (normalised) document for the whole session."""
    with PrismMock(NORMALISED_SPEC, prism=prism_exe) as mock:
        yield mock


@pytest.fixture
def kimai(kimai_mock):
    """The session's mock, checked after the test: no request of the test broke Kimai's document."""
    before = len(kimai_mock.violations())
    yield kimai_mock
    new = kimai_mock.violations()[before:]
    assert not new, "requests that break Kimai's document:\n" + "\n".join(map(str, new))


def settings_for(url: str, **kwargs) -> Settings:
    return Settings(url=url, token=TOKEN, **kwargs)


@pytest.fixture(params=["legacy", "auto"])
def protocol_mode(request) -> str:
    """Both handshakes: `legacy` is what Claude Desktop speaks, `auto` negotiates the newest protocol."""
    return request.param


@pytest.fixture
async def mcp(kimai, protocol_mode) -> AsyncIterator[Client]:
    """An MCP client connected in memory to the server, whose Kimai is the Prism mock."""
    server = build_server(settings_for(kimai.url))
    async with Client(server, mode=protocol_mode) as client:
        yield client
