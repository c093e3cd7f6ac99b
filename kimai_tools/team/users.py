"""The team server's users: who may sign in, with which Kimai, token and TLS setting, read from `users.json` and
the environment.

The file maps slugs to users; keys beginning with `_` are comments, at the top and inside a user::

    {"_comment": "one entry per person",
     "anna-7Fq2xLw9Rk4m": {"kimai_url": "https://kimai.example.com", "kimai_token": "…",
                           "ssl_verify": true, "auth_secret": "…", "read_only": false},
     "ben-Q4v8Zt1Nc6Hs2x": {"kimai_url": "https://kimai.example.com", "kimai_token": "…",
                            "auth_secret_hash": "scrypt$32768$8$1$…$…"}}

`ssl_verify` is `true` (the default), `false` or the path of a CA bundle (PEM); `read_only` is `false` by default.
A slug is made of letters, digits, `_` and `-` and does not begin with `_`. `auth_secret_hash`, made by
`kimai_tools.team.passwords.hash_secret`, lets the file hold a hash of the secret a user signs in with at the login
page instead of the secret itself; with both set, either lets the user in.

The environment, beside the file or instead of it, holds the same settings as `KIMAI_USER_<NAME>_URL`, `_TOKEN`,
`_SSL_VERIFY`, `_AUTH_SECRET`, `_AUTH_SECRET_HASH` and `_READ_ONLY` (`true`/`false`, `1`/`0`, `yes`/`no`); an
empty variable counts as unset. `<NAME>` is the slug in upper case with `-` written `_` (`anna-7Fq2` →
`KIMAI_USER_ANNA_7FQ2_URL`):

* a variable whose name is that of a user in the file sets that setting of that user, and **the environment wins**
  over the file, setting by setting (the file can name the users and the token come from a secret store);
* the other variables make users of their own, whose slug is `<NAME>` in lower case (`KIMAI_USER_MAX_URL` → `max`,
  as the original Kimai MCP server reads them);
* two users of the file with the same `<NAME>` (`Anna` and `anna`, `a-b` and `a_b`) cannot be told apart by the
  environment: a variable of that name is refused.

`kimai_user_id` (file) and `KIMAI_USER_<NAME>_USER_ID`, the original server's default user, are ignored with a
warning, as are keys and variables this module does not know.

`load_users` refuses what cannot work with a `UsersError` of one sentence, and returns warnings, as sentences, for
what works but is weak: a slug shorter than 16 characters or a plain lowercase word (at the legacy endpoint
`/mcp/<slug>` the slug is the only secret), an `auth_secret` shorter than 16 characters, a user with neither an
`auth_secret` nor an `auth_secret_hash`. No message repeats a token, an `auth_secret` or a hash; slugs are named
(they are how users are told apart in logs).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from kimai_tools.config import ConfigError, check_url, parse_ssl_verify
from kimai_tools.team.passwords import check_hash_format, verify_secret

SLUG = re.compile(r"[A-Za-z0-9_-]+")
MIN_SLUG = 16  # characters, below which a slug is a guessable secret at /mcp/<slug>
MIN_SECRET = 16  # characters of auth_secret
ENV_PREFIX = "KIMAI_USER_"
# a setting's key in the file and the end of its variable's name; the longest end a name has wins, so that a name
# has one reading even should one end end another (…_AUTH_SECRET_HASH is never an _AUTH_SECRET, nor the reverse)
FIELDS = {"kimai_url": "URL", "kimai_token": "TOKEN", "ssl_verify": "SSL_VERIFY", "auth_secret": "AUTH_SECRET",
          "auth_secret_hash": "AUTH_SECRET_HASH", "read_only": "READ_ONLY", "kimai_user_id": "USER_ID"}  # fmt: skip
DEPRECATED = {"kimai_user_id"}
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class UsersError(ConfigError):
    """The users cannot be loaded; the message is one sentence and repeats no token or secret."""


@dataclass(frozen=True)
class User:
    """One user of the team server and their Kimai: a `kimai_tools.kimai.session.Access`."""

    slug: str
    url: str
    token: str
    ssl_verify: bool | str = True
    auth_secret: str | None = None
    auth_secret_hash: str | None = None  # checked by kimai_tools.team.passwords.check_hash_format
    read_only: bool = False
    timeout: float = 30.0

    def secret_matches(self, given: str) -> bool:
        """Whether `given`, typed at the login page, is this user's auth_secret or that of their auth_secret_hash."""
        return verify_secret(given, plain=self.auth_secret, hashed=self.auth_secret_hash)

    def __repr__(self) -> str:  # neither the token nor the secret nor its hash reaches a log line or a traceback
        secret = None if self.auth_secret is None else "***"
        hashed = None if self.auth_secret_hash is None else "***"
        return (
            f"User(slug={self.slug!r}, url={self.url!r}, token='***', ssl_verify={self.ssl_verify!r}, "
            f"auth_secret={secret!r}, auth_secret_hash={hashed!r}, read_only={self.read_only})"
        )

    __str__ = __repr__

    @property
    def setting_names(self) -> dict[str, str]:
        """What a failure tells to check: this user's entries of the users file (or their variables)."""
        return {key: f"{entry} of user {self.slug!r} in the team server's users" for key, entry in
                (("url", "kimai_url"), ("token", "kimai_token"), ("ssl_verify", "ssl_verify"))}  # fmt: skip


class Loaded(NamedTuple):
    users: dict[str, User]  # by slug, the file's order first
    warnings: list[str]  # sentences, for the caller to log


def env_name(slug: str) -> str:
    """The `<NAME>` of a slug in `KIMAI_USER_<NAME>_URL`: upper case, `-` written `_`."""
    return slug.upper().replace("-", "_")


def load_users(path: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Loaded:
    """The users of `path` (None: none) and of `environ` (None: none), the environment winning setting by setting."""
    warnings: list[str] = []
    found: dict[str, dict[str, tuple[Any, str]]] = {}  # slug → key → (value, where it was read, for messages)
    if path is not None:
        found = read_file(Path(path), warnings)
    read_environment(environ or {}, found, warnings)
    if not found:
        where = f"{path} names no user and " if path is not None else ""
        raise UsersError(f"No users: {where}no {ENV_PREFIX}<NAME>_URL and _TOKEN variables are set.")
    users = {slug: make_user(slug, given, path, warnings) for slug, given in found.items()}
    return Loaded(users, warnings)


def read_file(path: Path, warnings: list[str]) -> dict[str, dict[str, tuple[Any, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsersError(f"The users file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise UsersError(f"The users file {path} is not UTF-8 text.") from None
    except OSError as exc:
        raise UsersError(f"The users file {path} cannot be read ({exc.strerror or type(exc).__name__}).") from None
    try:
        data = json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as exc:  # its message names the position, never the text
        raise UsersError(
            f"The users file {path} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except DuplicateKey as exc:
        raise UsersError(f"The users file {path} holds the key {exc.args[0]!r} twice in one object.") from None
    if not isinstance(data, dict):
        raise UsersError(f"The users file {path} must hold an object of users by slug, not a {json_type(data)}.")
    found: dict[str, dict[str, tuple[Any, str]]] = {}
    for slug, entry in data.items():
        if slug.startswith("_"):
            continue  # a comment
        check_slug(slug, f"The users file {path}")
        if not isinstance(entry, dict):
            raise UsersError(f"User {slug!r} in {path} must be an object of settings, not a {json_type(entry)}.")
        given = found[slug] = {}
        for key, value in entry.items():
            if key.startswith("_"):
                continue
            where = f"{key} of user {slug!r} in {path}"
            if key in DEPRECATED:
                warnings.append(f"{where} is ignored: the tools take the user per call (`user_scope`, `user`).")
            elif key not in FIELDS:
                warnings.append(f"{where} is not a setting ({', '.join(k for k in FIELDS if k not in DEPRECATED)}) "
                                "and is ignored.")  # fmt: skip
            elif value is not None:
                given[key] = (value, where)
    return found


class DuplicateKey(ValueError):
    pass


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key)
        seen[key] = value
    return seen


def json_type(value: Any) -> str:
    names = {list: "list", str: "string", bool: "boolean", int: "number", float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def check_slug(slug: str, who: str) -> None:
    if not SLUG.fullmatch(slug):
        raise UsersError(f"{who} names the user {slug!r}, but a slug is made of letters, digits, _ and - only.")


def read_environment(environ: Mapping[str, str], found: dict[str, dict[str, tuple[Any, str]]], warnings: list[str]):
    """Adds the `KIMAI_USER_*` variables to `found`: to the file's user of the same name, or as users of their own."""
    by_name: dict[str, list[str]] = {}
    for slug in found:
        by_name.setdefault(env_name(slug), []).append(slug)
    longest_first = sorted(FIELDS.items(), key=lambda item: -len(item[1]))
    for variable in sorted(environ):
        value = environ[variable]
        if not variable.startswith(ENV_PREFIX) or not value.strip():
            continue
        rest = variable[len(ENV_PREFIX) :]
        key = next((k for k, end in longest_first if rest.endswith("_" + end)), None)
        if key is None:
            ends = ", ".join("_" + end for k, end in FIELDS.items() if k not in DEPRECATED)
            warnings.append(f"{variable} ends in none of {ends} and is ignored.")
            continue
        name = rest[: -len(FIELDS[key]) - 1]
        if not name or name.startswith("_"):
            raise UsersError(f"{variable} names no user: write {ENV_PREFIX}<NAME>_{FIELDS[key]}.")
        check_slug(name, variable)
        slugs = by_name.get(env_name(name))
        if slugs and len(slugs) > 1:
            raise UsersError(
                f"{variable} could be meant for any of the users {', '.join(map(repr, slugs))} of the users file, "
                "whose slugs differ only in case or in - and _: rename one of them."
            )
        slug = slugs[0] if slugs else env_name(name).lower()
        if not slugs:
            by_name[env_name(name)] = [slug]
        if key in DEPRECATED:
            warnings.append(f"{variable} is ignored: the tools take the user per call (`user_scope`, `user`).")
            continue
        found.setdefault(slug, {})[key] = (value, variable)


def make_user(slug: str, given: dict[str, tuple[Any, str]], path: Path | None, warnings: list[str]) -> User:
    def blank(key: str) -> bool:  # a value of the wrong type is refused below
        return key not in given or (isinstance(given[key][0], str) and not given[key][0].strip())

    missing = [k for k in ("kimai_url", "kimai_token") if blank(k)]
    if missing:
        ways = " or ".join(
            ([" and ".join(missing) + f" in {path}"] if path is not None else [])
            + [" and ".join(ENV_PREFIX + env_name(slug) + "_" + FIELDS[k] for k in missing)]
        )
        what = " and ".join({"kimai_url": "Kimai URL", "kimai_token": "API token"}[k] for k in missing)
        raise UsersError(f"User {slug!r} has no {what}: set {ways}.")
    url, url_from = given["kimai_url"]
    token, token_from = given["kimai_token"]
    for value, where in ((url, url_from), (token, token_from)):
        if not isinstance(value, str):
            raise UsersError(f"{where} must be a string, not a {json_type(value)}.")
    ssl_verify, ssl_from = given.get("ssl_verify", (True, ""))
    if not isinstance(ssl_verify, bool | str):
        raise UsersError(f"{ssl_from} must be true, false or the path of a CA bundle, not a {json_type(ssl_verify)}.")
    secret, secret_from = given.get("auth_secret", (None, ""))
    if secret is not None and not isinstance(secret, str):
        raise UsersError(f"{secret_from} must be a string, not a {json_type(secret)}.")
    secret = secret or None  # an empty secret is none
    hashed, hash_from = given.get("auth_secret_hash", (None, ""))
    if hashed is not None and not isinstance(hashed, str):
        raise UsersError(f"{hash_from} must be a string, not a {json_type(hashed)}.")
    hashed = (hashed or "").strip() or None  # an empty hash is none
    if hashed is not None:
        try:
            check_hash_format(hashed)
        except ValueError as exc:  # its sentence names what is wrong, never the hash
            reason = str(exc)
            raise UsersError(f"{hash_from} cannot be used: {reason[:1].lower()}{reason[1:]}") from None
    try:
        user = User(
            slug=slug,
            url=check_url(url, url_from),
            token=token.strip(),
            ssl_verify=parse_ssl_verify(ssl_verify, ssl_from),
            auth_secret=secret,
            auth_secret_hash=hashed,
            read_only=flag(*given.get("read_only", (False, ""))),
        )
    except UsersError:
        raise
    except ConfigError as exc:  # the shared checks' sentence, as this module's error
        raise UsersError(str(exc)) from None
    if len(slug) < MIN_SLUG or (slug.isalpha() and slug.islower()):
        why = f"shorter than {MIN_SLUG} characters" if len(slug) < MIN_SLUG else "a plain lowercase word"
        warnings.append(
            f"The slug {slug!r} is easy to guess ({why}), and at the legacy endpoint /mcp/<slug> it is the only "
            f"secret: use {MIN_SLUG} or more random letters and digits, or turn the legacy endpoints off."
        )
    if secret is None and hashed is None:
        warnings.append(
            f"User {slug!r} has no auth_secret or auth_secret_hash, so they cannot sign in at the login page."
        )
    elif secret is not None and len(secret) < MIN_SECRET:
        warnings.append(
            f"The auth_secret of user {slug!r} is shorter than {MIN_SECRET} characters and easy to guess at the "
            f"login page: use {MIN_SECRET} or more random characters."
        )
    return user


def flag(value: Any, where: str) -> bool:
    """`read_only`: true or false (a JSON boolean, or `true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off` as text)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in TRUE + FALSE:
        return value.strip().lower() in TRUE
    shown = f"{value!r}" if isinstance(value, str) else f"a {json_type(value)}"
    raise UsersError(f"{where} must be true or false, not {shown}.")
