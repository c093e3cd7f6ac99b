"""Hashes of auth_secrets: the round trip, the format and its sane parameters, and plain secret and hash side by
side."""

import base64
import hashlib
import re

import pytest

from kimai_tools.team import passwords
from kimai_tools.team.passwords import check_hash_format, hash_secret, verify_secret

SECRET = "sec-5b8e0a7c3f1d94"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def made(secret: str, n: int = 2**10, r: int = 1, p: int = 1, salt: bytes = b"s" * 16) -> str:
    """A hash of cheap parameters, made by hand as the documented format says (hashlib, not the module)."""
    key = hashlib.scrypt(secret.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return f"scrypt${n}${r}${p}${b64(salt)}${b64(key)}"


@pytest.fixture(scope="module")
def hashed() -> str:
    return hash_secret(SECRET)


def test_the_format_of_a_hash(hashed):
    assert re.fullmatch(r"scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}", hashed), hashed
    check_hash_format(hashed)
    assert SECRET not in hashed


def test_a_round_trip(hashed):
    assert verify_secret(SECRET, plain=None, hashed=hashed) is True


@pytest.mark.parametrize("given", [SECRET + "x", SECRET[:-1], SECRET.upper(), "", " " + SECRET])
def test_a_wrong_secret(hashed, given):
    assert verify_secret(given, plain=None, hashed=hashed) is False


def test_the_same_secret_hashes_differently_each_time(hashed):
    again = hash_secret(SECRET)
    assert again != hashed and again.split("$")[4] != hashed.split("$")[4]  # a fresh salt
    assert verify_secret(SECRET, plain=None, hashed=again)


def test_a_unicode_secret():
    secret = "Grüße-Ω-密码-🔑"
    hashed = made(secret)
    assert verify_secret(secret, plain=None, hashed=hashed) and verify_secret(secret, plain=secret, hashed=None)
    assert not verify_secret("Grüsse-Ω-密码-🔑", plain=secret, hashed=hashed)


def test_a_hash_of_the_documented_format_made_elsewhere_is_read():
    hashed = made(SECRET, n=2**11, r=2, p=3, salt=b"\xfb\xff" * 5)  # URL-safe base64 of - and _
    assert "-" in hashed.split("$")[4] or "_" in hashed.split("$")[4]
    assert verify_secret(SECRET, plain=None, hashed=hashed) and not verify_secret("x", plain=None, hashed=hashed)


# --- plain, hash, both, neither ------------------------------------------------------------------------------------


def test_a_plain_secret():
    assert verify_secret(SECRET, plain=SECRET, hashed=None) is True
    assert verify_secret(SECRET[:-1], plain=SECRET, hashed=None) is False


def test_both_configured_either_is_enough():
    other = "other-8c1e5f0a2d7b"
    hashed = made(other)
    assert verify_secret(SECRET, plain=SECRET, hashed=hashed) is True
    assert verify_secret(other, plain=SECRET, hashed=hashed) is True
    assert verify_secret("neither-of-them", plain=SECRET, hashed=hashed) is False


@pytest.mark.parametrize("given", ["", SECRET, "\0" * 32])  # \0 * 32 is the stand-in for a missing plain secret
def test_neither_configured_lets_nobody_in(given):
    assert verify_secret(given, plain=None, hashed=None) is False


def test_an_empty_plain_secret_lets_nobody_in():
    assert verify_secret("", plain="", hashed=None) is False


def test_the_work_is_the_same_whether_a_hash_is_configured_or_not(monkeypatch):
    """Timing must not tell whether a hash is configured: scrypt runs, with the default parameters, either way."""
    calls = []
    derive = passwords.derive
    monkeypatch.setattr(passwords, "derive", lambda *a: calls.append(a[2:]) or derive(*a))
    verify_secret(SECRET, plain=SECRET, hashed=None)
    verify_secret(SECRET, plain=None, hashed=None)
    verify_secret(SECRET, plain=None, hashed=hash_secret("x"))
    assert calls[-3:] == [(2**15, 8, 1, 32)] * 3  # (n, r, p, key length); the last but one call made the hash


def test_a_malformed_hash_is_refused_when_verifying():
    with pytest.raises(ValueError):
        verify_secret(SECRET, plain=SECRET, hashed="scrypt$1$1$1$a$b")


# --- the format ----------------------------------------------------------------------------------------------------

GOOD = made(SECRET)
SALT, KEY = GOOD.split("$")[4:]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is not of the form scrypt$<n>$<r>$<p>$<salt>$<key>"),
        (SECRET, "is not of the form"),
        ("pbkdf2$1024$1$1$" + SALT + "$" + KEY, "is not of the form"),
        (GOOD + "$", "is not of the form"),
        (" " + GOOD, "is not of the form"),
        (f"scrypt$1024$1$1${SALT}==${KEY}", "is not of the form"),  # padding
        (f"scrypt$1024$1$1${SALT}+/${KEY}", "is not of the form"),  # not URL-safe
        (f"scrypt$01024$1$1${SALT}${KEY}", "is not of the form"),
        (f"scrypt$-1024$1$1${SALT}${KEY}", "is not of the form"),
        (f"scrypt$１０２４$1$1${SALT}${KEY}", "is not of the form"),  # digits, but not ASCII ones
        (f"scrypt$1024$1$1$${KEY}", "is not of the form"),
        (f"scrypt$1000$1$1${SALT}${KEY}", "n must be a power of two from 2**10 to 2**20, not 1000"),
        (f"scrypt$512$1$1${SALT}${KEY}", "n must be a power of two"),
        (f"scrypt${2**21}$1$1${SALT}${KEY}", "n must be a power of two"),
        (f"scrypt${2**30}$8$1${SALT}${KEY}", "is not of the form"),  # more than 8 digits
        (f"scrypt$99999999$1$1${SALT}${KEY}", "n must be a power of two"),
        (f"scrypt$1024$33$1${SALT}${KEY}", "r must be from 1 to 32, not 33"),
        (f"scrypt$1024$0$1${SALT}${KEY}", "is not of the form"),
        (f"scrypt$1024$1000$1${SALT}${KEY}", "r must be from 1 to 32, not 1000"),
        (f"scrypt$1024$1$17${SALT}${KEY}", "p must be from 1 to 16, not 17"),
        (f"scrypt$1024$1$0${SALT}${KEY}", "is not of the form"),
        (f"scrypt${2**20}$32$16${SALT}${KEY}", "ask for 128·n·r·p"),  # every bound at its top: 64 GiB of work
        (f"scrypt${2**20}$8$1${SALT}${KEY}", "ask for 128·n·r·p"),  # 1 GiB of memory a sign-in
        (f"scrypt$1024$1$1$A${KEY}", "salt is not URL-safe base64"),  # a length base64 cannot have
        (f"scrypt$1024$1$1${SALT[:-1]}B${KEY}", "salt is not URL-safe base64"),  # not canonical: one reading only
        (f"scrypt$1024$1$1${b64(b'short')}${KEY}", "salt must be 8 to 64 bytes long, not 5"),
        (f"scrypt$1024$1$1${SALT}${b64(bytes(8))}", "key must be 16 to 64 bytes long, not 8"),
        (f"scrypt$1024$1$1${SALT}${b64(bytes(65))}", "key must be 16 to 64 bytes long, not 65"),
    ],
)
def test_a_malformed_or_hostile_hash_is_refused(text, says):
    with pytest.raises(ValueError) as caught:
        check_hash_format(text)
    message = str(caught.value)
    assert says in message, message
    assert message.endswith(".") and "\n" not in message and SALT not in message and KEY not in message


@pytest.mark.parametrize("text", [None, 32768, b"scrypt$1024$1$1$a$b"])
def test_a_hash_that_is_not_text(text):
    with pytest.raises(ValueError, match="must be a string"):
        check_hash_format(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(("n", "r", "p"), [(2**10, 1, 1), (2**17, 8, 1), (2**20, 2, 1), (2**10, 32, 16)])
def test_sane_parameters_are_accepted(n, r, p):
    check_hash_format(f"scrypt${n}${r}${p}${SALT}${KEY}")
