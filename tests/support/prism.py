"""pytest fixtures over scripts/prism.py: the Prism executable, and mocks stopped when a test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scripts.prism import (  # noqa: F401 - re-exported for the tests
    PRISM_ERRORS,
    REPO_ROOT,
    VIOLATION_TYPES,
    PrismMock,
    PrismStartError,
    PrismUnavailable,
    Violation,
    ensure_prism,
    free_port,
    is_prism_violation,
    parse_response_violations,
    parse_violations,
    prism_bin,
)


@pytest.fixture(scope="session")
def prism_exe() -> Path:
    """The Prism executable (`npm ci` on first use); the test is skipped only when there is no npm either."""
    try:
        return ensure_prism()
    except PrismUnavailable as missing:
        pytest.skip(f"Prism mock unavailable: {missing}")


@pytest.fixture
def prism_mock(prism_exe: Path) -> Iterator[Callable[[str | Path], PrismMock]]:
    """`prism_mock(spec_path)` starts a mock that is stopped when the test ends, pass or fail."""
    started: list[PrismMock] = []

    def start(spec: str | Path) -> PrismMock:
        started.append(PrismMock(spec, prism=prism_exe))
        return started[-1].start()

    yield start
    for mock in started:
        mock.stop()
