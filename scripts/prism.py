"""A Prism mock of Kimai made from a Kimai OpenAPI document, for contract tests.

    with PrismMock(spec_path) as kimai:
        client = AuthenticatedClient(base_url=kimai.url, token="t")  # the document's paths begin with /api
        ...
        kimai.assert_no_violations()

Every request is validated against the document. One that breaks it gets a Prism problem
(`application/problem+json`, `type` https://stoplight.io/prism/errors#NAME): 422 UNPROCESSABLE_ENTITY with a
`validation` list (wrong type, failed `pattern` or `format`, missing required field or body), 401
UNAUTHORIZED (every operation needs `Authorization: Bearer <any>`; the 2.0.x document instead X-AUTH-USER and
X-AUTH-TOKEN), 404 NO_PATH_MATCHED_ERROR, 405 NO_METHOD_MATCHED_ERROR, 406 NOT_ACCEPTABLE, 415
INVALID_CONTENT_TYPE.
`is_prism_violation(response)` recognises these; the mock also records them from Prism's log, so
`violations()` catches those a client swallowed.

Responses are static: a declared `example`, else values built from the schema: the `default` when there is
one (Kimai's `"default": null` gives null), else "string", 0, a boolean, "2019-08-24T14:15:22Z" for date-time,
-3.4e38 for a float without minimum, one item per array; `nullable` alone still gives a value, never null.
A test forces another answer with the `Prefer` request header:
    Prefer: code=204          that status from the document (Kimai's documents declare only 200, 204 and
                              `default`; any other code gets Prism's own 404 NOT_FOUND problem, no Kimai body)
    Prefer: example=NAME      a named example (Kimai's documents have none)
    Prefer: dynamic=true      random data generated from the schema, for this request only
"""

from __future__ import annotations

import atexit
import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
PRISM_ERRORS = "https://stoplight.io/prism/errors#"
# Prism problems that mean the request broke the document; the others (NOT_FOUND for a `Prefer` the
# document cannot satisfy, VIOLATIONS for a response of Prism's own) are the test's or the document's doing.
VIOLATION_TYPES = frozenset(
    {
        "UNPROCESSABLE_ENTITY",
        "UNAUTHORIZED",
        "NO_PATH_MATCHED_ERROR",
        "NO_METHOD_MATCHED_ERROR",
        "NOT_ACCEPTABLE",
        "INVALID_CONTENT_TYPE",
    }
)
SYNC_PATH = "/__prism_mock_sync__/"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0

_RECEIVED = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) .*Request received$")
_TERMINATED = re.compile(
    r"\[HTTP SERVER\] (\w+) (\S+) .*Request terminated with error: " + re.escape(PRISM_ERRORS) + r"(\w+)"
)
_VALIDATOR_ERROR = re.compile(r"\[VALIDATOR\] \S+\s+error\s+(.*)$")
_NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_PR_SET_PDEATHSIG = 1
# Looked up here, not in the forked child, where importing could deadlock on a lock another thread held.
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform == "linux" else None


class PrismUnavailable(RuntimeError):
    """Prism is not installed and there is no npm to install it."""


class PrismStartError(RuntimeError):
    """Prism could not be installed, exited, or did not listen in time."""


@dataclass(frozen=True)
class Violation:
    method: str
    path: str
    type: str
    messages: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path}: {self.type}: {'; '.join(self.messages)}"


def is_prism_violation(response: Any) -> str | None:
    """The violation text when `response` (httpx-like) is Prism refusing a request that breaks the document."""
    if not response.headers.get("content-type", "").startswith("application/problem+json"):
        return None
    try:
        problem = response.json()
    except ValueError:
        return None
    problem_type = str(problem.get("type", ""))
    name = problem_type.removeprefix(PRISM_ERRORS)
    if not problem_type.startswith(PRISM_ERRORS) or name not in VIOLATION_TYPES:
        return None
    details = [v.get("message", "") for v in problem.get("validation", [])] or [problem.get("detail", "")]
    return f"{response.status_code} {name}: {'; '.join(details)}"


def _outcomes(log: str) -> Iterator[tuple[str, str, str, tuple[str, ...]]]:
    """(problem name or RESPONSE, method, path, validator messages) per failed request or built response."""
    method = path = ""
    messages: list[str] = []
    for line in log.splitlines():
        if m := _RECEIVED.search(line):
            method, path, messages = m[1], m[2], []
        elif m := _TERMINATED.search(line):
            yield m[3], m[1], m[2], tuple(messages)
        elif m := _VALIDATOR_ERROR.search(line):
            if m[1].startswith("Violation: response"):
                yield "RESPONSE", method, path, (m[1],)
            else:
                messages.append(m[1])


def parse_violations(log: str) -> list[Violation]:
    """Requests that broke the document, from Prism's uncoloured log (lines of concurrent requests may mix)."""
    return [
        Violation(method, path, name, messages or ("(no detail logged)",))
        for name, method, path, messages in _outcomes(log)
        if name in VIOLATION_TYPES and not path.startswith(SYNC_PATH)
    ]


def parse_response_violations(log: str) -> list[Violation]:
    """Responses Prism built that the document rejects: the document contradicts itself, no client fault."""
    return [Violation(method, path, name, msgs) for name, method, path, msgs in _outcomes(log) if name == "RESPONSE"]


def prism_bin(root: Path = REPO_ROOT) -> Path:
    return root / "node_modules" / ".bin" / "prism"


def ensure_prism(root: Path = REPO_ROOT) -> Path:
    """The Prism executable, installed from package-lock.json with `npm ci` when missing."""
    exe = prism_bin(root)
    if exe.exists():
        return exe
    npm = shutil.which("npm")
    if npm is None:
        raise PrismUnavailable(f"{exe} is missing and npm is not on PATH to install it (npm ci)")
    done = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=root, capture_output=True, text=True)
    if done.returncode != 0 or not exe.exists():
        raise PrismStartError(f"npm ci in {root} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return exe


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrismMock:
    """`prism mock` on 127.0.0.1 in a process group of its own; a context manager.

    Start it from the main thread (pytest fixtures do): Prism is told to end when the starting thread ends.
    """

    def __init__(self, spec: str | Path, *, port: int | None = None, prism: Path | None = None) -> None:
        self.spec = Path(spec).resolve()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._prism = prism
        self._process: subprocess.Popen[bytes] | None = None
        self._dir: Path | None = None
        self._final_log = ""
        self._syncs = 0

    def command(self) -> list[str]:
        return [
            str(self._prism or ensure_prism()),
            "mock",
            str(self.spec),
            "--host", "127.0.0.1",
            "--port", str(self.port),
            # Static responses (examples, else values from the schema): the same answer every run.
            "--dynamic=false",
            # Bad requests get 422 either way; this would only turn the document's self-contradictions into 500s.
            "--errors=false",
            # info keeps the "Request received" lines that tie validator errors to a method and path.
            "--verboseLevel", "info",
            # Kimai sends no CORS headers.
            "--cors=false",
        ]  # fmt: skip

    def start(self) -> PrismMock:
        self._dir = Path(tempfile.mkdtemp(prefix="prism-mock-"))
        env = dict(os.environ, NO_COLOR="1", FORCE_COLOR="0")  # plain log lines to parse
        with open(self._dir / "stdout.log", "wb") as out, open(self._dir / "stderr.log", "wb") as err:
            self._process = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=env,
                start_new_session=True,  # one process group to end, whatever Prism forks
                preexec_fn=_die_with_parent if _prctl else None,
            )
        atexit.register(self.stop)
        try:
            self._wait_listening()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_listening(self) -> None:
        ready = f"Prism is listening on {self.url}"
        deadline = time.monotonic() + START_TIMEOUT
        while ready not in self._read("stdout.log"):
            assert self._process is not None
            if self._process.poll() is not None:
                raise PrismStartError(self._failure(f"exited with {self._process.returncode}"))
            if time.monotonic() > deadline:
                raise PrismStartError(self._failure(f"did not listen within {START_TIMEOUT:.0f}s"))
            time.sleep(0.05)

    def _failure(self, what: str) -> str:
        return (
            f"prism mock {self.spec} on port {self.port} {what}\n"
            f"--- stdout (end) ---\n{self._read('stdout.log')[-2000:]}\n"
            f"--- stderr (end) ---\n{self._read('stderr.log')[-3000:]}"
        )

    def _read(self, name: str) -> str:
        file = self._dir / name if self._dir else None
        return file.read_text(errors="replace") if file and file.exists() else ""

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def log(self) -> str:
        """Prism's log, every request answered before this call included (kept after stop)."""
        if not self.running:
            return self._final_log or self._read("stdout.log")
        self._sync()
        return self._read("stdout.log")

    def _sync(self) -> None:
        # Prism logs an outcome after answering: a marker request's last line proves earlier lines are written.
        self._syncs += 1
        marker = f"get {SYNC_PATH}{self._syncs} "
        try:
            _NO_PROXY.open(f"{self.url}{SYNC_PATH}{self._syncs}", timeout=5).close()
        except urllib.error.HTTPError:
            pass
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if any(marker in line and "Request terminated" in line for line in self._read("stdout.log").splitlines()):
                return
            time.sleep(0.01)

    def violations(self) -> list[Violation]:
        """Every request so far that broke the document, in order."""
        return parse_violations(self.log())

    def response_violations(self) -> list[Violation]:
        """Responses Prism built that the document itself rejects."""
        return parse_response_violations(self.log())

    def assert_no_violations(self) -> None:
        found = self.violations()
        assert not found, "requests that break the Kimai OpenAPI document:\n" + "\n".join(map(str, found))

    def stop(self) -> None:
        if self.running:
            self._sync()  # the last requests' log lines are written before Prism ends
        process, self._process = self._process, None
        if process is not None:
            atexit.unregister(self.stop)
            _end_group(process)
            self._final_log = self._read("stdout.log")
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> PrismMock:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _end_group(process: subprocess.Popen[bytes]) -> None:
    _signal_group(process.pid, signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        pass
    _signal_group(process.pid, signal.SIGKILL)  # whatever ignored TERM, the leader or a child
    process.wait()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        pass


def _die_with_parent() -> None:
    # If pytest itself is killed, the kernel ends Prism instead of leaving it running.
    _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
