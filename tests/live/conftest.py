"""The live tier: the tools against a real Kimai 2.31 (../shared/kimai-server), judged by what Kimai then holds.

One instance per test session: its own (a cache folder, free ports, stopped at the end), or the one named by
KIMAI_LIVE_ROOT / KIMAI_LIVE_PORT / KIMAI_LIVE_DB_PORT (stopped only if this session had to start it). When no
Kimai can be had, every live test fails with kimai-server's own sentence: it is never skipped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from mcp import Client

from kimai_tools.config import Settings
from kimai_tools.server import build_server
from tests.support.live import Instance, LiveKimaiError, Rest, instance_from_env
from tests.support.live_seed import Seed, create_invoice, seed, still_there

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    """Every test here is `live`; the ones that reset Kimai run last, so the others share one seed."""
    live = [item for item in items if item.path.is_relative_to(HERE)]
    for item in live:
        item.add_marker(pytest.mark.live)
    resets = [item for item in live if "clean_kimai" in getattr(item, "fixturenames", ())]
    if resets:
        items[:] = [item for item in items if item not in resets] + resets


@pytest.fixture(scope="session")
def kimai_instance() -> Iterator[Instance]:
    try:
        instance = instance_from_env()
    except LiveKimaiError as exc:
        pytest.fail(f"No live Kimai: {exc}", pytrace=False)
    yield instance
    instance.stop()


@pytest.fixture(scope="session")
def admin_rest(kimai_instance) -> Iterator[Rest]:
    rest = Rest(kimai_instance.url, kimai_instance.admin_token)
    yield rest
    rest.close()


@pytest.fixture(scope="session")
def user_rest(kimai_instance) -> Iterator[Rest]:
    rest = Rest(kimai_instance.url, kimai_instance.user_token)
    yield rest
    rest.close()


class Seeder:
    """The run's seed, made again when Kimai was reset since (here or by another session on the instance)."""

    def __init__(self, live: Instance, admin: Rest, user: Rest):
        self.live, self.admin, self.user = live, admin, user
        self.seed: Seed | None = None
        self.invoice: dict | None = None

    def current(self) -> Seed:
        if self.seed is None or not still_there(self.admin, self.seed):
            self.seed, self.invoice = seed(self.live, self.admin, self.user), None
        return self.seed

    def current_invoice(self) -> dict:
        seeded = self.current()
        if self.invoice is None:
            self.invoice = create_invoice(self.live, self.admin, seeded)
        return self.invoice

    def forget(self) -> None:
        self.seed, self.invoice = None, None


@pytest.fixture(scope="session")
def seeder(kimai_instance, admin_rest, user_rest) -> Seeder:
    return Seeder(kimai_instance, admin_rest, user_rest)


@pytest.fixture
def seed_data(seeder) -> Seed:
    return seeder.current()


@pytest.fixture
def invoice(seeder) -> dict:
    return seeder.current_invoice()


@pytest.fixture
def clean_kimai(kimai_instance, seeder) -> Iterator[Instance]:
    """A Kimai with only its two users (kimai-server reset); the seed is made again for any later test."""
    try:
        kimai_instance.reset()
    except LiveKimaiError as exc:
        pytest.fail(f"kimai-server reset failed: {exc}", pytrace=False)
    seeder.forget()
    yield kimai_instance


@pytest.fixture
async def admin(kimai_instance) -> AsyncIterator[Client]:
    """An MCP client connected in memory to the server, whose Kimai token is the admin's (ROLE_SUPER_ADMIN)."""
    async with Client(build_server(Settings(url=kimai_instance.url, token=kimai_instance.admin_token))) as client:
        yield client


@pytest.fixture
async def user(kimai_instance) -> AsyncIterator[Client]:
    """The same for the plain user (ROLE_USER), member of the run's team."""
    async with Client(build_server(Settings(url=kimai_instance.url, token=kimai_instance.user_token))) as client:
        yield client


@dataclass
class Role:
    name: str  # admin or user
    client: Client
    rest: Rest


@pytest.fixture(params=["admin", "user"])
async def role(request, kimai_instance, admin_rest, user_rest) -> AsyncIterator[Role]:
    """Each test once as the admin and once as the plain user: an MCP client and the REST view of that user."""
    token, rest = (kimai_instance.admin_token, admin_rest) if request.param == "admin" else (kimai_instance.user_token,
                                                                                               user_rest)  # fmt: skip
    async with Client(build_server(Settings(url=kimai_instance.url, token=token))) as client:
        yield Role(request.param, client, rest)
