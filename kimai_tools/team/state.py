"""What the team server keeps between requests and across restarts: registered OAuth clients, sign-ins under way,
authorization codes, access and refresh tokens (by family), counters for the rate limit and failed sign-ins, and
cached Client ID Metadata Documents.

`State` is the interface the server uses; `SqliteState` keeps it in one SQLite file (the embedded default). Codes
and tokens are stored only as SHA-256 hashes: they are 256-bit random strings, so a fast hash is enough, and a copy
of the file hands out no working token. Every row has an expiry and `purge` removes what is past it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from kimai_tools.config import ConfigError


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class StateUnavailable(Exception):
    """The state store cannot be used; the message is one sentence naming the store, never a secret."""


@dataclass(frozen=True)
class Token:
    """An access or refresh token as stored: what it grants, to whom, until when."""

    kind: str  # "access" or "refresh"
    family: str  # every token issued from one sign-in, through all its refreshes
    data: dict  # client_id, subject (the user's slug), scopes, resource
    expires_at: float
    used: bool  # a refresh token that was exchanged already


@dataclass(frozen=True)
class Code:
    family: str
    data: dict
    expires_at: float
    used: bool


class State(Protocol):
    def prepare(self) -> bytes: ...  # at start-up: usable? and the request-state key every process shares
    async def ping(self) -> None: ...
    async def close(self) -> None: ...
    async def purge(self) -> int: ...
    async def save_client(self, client_id: str, info: dict, expires_at: float | None = None) -> None: ...
    async def client(self, client_id: str) -> dict | None: ...
    async def save_pending(self, key: str, data: dict, expires_at: float) -> None: ...
    async def pending(self, key: str) -> dict | None: ...
    async def take_pending(self, key: str) -> dict | None: ...
    async def save_code(self, code: str, family: str, data: dict, expires_at: float) -> None: ...
    async def code(self, code: str) -> Code | None: ...
    async def use_code(self, code: str) -> bool: ...
    async def save_token(self, token: str, kind: str, family: str, data: dict, expires_at: float) -> None: ...
    async def token(self, token: str) -> Token | None: ...
    async def rotate(self, refresh: str, issued: list[tuple[str, str, dict, float]]) -> bool: ...
    async def revoke_family(self, family: str) -> None: ...
    async def family_revoked(self, family: str) -> bool: ...
    async def count(self, key: str, window: float) -> tuple[int, float]: ...
    async def add_event(self, key: str, window: float) -> None: ...
    async def events(self, key: str, window: float) -> tuple[int, float | None]: ...


SCHEMA = """
CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, info TEXT NOT NULL, expires_at REAL);
CREATE TABLE IF NOT EXISTS pending (key TEXT PRIMARY KEY, data TEXT NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS codes (hash TEXT PRIMARY KEY, family TEXT NOT NULL, data TEXT NOT NULL,
                                  used INTEGER NOT NULL DEFAULT 0, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, family TEXT NOT NULL,
                                   data TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0, expires_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS tokens_family ON tokens (family);
CREATE TABLE IF NOT EXISTS revoked (family TEXT PRIMARY KEY, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, n INTEGER NOT NULL, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS events (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS events_key ON events (key, at);
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
REVOKED_KEPT = 31 * 86400.0  # s: a revoked family is remembered past the longest refresh token's life


class SqliteState:
    """`State` in one SQLite file, safe for the threads of one process and for several processes on one host.

    Each call is a short statement on a local file, made in the event loop's thread under a lock: cheaper than a hop
    to a worker thread. Writes that must be atomic (using a code, rotating a refresh token) run in one transaction.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=10)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise StateUnavailable(f"The OAuth state file {self.path} cannot be used ({reason(exc)}).") from None
        try:
            self.path.chmod(0o600)  # hashes only, but the client registrations are nobody else's business
        except OSError:
            pass

    def run(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self.lock:
            try:
                return self.db.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise StateUnavailable(f"The OAuth state file {self.path} cannot be used ({reason(exc)}).") from None

    def transaction(self, work) -> Any:
        with self.lock:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                try:
                    outcome = work(self.db)
                except BaseException:
                    self.db.execute("ROLLBACK")
                    raise
                self.db.execute("COMMIT")
                return outcome
            except sqlite3.Error as exc:
                raise StateUnavailable(f"The OAuth state file {self.path} cannot be used ({reason(exc)}).") from None

    def prepare(self) -> bytes:
        self.run("INSERT OR IGNORE INTO settings VALUES ('request-state-key', ?)", (secrets.token_hex(32),))
        key = bytes.fromhex(self.run("SELECT value FROM settings WHERE name = 'request-state-key'")[0][0])
        for part in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):  # the journal holds rows too
            with contextlib.suppress(OSError):
                part.chmod(0o600)
        return key

    async def ping(self) -> None:
        self.run("SELECT count(*) FROM revoked")

    async def close(self) -> None:
        with self.lock:
            self.db.close()

    async def purge(self) -> int:
        now = time.time()

        def work(db: sqlite3.Connection) -> int:
            gone = 0
            for table in ("clients", "pending", "codes", "tokens", "revoked", "counters"):
                gone += db.execute(f"DELETE FROM {table} WHERE expires_at IS NOT NULL AND expires_at < ?",
                                   (now,)).rowcount  # fmt: skip
            gone += db.execute("DELETE FROM events WHERE at < ?", (now - 86400,)).rowcount
            return gone

        return self.transaction(work)

    async def save_client(self, client_id: str, info: dict, expires_at: float | None = None) -> None:
        self.run("INSERT OR REPLACE INTO clients VALUES (?, ?, ?)", (client_id, json.dumps(info), expires_at))

    async def client(self, client_id: str) -> dict | None:
        rows = self.run("SELECT info FROM clients WHERE client_id = ? AND (expires_at IS NULL OR expires_at >= ?)",
                        (client_id, time.time()))  # fmt: skip
        return json.loads(rows[0][0]) if rows else None

    async def save_pending(self, key: str, data: dict, expires_at: float) -> None:
        self.run("INSERT INTO pending VALUES (?, ?, ?)", (digest(key), json.dumps(data), expires_at))

    async def pending(self, key: str) -> dict | None:
        rows = self.run("SELECT data FROM pending WHERE key = ? AND expires_at >= ?", (digest(key), time.time()))
        return json.loads(rows[0][0]) if rows else None

    async def take_pending(self, key: str) -> dict | None:
        rows = self.run("DELETE FROM pending WHERE key = ? AND expires_at >= ? RETURNING data",
                        (digest(key), time.time()))  # fmt: skip
        return json.loads(rows[0][0]) if rows else None

    async def save_code(self, code: str, family: str, data: dict, expires_at: float) -> None:
        self.run("INSERT INTO codes VALUES (?, ?, ?, 0, ?)", (digest(code), family, json.dumps(data), expires_at))

    async def code(self, code: str) -> Code | None:
        rows = self.run("SELECT family, data, expires_at, used FROM codes WHERE hash = ?", (digest(code),))
        if not rows:
            return None
        family, data, expires_at, used = rows[0]
        return Code(family, json.loads(data), expires_at, bool(used))

    async def use_code(self, code: str) -> bool:
        """Marks the code used; False when it was used already (by this or another process) or is unknown."""
        rows = self.run("UPDATE codes SET used = 1 WHERE hash = ? AND used = 0 RETURNING family", (digest(code),))
        return bool(rows)

    async def save_token(self, token: str, kind: str, family: str, data: dict, expires_at: float) -> None:
        self.run("INSERT INTO tokens VALUES (?, ?, ?, ?, 0, ?)", (digest(token), kind, family, json.dumps(data),
                                                                   expires_at))  # fmt: skip

    async def token(self, token: str) -> Token | None:
        rows = self.run("SELECT kind, family, data, expires_at, used FROM tokens WHERE hash = ?", (digest(token),))
        if not rows:
            return None
        kind, family, data, expires_at, used = rows[0]
        return Token(kind, family, json.loads(data), expires_at, bool(used))

    async def rotate(self, refresh: str, issued: list[tuple[str, str, dict, float]]) -> bool:
        """Marks `refresh` used and stores the tokens `issued` (token, kind, data, expires_at) in its family, all or
        nothing; False (and nothing stored) when `refresh` was used already or its family is revoked."""

        def work(db: sqlite3.Connection) -> bool:
            rows = db.execute("UPDATE tokens SET used = 1 WHERE hash = ? AND kind = 'refresh' AND used = 0 "
                              "RETURNING family", (digest(refresh),)).fetchall()  # fmt: skip
            if not rows:
                return False
            family = rows[0][0]
            if db.execute("SELECT 1 FROM revoked WHERE family = ?", (family,)).fetchall():
                return False
            for token, kind, data, expires_at in issued:
                db.execute("INSERT INTO tokens VALUES (?, ?, ?, ?, 0, ?)",
                           (digest(token), kind, family, json.dumps(data), expires_at))  # fmt: skip
            return True

        return self.transaction(work)

    async def revoke_family(self, family: str) -> None:
        def work(db: sqlite3.Connection) -> None:
            db.execute("INSERT OR REPLACE INTO revoked VALUES (?, ?)", (family, time.time() + REVOKED_KEPT))
            db.execute("DELETE FROM tokens WHERE family = ?", (family,))

        self.transaction(work)

    async def family_revoked(self, family: str) -> bool:
        return bool(self.run("SELECT 1 FROM revoked WHERE family = ?", (family,)))

    async def count(self, key: str, window: float) -> tuple[int, float]:
        """Counts one more request in `key`'s current window of `window` seconds: (count, when the window ends)."""
        now = time.time()
        start = now - now % window
        rows = self.run(
            "INSERT INTO counters VALUES (?, 1, ?) ON CONFLICT (key) DO UPDATE SET "
            "n = CASE WHEN expires_at > ? THEN n + 1 ELSE 1 END, "
            "expires_at = CASE WHEN expires_at > ? THEN expires_at ELSE excluded.expires_at END "
            "RETURNING n, expires_at",
            (key, start + window, now, now),
        )
        return rows[0][0], rows[0][1]

    async def add_event(self, key: str, window: float) -> None:
        self.run("INSERT INTO events VALUES (?, ?)", (key, time.time()))

    async def events(self, key: str, window: float) -> tuple[int, float | None]:
        """How many events `key` had in the last `window` seconds, and when the oldest of them was."""
        rows = self.run("SELECT count(*), min(at) FROM events WHERE key = ? AND at >= ?", (key, time.time() - window))
        return rows[0][0], rows[0][1]


def open_state(url: str, password: str | None = None) -> State:
    """The store a `--state` URL names: `sqlite:///path/to/file` or `redis://host:port/db` (`rediss://` for TLS;
    `password` if the URL has none)."""
    scheme = url.partition("://")[0].lower()
    if scheme == "sqlite" and url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return SqliteState(Path(url[len("sqlite://") :]))
    if scheme in ("redis", "rediss"):
        from kimai_tools.team.state_redis import RedisState

        return RedisState(url, password)
    shown = url.rpartition("@")[2]  # never a password of the URL
    raise ConfigError(
        f"--state must be sqlite:///<file> or redis://<host>:<port>/<db> (rediss:// for TLS), not {shown!r}."
    )


def reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
