"""A real Kimai 2.31 for the live tier: `../shared/kimai-server` started (or attached to), read back over REST.

    instance = start_instance()        # or attach_instance(root, port, db_port) when KIMAI_LIVE_ROOT is set
    admin = Rest(instance.url, instance.admin_token)
    admin.get("/timesheets", project=3)
    instance.stop()                    # only when this process started it

Every failure of the script becomes a `LiveKimaiError` carrying the script's own sentence (its stderr).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.support.paths import ROOT, SHARED

SCRIPT = SHARED / "kimai-server" / "kimai-server"
CACHE = ROOT / ".cache" / "kimai-live"  # kept between runs: a stopped instance starts again in about a second
SLOTS = 8  # concurrent test sessions of one checkout each get their own instance
START_TIMEOUT = 900  # apt installs on a fresh machine included
LINE_KEYS = ("KIMAI_URL", "KIMAI_ADMIN_TOKEN", "KIMAI_USER_TOKEN")
SOCKET_LIMIT = 100  # the script refuses a root whose MariaDB socket path is longer


class LiveKimaiError(Exception):
    """kimai-server could not give us a Kimai; the message is the script's own sentence."""


def parse_lines(stdout: str) -> dict[str, str]:
    """The KEY=value lines kimai-server prints when Kimai is ready."""
    lines = {}
    for raw in stdout.splitlines():
        key, sep, value = raw.strip().partition("=")
        if sep and key.startswith("KIMAI_"):
            lines[key] = value
    return lines


def sentence(command: str, returncode: int, stderr: str) -> str:
    """The script's error lines first, then the last lines of its progress (which name missing packages and logs)."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    errors = [line for line in lines if "error:" in line]
    context = [line for line in lines[-8:] if line not in errors]
    head = errors or [f"kimai-server {command} exited with {returncode} without saying why"]
    return "\n".join(head + (["(its last progress lines:)", *context] if context else []))


def run_script(command: str, root: Path, *args: str, timeout: float = START_TIMEOUT) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["bash", str(SCRIPT), command, "--root", str(root), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        raise LiveKimaiError(f"cannot run {SCRIPT}: {exc} (the live tier needs bash and Debian 12)") from None
    except subprocess.TimeoutExpired:
        raise LiveKimaiError(f"kimai-server {command} --root {root} did not finish within {timeout:g} s") from None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Instance:
    root: Path
    lines: dict[str, str]
    started: bool  # by this process: then it also stops it
    slot_lock: Any = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return self.lines["KIMAI_URL"]

    @property
    def admin_token(self) -> str:
        return self.lines["KIMAI_ADMIN_TOKEN"]

    @property
    def user_token(self) -> str:
        return self.lines["KIMAI_USER_TOKEN"]

    def reset(self) -> None:
        """A clean Kimai with only the two users (kimai-server reset, about 15 s); the URL stays the same."""
        self.lines = checked("reset", self.root, run_script("reset", self.root))

    def stop(self) -> None:
        if self.started:
            done = run_script("stop", self.root, timeout=120)
            if done.returncode != 0:
                raise LiveKimaiError(sentence("stop", done.returncode, done.stderr))
            self.started = False
        if self.slot_lock is not None:
            self.slot_lock.close()
            self.slot_lock = None

    def console(self, *args: str) -> str:
        """Kimai's own console (bin/console), for what 2.31's API cannot do, e.g. create an invoice."""
        php = php_binary()
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "APP_DEBUG", "APP_SECRET")}
        done = subprocess.run(
            [php, "-d", "memory_limit=1G", "bin/console", *args],
            cwd=self.root / "app",
            env={**env, "APP_ENV": "prod"},
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
        if done.returncode != 0:
            raise LiveKimaiError(f"bin/console {' '.join(args)} failed: {(done.stderr or done.stdout).strip()[-2000:]}")
        return done.stdout

    def sql_rows(self, query: str) -> list[list[str]]:
        """Rows of a SELECT through Kimai's console (dbal:run-sql), for what its API does not show (hidden tags)."""
        table = [line.strip() for line in self.console("dbal:run-sql", query).splitlines()]
        rows = [re.split(r"\s{2,}", line) for line in table if line and not line.startswith("-")]
        return rows[1:]  # the first is the header


def php_binary() -> str:
    wanted = os.environ.get("KIMAI_SERVER_PHP")
    names = [f"php{wanted}"] if wanted else ["php8.2", "php8.4", "php"]
    return next((found for name in names if (found := shutil.which(name))), "php")


def checked(command: str, root: Path, done: subprocess.CompletedProcess) -> dict[str, str]:
    if done.returncode != 0:
        raise LiveKimaiError(sentence(command, done.returncode, done.stderr))
    lines = parse_lines(done.stdout)
    missing = [key for key in LINE_KEYS if not lines.get(key)]
    if missing:
        raise LiveKimaiError(f"kimai-server {command} --root {root} printed no {', '.join(missing)} line")
    return lines


def cache_dir() -> Path:
    """`<repo>/.cache/kimai-live`, or a folder under the temp dir when that path is too long for MariaDB's socket."""
    if len(str(CACHE / str(SLOTS) / "run" / "mysqld.sock")) <= SOCKET_LIMIT:
        return CACHE
    checkout = hashlib.sha256(str(ROOT).encode()).hexdigest()[:10]
    return Path(tempfile.gettempdir()) / f"kimai-live-{os.getuid()}-{checkout}"


def claim_slot() -> tuple[Path, Any]:
    """The first instance folder no other test session of this checkout holds (an flock held until stop)."""
    try:
        import fcntl
    except ImportError:
        raise LiveKimaiError("the live tier needs Debian 12 (kimai-server); here, run make test-offline") from None

    base = cache_dir()
    base.mkdir(parents=True, exist_ok=True)
    for slot in range(SLOTS):
        lock = open(base / f"{slot}.lock", "w")  # noqa: SIM115 - held open for the whole session
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            continue
        return base / str(slot), lock
    raise LiveKimaiError(f"all {SLOTS} live Kimai folders under {base} are in use by other test sessions")


def start_instance() -> Instance:
    """An instance of our own in a cache folder: started now (on free ports) and stopped by `stop()`."""
    root, lock = claim_slot()
    try:
        done = run_script("start", root, "--port", str(free_port()), "--db-port", str(free_port()))
        if done.returncode != 0 and "already runs on port" in done.stderr:
            done = run_script("start", root)  # left running by a session that could not stop it: ours now
        elif done.returncode != 0 and "already in use" in done.stderr:
            done = run_script("start", root, "--port", str(free_port()), "--db-port", str(free_port()))
        return Instance(root, checked("start", root, done), started=True, slot_lock=lock)
    except BaseException:
        lock.close()
        raise


def attach_instance(root: str, port: str | None = None, db_port: str | None = None) -> Instance:
    """The instance of KIMAI_LIVE_ROOT: started if it is not up (then stopped by us), else only attached to."""
    path = Path(root)
    was_up = path.is_dir() and run_script("status", path, timeout=60).returncode == 0
    args = [*(["--port", port] if port else []), *(["--db-port", db_port] if db_port else [])]
    lines = checked("start", path, run_script("start", path, *args))
    return Instance(path, lines, started=not was_up)


def instance_from_env(environ: dict[str, str] | None = None) -> Instance:
    environ = os.environ if environ is None else environ
    if environ.get("KIMAI_LIVE_ROOT"):
        return attach_instance(environ["KIMAI_LIVE_ROOT"], environ.get("KIMAI_LIVE_PORT"),
                               environ.get("KIMAI_LIVE_DB_PORT"))  # fmt: skip
    return start_instance()


class KimaiHTTPError(Exception):
    def __init__(self, response: httpx.Response):
        super().__init__(f"{response.request.method} {response.request.url.path} -> {response.status_code}: "
                         f"{response.text[:500]}")  # fmt: skip
        self.status = response.status_code
        self.response = response


class Rest:
    """Kimai's REST API as one user, to seed and to read back what the tools did (paths relative to /api)."""

    def __init__(self, url: str, token: str):
        self.http = httpx.Client(
            base_url=url.rstrip("/") + "/api",
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            timeout=60,
        )

    def request(self, method: str, path: str, json: Any = None, **params: Any) -> httpx.Response:
        query = {k: _param(v) for k, v in params.items() if v is not None}
        return self.http.request(method, path, json=json, params=query)

    def _ok(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            raise KimaiHTTPError(response)
        return response.json() if response.content else None

    def get(self, path: str, **params: Any) -> Any:
        return self._ok(self.request("GET", path, **params))

    def post(self, path: str, json: Any = None) -> Any:
        return self._ok(self.request("POST", path, json=json))

    def patch(self, path: str, json: Any = None) -> Any:
        return self._ok(self.request("PATCH", path, json=json))

    def delete(self, path: str) -> None:
        self._ok(self.request("DELETE", path))

    def status(self, path: str, **params: Any) -> int:
        return self.request("GET", path, **params).status_code

    def exists(self, path: str) -> bool:
        return self.status(path) == 200

    def named(self, kind: str, name: str) -> list[dict]:
        """Records of a kind (projects, customers, ...) named exactly `name`, hidden ones included."""
        found = self.get(f"/{kind}", term=name, visible=3)
        return [r for r in found if r.get("name") == name]

    def one_named(self, kind: str, name: str) -> dict:
        found = self.named(kind, name)
        assert len(found) == 1, f"expected one {kind} named {name!r}, found {len(found)}"
        return self.get(f"/{kind}/{found[0]['id']}")

    def tag_named(self, name: str) -> dict | None:
        return next((t for t in self.get("/tags/find", name=name) if t.get("name") == name), None)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.http.close()


def _param(value: Any) -> Any:
    if isinstance(value, bool):
        return "1" if value else "0"
    return value


# ---- what the tests read in a tool's answer


def text(result) -> str:
    """The answer's first text, the one a model reads (a second one may name Kimai's version)."""
    return result.content[0].text


def record_lines(answer: str) -> list[str]:
    """The lines of a list answer that look like a record: `#<id> …` at the start of a line."""
    return [line for line in answer.splitlines() if re.match(r"#\d+\b", line)]


def refused_by_kimai_permission(result, key: str) -> bool:
    """Kimai's own 403 for operation `key`, with the server's hint naming the permission."""
    answer = text(result)
    return result.is_error and f"{key} with 403" in answer and "lacks a permission Kimai checks here: " in answer
