"""`State` in Redis, shared by every replica of the team server: what `state.SqliteState` keeps in one file, kept
under `kimai-mcp:` keys with Redis's own expiry, so nothing needs purging.

What must not happen twice happens in one Lua script, which Redis runs alone: a code is used once, a refresh token
is rotated once (the old one marked used and the new pair stored, or nothing), a family is revoked with all its
tokens. Scripts touch keys they compute, so this is for a single Redis (or a primary with replicas), not Redis
Cluster. A Redis that cannot be reached is a `StateUnavailable` naming it without its password; the client
reconnects by itself on the next call.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import redis
import redis.asyncio as aredis
from redis.backoff import NoBackoff
from redis.retry import Retry

from kimai_tools.team.state import REVOKED_KEPT, Code, StateUnavailable, Token, digest

PREFIX = "kimai-mcp:"
TIMEOUT = 2.0  # s for a connection or an answer: a request waits at most this for the store

USE_CODE = """
if redis.call('HGET', KEYS[1], 'used') == '0' then redis.call('HSET', KEYS[1], 'used', '1') return 1 end
return 0
"""
ROTATE = """
local old = redis.call('HMGET', KEYS[1], 'kind', 'used', 'family')
if old[1] ~= 'refresh' or old[2] ~= '0' then return 0 end
redis.call('HSET', KEYS[1], 'used', '1')
local family = old[3]
if redis.call('EXISTS', ARGV[1] .. 'revoked:' .. family) == 1 then return 0 end
local members = ARGV[1] .. 'family:' .. family
local longest = 0
for i = 0, tonumber(ARGV[2]) - 1 do
  local at = 3 + i * 5
  local key = ARGV[1] .. 'token:' .. ARGV[at]
  redis.call('HSET', key, 'kind', ARGV[at + 1], 'family', family, 'data', ARGV[at + 2], 'expires_at', ARGV[at + 3],
             'used', '0')
  redis.call('PEXPIRE', key, ARGV[at + 4])
  redis.call('SADD', members, ARGV[at])
  longest = math.max(longest, tonumber(ARGV[at + 4]))
end
if redis.call('PTTL', members) < longest then redis.call('PEXPIRE', members, longest) end
return 1
"""
REVOKE = """
redis.call('SET', ARGV[1] .. 'revoked:' .. ARGV[2], '1', 'EX', ARGV[3])
local members = ARGV[1] .. 'family:' .. ARGV[2]
for _, hash in ipairs(redis.call('SMEMBERS', members)) do redis.call('DEL', ARGV[1] .. 'token:' .. hash) end
redis.call('DEL', members)
return 1
"""
SAVE_TOKEN = """
redis.call('HSET', KEYS[1], 'kind', ARGV[1], 'family', ARGV[2], 'data', ARGV[3], 'expires_at', ARGV[4], 'used', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('SADD', KEYS[2], ARGV[6])
if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[5]) then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
return 1
"""


def shown(url: str) -> str:
    """The Redis URL without its password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def ttl_ms(expires_at: float) -> int:
    return max(1, int((expires_at - time.time()) * 1000))


class RedisState:
    def __init__(self, url: str, password: str | None = None):
        self.url, self.password, self.where = url, password, shown(url)
        self._client: aredis.Redis | None = None
        self._scripts: dict[str, Any] = {}

    def options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"socket_timeout": TIMEOUT, "socket_connect_timeout": TIMEOUT,
                                   "decode_responses": True, "retry": Retry(NoBackoff(), 1)}  # fmt: skip
        if self.password:
            options["password"] = self.password
        return options

    def unavailable(self, exc: BaseException) -> StateUnavailable:
        why = str(exc).replace(self.password or "\0", "***") or type(exc).__name__
        return StateUnavailable(f"The Redis state store at {self.where} cannot be used ({why}).")

    def prepare(self) -> bytes:
        """At start-up, before serving: checks Redis answers, and returns the request-state key every replica shares
        (made once, by the first replica to start)."""
        try:
            client = redis.Redis.from_url(self.url, **self.options())
            try:
                client.set(PREFIX + "request-state-key", secrets.token_hex(32), nx=True)
                return bytes.fromhex(client.get(PREFIX + "request-state-key"))
            finally:
                client.close()
        except (redis.RedisError, OSError, ValueError) as exc:
            raise self.unavailable(exc) from None

    @property
    def conn(self) -> aredis.Redis:
        if self._client is None:  # made in the serving event loop, which its connections belong to
            self._client = aredis.Redis.from_url(self.url, **self.options())
            for name, source in (("use_code", USE_CODE), ("rotate", ROTATE), ("revoke", REVOKE),
                                 ("save_token", SAVE_TOKEN)):  # fmt: skip
                self._scripts[name] = self._client.register_script(source)
        return self._client

    async def do(self, work) -> Any:
        try:
            return await work(self.conn)
        except (redis.RedisError, OSError) as exc:
            raise self.unavailable(exc) from None

    async def script(self, name: str, keys: list[str], args: list[Any]) -> Any:
        return await self.do(lambda client: self._scripts[name](keys=keys, args=args))

    async def ping(self) -> None:
        await self.do(lambda client: client.ping())

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def purge(self) -> int:
        return 0  # every key carries its expiry

    async def save_client(self, client_id: str, info: dict, expires_at: float | None = None) -> None:
        key = PREFIX + "client:" + digest(client_id)
        if expires_at is not None and expires_at <= time.time():
            await self.do(lambda c: c.delete(key))  # expired already: nothing to keep
            return
        await self.do(lambda c: c.set(key, json.dumps(info), px=ttl_ms(expires_at) if expires_at else None))

    async def client(self, client_id: str) -> dict | None:
        found = await self.do(lambda c: c.get(PREFIX + "client:" + digest(client_id)))
        return json.loads(found) if found else None

    async def save_pending(self, key: str, data: dict, expires_at: float) -> None:
        await self.do(lambda c: c.set(PREFIX + "pending:" + digest(key), json.dumps(data), px=ttl_ms(expires_at)))

    async def pending(self, key: str) -> dict | None:
        found = await self.do(lambda c: c.get(PREFIX + "pending:" + digest(key)))
        return json.loads(found) if found else None

    async def take_pending(self, key: str) -> dict | None:
        found = await self.do(lambda c: c.getdel(PREFIX + "pending:" + digest(key)))
        return json.loads(found) if found else None

    async def save_code(self, code: str, family: str, data: dict, expires_at: float) -> None:
        key = PREFIX + "code:" + digest(code)

        async def work(c: aredis.Redis) -> None:
            async with c.pipeline(transaction=True) as pipe:
                pipe.hset(key, mapping={"family": family, "data": json.dumps(data), "expires_at": expires_at,
                                        "used": "0"})  # fmt: skip
                pipe.pexpire(key, ttl_ms(expires_at) + 60_000)  # kept a minute past its end, to tell reuse
                await pipe.execute()

        await self.do(work)

    async def code(self, code: str) -> Code | None:
        found = await self.do(lambda c: c.hgetall(PREFIX + "code:" + digest(code)))
        if not found:
            return None
        return Code(found["family"], json.loads(found["data"]), float(found["expires_at"]), found["used"] == "1")

    async def use_code(self, code: str) -> bool:
        return bool(await self.script("use_code", [PREFIX + "code:" + digest(code)], []))

    async def save_token(self, token: str, kind: str, family: str, data: dict, expires_at: float) -> None:
        hashed = digest(token)
        await self.script("save_token", [PREFIX + "token:" + hashed, PREFIX + "family:" + family],
                          [kind, family, json.dumps(data), expires_at, ttl_ms(expires_at), hashed])  # fmt: skip

    async def token(self, token: str) -> Token | None:
        found = await self.do(lambda c: c.hgetall(PREFIX + "token:" + digest(token)))
        if not found:
            return None
        return Token(found["kind"], found["family"], json.loads(found["data"]), float(found["expires_at"]),
                     found["used"] == "1")  # fmt: skip

    async def rotate(self, refresh: str, issued: list[tuple[str, str, dict, float]]) -> bool:
        args: list[Any] = [PREFIX, len(issued)]
        for token, kind, data, expires_at in issued:
            args += [digest(token), kind, json.dumps(data), expires_at, ttl_ms(expires_at)]
        return bool(await self.script("rotate", [PREFIX + "token:" + digest(refresh)], args))

    async def revoke_family(self, family: str) -> None:
        await self.script("revoke", [], [PREFIX, family, int(REVOKED_KEPT)])

    async def family_revoked(self, family: str) -> bool:
        return bool(await self.do(lambda c: c.exists(PREFIX + "revoked:" + family)))

    async def count(self, key: str, window: float) -> tuple[int, float]:
        now = time.time()
        end = now - now % window + window
        name = f"{PREFIX}count:{key}:{int(end)}"

        async def work(c: aredis.Redis) -> int:
            async with c.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                pipe.pexpire(name, ttl_ms(end) + 1000)
                return (await pipe.execute())[0]

        return await self.do(work), end

    async def add_event(self, key: str, window: float) -> None:
        name, now = PREFIX + "events:" + key, time.time()

        async def work(c: aredis.Redis) -> None:
            async with c.pipeline(transaction=True) as pipe:
                pipe.zadd(name, {f"{now}:{secrets.token_hex(4)}": now})
                pipe.zremrangebyscore(name, "-inf", now - window)
                pipe.expire(name, int(window) + 1)
                await pipe.execute()

        await self.do(work)

    async def events(self, key: str, window: float) -> tuple[int, float | None]:
        name, now = PREFIX + "events:" + key, time.time()

        async def work(c: aredis.Redis) -> tuple[int, float | None]:
            async with c.pipeline(transaction=False) as pipe:
                pipe.zcount(name, now - window, "+inf")
                pipe.zrangebyscore(name, now - window, "+inf", start=0, num=1, withscores=True)
                count, oldest = await pipe.execute()
            return count, (oldest[0][1] if oldest else None)

        return await self.do(work)
