"""Hashes of the team server's `auth_secret`s, so that `users.json` need not hold the secrets themselves.

A hash is one line of text, `scrypt$<n>$<r>$<p>$<salt>$<key>`: the scrypt parameters in decimal, then the salt
(16 random bytes) and the derived key (32 bytes), both in URL-safe base64 without `=` padding::

    scrypt$32768$8$1$<22 characters of salt>$<43 characters of key>

scrypt because it is in the standard library (`hashlib.scrypt`, no dependency) and memory-hard: each guess costs
`128·n·r` bytes of memory as well as time, which makes guessing on graphics cards and custom chips expensive.

The parameters are read from the hash, so a hash from another place could ask for gigabytes at every sign-in:
`check_hash_format` refuses those that are not sane (`n` a power of two from 2**10 to 2**20, `r` 1 to 32, `p` 1 to
16, and `128·n·r·p` at most `MAX_COST` bytes, which bounds both the memory and the time of one check).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets

N, R, P = 2**15, 8, 1  # 32 MiB and some 0.1 s a check: costly for a guesser, cheap for one sign-in
SALT_BYTES, KEY_BYTES = 16, 32
N_RANGE, R_RANGE, P_RANGE = (2**10, 2**20), (1, 32), (1, 16)
MAX_COST = 2**28  # bytes of 128·n·r·p: 8 times the default, the most one sign-in may take
SALT_RANGE, KEY_RANGE = (8, 64), (16, 64)  # bytes accepted in a hash, beside the ones hash_secret writes
NUMBER, BASE64 = r"([1-9][0-9]{0,7})", r"([A-Za-z0-9_-]+)"  # no sign, no leading zero; no padding
FORMAT = re.compile(r"\$".join(["scrypt", NUMBER, NUMBER, NUMBER, BASE64, BASE64]))
SHAPE = "scrypt$<n>$<r>$<p>$<salt>$<key>"
# stand-ins compared against when no hash or no plain secret is configured (what matches them is not let through)
DUMMY_SALT, DUMMY_KEY, DUMMY_PLAIN = bytes(SALT_BYTES), bytes(KEY_BYTES), bytes(32)


def hash_secret(secret: str) -> str:
    """The hash of `secret` with the default parameters and a fresh random salt, for `auth_secret_hash`."""
    salt = secrets.token_bytes(SALT_BYTES)
    return f"scrypt${N}${R}${P}${b64(salt)}${b64(derive(secret, salt, N, R, P, KEY_BYTES))}"


def check_hash_format(text: str) -> None:
    """Raises ValueError, with one sentence naming no salt or key, if `text` is not a hash of sane parameters."""
    parse(text)


def verify_secret(given: str, *, plain: str | None, hashed: str | None) -> bool:
    """Whether `given` is the plain secret or the secret of the hash (either is enough; neither configured: False).

    Both comparisons are always made, against stand-ins for what is not configured, so the time taken does not tell
    whether a plain secret or a hash is configured (as long as the hash has the default parameters). An empty plain
    secret counts as none. A malformed hash raises ValueError, as `check_hash_format`.
    """
    n, r, p, salt, key = (N, R, P, DUMMY_SALT, DUMMY_KEY) if hashed is None else parse(hashed)
    plain_ok = hmac.compare_digest(given.encode("utf-8"), plain.encode("utf-8") if plain else DUMMY_PLAIN)
    hash_ok = hmac.compare_digest(derive(given, salt, n, r, p, len(key)), key)
    return (plain_ok and bool(plain)) | (hash_ok and hashed is not None)  # both computed, whatever is configured


def parse(text: str) -> tuple[int, int, int, bytes, bytes]:
    if not isinstance(text, str):
        raise ValueError(f"The hash must be a string of the form {SHAPE}.")
    found = FORMAT.fullmatch(text)
    if not found:
        raise ValueError(f"The hash is not of the form {SHAPE} (decimal numbers, URL-safe base64).")
    n, r, p = (int(found[i]) for i in (1, 2, 3))
    if not N_RANGE[0] <= n <= N_RANGE[1] or n & (n - 1):
        raise ValueError(f"The hash's n must be a power of two from 2**10 to 2**20, not {n}.")
    if not R_RANGE[0] <= r <= R_RANGE[1]:
        raise ValueError(f"The hash's r must be from {R_RANGE[0]} to {R_RANGE[1]}, not {r}.")
    if not P_RANGE[0] <= p <= P_RANGE[1]:
        raise ValueError(f"The hash's p must be from {P_RANGE[0]} to {P_RANGE[1]}, not {p}.")
    if 128 * n * r * p > MAX_COST:
        raise ValueError(f"The hash's parameters ask for 128·n·r·p = {128 * n * r * p} bytes, more than {MAX_COST}.")
    salt, key = unb64(found[4], "salt", SALT_RANGE), unb64(found[5], "key", KEY_RANGE)
    return n, r, p, salt, key


def derive(secret: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    memory = 128 * r * (n + p + 2)  # what OpenSSL reserves; its default limit of 32 MiB is too small for n=2**15
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory + 2**20, dklen=length)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str, what: str, sizes: tuple[int, int]) -> bytes:
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        data = None
    if data is None or b64(data) != text:  # one spelling only, so a hash has one reading
        raise ValueError(f"The hash's {what} is not URL-safe base64 without padding.")
    if not sizes[0] <= len(data) <= sizes[1]:
        raise ValueError(f"The hash's {what} must be {sizes[0]} to {sizes[1]} bytes long, not {len(data)}.")
    return data
