"""The team server's users: users.json and KIMAI_USER_<NAME>_* variables, their refusals and warnings, and that no
message or repr ever holds a token, an auth_secret or its hash."""

import dataclasses
import json

import certifi
import pytest

from kimai_tools.kimai.session import Session
from kimai_tools.team import users
from kimai_tools.team.passwords import hash_secret
from kimai_tools.team.users import User, UsersError, env_name, load_users
from kimai_tools.tools.base import Caller

TOKEN = "tok-9d2f61c4e8b7a3"  # distinctive, so a leak is found by searching for it
SECRET = "sec-5b8e0a7c3f1d94"
SLUG = "anna-7Fq2xLw9Rk4m"  # 17 characters, mixed: no warning
OTHER = "ben_Q4v8Zt1Nc6Hs2"
HASHED_SECRET = "hashed-2e7a9c4f1b8d63"  # the secret of HASH
HASH = hash_secret(HASHED_SECRET)
HASH_KEY = HASH.rsplit("$", 1)[1]  # the part of a hash that must never be shown: it lets one guess offline


def user(**extra):
    return {"kimai_url": "https://kimai.example/", "kimai_token": TOKEN, "auth_secret": SECRET} | extra


@pytest.fixture
def users_file(tmp_path):
    def write(data, text=None):
        path = tmp_path / "users.json"
        path.write_text(text if text is not None else json.dumps(data))
        return path

    return write


def refused(path=None, environ=None) -> str:
    """The refusal's message, checked to be one sentence that repeats neither the token nor the secret."""
    with pytest.raises(UsersError) as caught:
        load_users(path, environ)
    message = str(caught.value)
    assert TOKEN not in message and SECRET not in message and "\n" not in message, message
    assert HASH_KEY not in message, message
    assert message.endswith("."), message
    return message


def warnings_of(path=None, environ=None) -> list[str]:
    loaded = load_users(path, environ)
    for warning in loaded.warnings:
        assert TOKEN not in warning and SECRET not in warning and HASH_KEY not in warning, warning
    return loaded.warnings


# --- reading -------------------------------------------------------------------------------------------------------


def test_a_file_of_two_users_with_comments(users_file):
    path = users_file(
        {
            "_comment": "keys beginning with _ are comments",
            SLUG: user(kimai_url=" https://kimai.example/api/ ", _note="also a comment", read_only=True),
            OTHER: user(ssl_verify=False, kimai_token=f"  {TOKEN}\n"),
        }
    )
    loaded = load_users(path)
    assert list(loaded.users) == [SLUG, OTHER]
    anna, ben = loaded.users[SLUG], loaded.users[OTHER]
    assert (anna.slug, anna.url, anna.token, anna.ssl_verify, anna.auth_secret) == (
        SLUG, "https://kimai.example", TOKEN, True, SECRET
    )  # fmt: skip
    assert (anna.read_only, ben.read_only, ben.ssl_verify, ben.token, anna.timeout) == (True, False, False, TOKEN, 30.0)
    assert loaded.warnings == []


def test_a_ca_bundle_path_is_kept_absolute(users_file):
    path = users_file({SLUG: user(ssl_verify=certifi.where())})
    assert load_users(path).users[SLUG].ssl_verify == certifi.where()


def test_users_from_the_environment_only():
    environ = {
        "KIMAI_USER_MAX_Q4V8ZT1NC6HS2X_URL": "https://max.example",
        "KIMAI_USER_MAX_Q4V8ZT1NC6HS2X_TOKEN": TOKEN,
        "KIMAI_USER_MAX_Q4V8ZT1NC6HS2X_SSL_VERIFY": "false",
        "KIMAI_USER_MAX_Q4V8ZT1NC6HS2X_AUTH_SECRET": SECRET,
        "KIMAI_USER_MAX_Q4V8ZT1NC6HS2X_READ_ONLY": "yes",
        "KIMAI_URL": "https://not-a-team-user.example",  # the stdio server's, not a user
        "KIMAI_USER_EMPTY_URL": "",  # an empty variable counts as unset
    }
    loaded = load_users(None, environ)
    assert list(loaded.users) == ["max_q4v8zt1nc6hs2x"]  # <NAME> in lower case
    max_ = loaded.users["max_q4v8zt1nc6hs2x"]
    assert (max_.url, max_.token, max_.ssl_verify, max_.auth_secret, max_.read_only) == (
        "https://max.example", TOKEN, False, SECRET, True
    )  # fmt: skip
    assert loaded.warnings == []


@pytest.mark.parametrize(("slug", "name"), [("anna-7Fq2", "ANNA_7FQ2"), ("max", "MAX"), ("a_b-C", "A_B_C")])
def test_the_environment_name_of_a_slug(slug, name):
    assert env_name(slug) == name


def test_the_environment_wins_over_the_file_setting_by_setting_and_adds_users(users_file):
    path = users_file({SLUG: user(kimai_token="from-the-file", read_only=True), OTHER: user()})
    environ = {
        f"KIMAI_USER_{env_name(SLUG)}_TOKEN": TOKEN,  # upper case and _ for -: still anna's
        f"KIMAI_USER_{env_name(SLUG)}_READ_ONLY": "false",
        "KIMAI_USER_CARLA_M3x9_URL": "https://carla.example",
        "KIMAI_USER_CARLA_M3x9_TOKEN": TOKEN,
    }
    loaded = load_users(path, environ)
    assert list(loaded.users) == [SLUG, OTHER, "carla_m3x9"]
    anna = loaded.users[SLUG]
    assert (anna.token, anna.read_only, anna.url, anna.auth_secret) == (TOKEN, False, "https://kimai.example", SECRET)
    assert loaded.users[OTHER].token == TOKEN and loaded.users["carla_m3x9"].url == "https://carla.example"


def test_a_file_user_may_take_its_token_from_the_environment_alone(users_file):
    path = users_file({SLUG: {"kimai_url": "https://kimai.example", "auth_secret": SECRET}})
    loaded = load_users(path, {f"KIMAI_USER_{env_name(SLUG)}_TOKEN": TOKEN})
    assert loaded.users[SLUG].token == TOKEN


def test_an_environment_name_two_file_users_share_is_refused(users_file):
    path = users_file({"Anna-7Fq2xLw9Rk4m": user(), "anna_7fq2xlw9rk4m": user()})
    assert load_users(path).users  # without such a variable the file is fine
    message = refused(path, {"KIMAI_USER_ANNA_7FQ2XLW9RK4M_TOKEN": TOKEN})
    assert "'Anna-7Fq2xLw9Rk4m', 'anna_7fq2xlw9rk4m'" in message and "rename one" in message


def test_a_hash_of_the_secret_from_the_file(users_file):
    data = {"kimai_url": "https://k", "kimai_token": TOKEN, "auth_secret_hash": f" {HASH}\n"}
    loaded = load_users(users_file({SLUG: data}))
    anna = loaded.users[SLUG]
    assert (anna.auth_secret, anna.auth_secret_hash) == (None, HASH)
    assert loaded.warnings == []  # a hash is enough to sign in


def test_a_hash_of_the_secret_from_the_environment():
    environ = {
        "KIMAI_USER_MAX_URL": "https://k",
        "KIMAI_USER_MAX_TOKEN": TOKEN,
        "KIMAI_USER_MAX_AUTH_SECRET_HASH": HASH,
    }
    loaded = load_users(None, environ)
    assert list(loaded.users) == ["max"]  # not a user max_auth_secret, nor max's auth_secret
    assert (loaded.users["max"].auth_secret_hash, loaded.users["max"].auth_secret) == (HASH, None)


def test_the_environment_wins_for_the_hash_and_the_secret_setting_by_setting(users_file):
    path = users_file({SLUG: user(auth_secret_hash=hash_secret("from-the-file-1234"))})
    name = f"KIMAI_USER_{env_name(SLUG)}"
    anna = load_users(path, {f"{name}_AUTH_SECRET_HASH": HASH}).users[SLUG]
    assert (anna.auth_secret_hash, anna.auth_secret) == (HASH, SECRET)
    anna = load_users(path, {f"{name}_AUTH_SECRET": "from-the-environment"}).users[SLUG]
    assert anna.auth_secret == "from-the-environment" and anna.auth_secret_hash != HASH


def test_the_longest_end_of_a_variable_wins(monkeypatch):
    """Were there an end that another ends in (_HASH of _AUTH_SECRET_HASH), a name would still have one reading."""
    monkeypatch.setattr(users, "FIELDS", {"kimai_hash": "HASH"} | users.FIELDS)  # tried first, were order to decide
    environ = {
        "KIMAI_USER_MAX_URL": "https://k",
        "KIMAI_USER_MAX_TOKEN": TOKEN,
        "KIMAI_USER_MAX_AUTH_SECRET_HASH": HASH,
    }
    loaded = load_users(None, environ)
    assert list(loaded.users) == ["max"] and loaded.users["max"].auth_secret_hash == HASH


@pytest.mark.parametrize(
    ("hashed", "says"),
    [
        (SECRET, "is not of the form scrypt$<n>$<r>$<p>$<salt>$<key>"),  # the secret where its hash belongs
        (HASH.replace("$32768$", "$1000$"), "the hash's n must be a power of two"),
        (HASH.replace("$32768$8$1$", f"${2**20}$32$16$"), "the hash's parameters ask for"),
        (HASH[:-2], "the hash's key is not URL-safe base64"),
    ],
)
def test_a_malformed_hash_is_refused_without_showing_it(users_file, hashed, says):
    message = refused(users_file({SLUG: user(auth_secret_hash=hashed)}))
    assert message.startswith(f"auth_secret_hash of user {SLUG!r} in ") and " cannot be used: " in message
    assert says in message and hashed not in message, message


def test_a_malformed_hash_in_the_environment():
    environ = {
        "KIMAI_USER_MAX_URL": "https://k",
        "KIMAI_USER_MAX_TOKEN": TOKEN,
        "KIMAI_USER_MAX_AUTH_SECRET_HASH": SECRET,
    }
    message = refused(None, environ)
    assert message.startswith("KIMAI_USER_MAX_AUTH_SECRET_HASH cannot be used: the hash is not of the form")


# --- a user is an Access --------------------------------------------------------------------------------------------


def test_a_user_is_the_access_of_a_session_and_a_caller(users_file):
    anna = load_users(users_file({SLUG: user(read_only=True)})).users[SLUG]
    session = Session(anna)
    assert str(session.client._base_url) == "https://kimai.example" and session.client.token == TOKEN
    caller = Caller(session, anna.read_only)
    assert caller.read_only is True


def test_a_user_is_frozen():
    anna = User(SLUG, "https://k", TOKEN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        anna.token = "other"  # type: ignore[misc]


def test_the_repr_hides_the_token_the_secret_and_its_hash():
    anna = User(SLUG, "https://kimai.example", TOKEN, auth_secret=SECRET, auth_secret_hash=HASH)
    for shown in (
        repr(anna),
        str(anna),
        f"{anna}",
        repr({"u": anna}),
        f"{[anna]}",
    ):
        assert TOKEN not in shown and SECRET not in shown and HASH_KEY not in shown and "scrypt" not in shown
    assert repr(anna) == (
        f"User(slug={SLUG!r}, url='https://kimai.example', token='***', ssl_verify=True, auth_secret='***', "
        "auth_secret_hash='***', read_only=False)"
    )
    assert "auth_secret=None, auth_secret_hash=None" in repr(User(SLUG, "https://k", TOKEN))


@pytest.mark.parametrize(
    ("secret", "hashed", "lets_in"),
    [
        (SECRET, None, {SECRET}),
        (None, HASH, {HASHED_SECRET}),
        (SECRET, HASH, {SECRET, HASHED_SECRET}),  # either is enough
        (None, None, set()),
    ],
)
def test_secret_matches_the_plain_secret_or_the_hash(secret, hashed, lets_in):
    anna = User(SLUG, "https://k", TOKEN, auth_secret=secret, auth_secret_hash=hashed)
    for given in (SECRET, HASHED_SECRET, "", SECRET + " ", HASH):
        assert anna.secret_matches(given) is (given in lets_in), given


# --- refusals --------------------------------------------------------------------------------------------------------


def test_a_missing_file(tmp_path):
    assert "does not exist" in refused(tmp_path / "users.json")


def test_a_folder_instead_of_a_file(tmp_path):
    assert "cannot be read" in refused(tmp_path)


@pytest.mark.parametrize(
    "text", ['{"anna": ', f'{{"{SLUG}": {{"kimai_token": "{TOKEN}", "auth_secret": "{SECRET}",}}}}', "", "users"]
)
def test_a_file_that_is_not_json(users_file, text):
    assert "is not JSON" in refused(users_file(None, text))  # never the text, where a token may stand


def test_a_file_that_is_not_utf8(users_file, tmp_path):
    path = tmp_path / "users.json"
    path.write_bytes(b'{"\xff": {}}')
    assert "not UTF-8" in refused(path)


@pytest.mark.parametrize(("data", "kind"), [([user()], "list"), ("users", "string"), (None, "null"), (3, "number")])
def test_a_file_that_is_not_an_object(users_file, data, kind):
    assert f"must hold an object of users by slug, not a {kind}" in refused(users_file(data))


def test_a_user_that_is_not_an_object(users_file):
    assert f"User {SLUG!r}" in refused(users_file({SLUG: [TOKEN]}))


def test_a_key_given_twice(users_file):
    text = f'{{"{SLUG}": {{"kimai_token": "{TOKEN}", "kimai_token": "{SECRET}"}}}}'
    assert "holds the key 'kimai_token' twice" in refused(users_file(None, text))


@pytest.mark.parametrize("slug", ["anna smith", "anna/../x", "änna-7Fq2xLw9Rk4m", "anna.7Fq2xLw9Rk4m", ""])
def test_a_bad_slug_in_the_file(users_file, slug):
    assert "a slug is made of letters, digits, _ and - only" in refused(users_file({slug: user()}))


@pytest.mark.parametrize(
    ("variable", "says"),
    [
        ("KIMAI_USER_ANNA.X_URL", "a slug is made of letters, digits"),
        ("KIMAI_USER__URL", "names no user"),
        ("KIMAI_USER___TOKEN", "names no user"),
    ],
)
def test_a_bad_name_in_the_environment(variable, says):
    assert says in refused(None, {variable: "https://k" if variable.endswith("URL") else TOKEN})


def test_no_users_at_all(users_file):
    assert "No users" in refused(None, {})
    assert "names no user" in refused(users_file({"_comment": "nobody yet"}), {})


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ({"kimai_token": TOKEN}, f"User {SLUG!r} has no Kimai URL: set kimai_url in"),
        ({"kimai_url": "https://k", "kimai_token": "  "}, "has no API token: set kimai_token in"),
        ({"kimai_url": "https://k", "kimai_token": None}, "has no API token"),  # null is unset
        ({"auth_secret": SECRET}, "has no Kimai URL and API token: set kimai_url and kimai_token in"),
    ],
)
def test_a_user_without_url_or_token(users_file, given, says):
    message = refused(users_file({SLUG: given}))
    assert says in message and f"KIMAI_USER_{env_name(SLUG)}_" in message


def test_an_environment_user_without_a_token():
    message = refused(None, {"KIMAI_USER_MAX_URL": "https://k"})
    assert message == "User 'max' has no API token: set KIMAI_USER_MAX_TOKEN."


@pytest.mark.parametrize("url", ["kimai.example", "ftp://kimai.example", "//kimai.example"])
def test_a_url_without_http(users_file, url):
    message = refused(users_file({SLUG: user(kimai_url=url)}))
    assert message.startswith(f"kimai_url of user {SLUG!r} in ") and "must start with http:// or https://" in message


@pytest.mark.parametrize("url", [f"https://anna:{SECRET}@kimai.example", f"anna:{SECRET}@kimai.example"])
def test_a_url_with_credentials_is_refused_without_repeating_it(users_file, url):
    message = refused(users_file({SLUG: user(kimai_url=url)}))  # refused() checks the secret is not repeated
    assert "must" in message


def test_a_url_with_credentials_in_the_environment():
    environ = {"KIMAI_USER_MAX_URL": f"https://max:{SECRET}@k.example", "KIMAI_USER_MAX_TOKEN": TOKEN}
    assert refused(None, environ).startswith("KIMAI_USER_MAX_URL must not hold a user name or password")


@pytest.mark.parametrize(
    ("ssl_verify", "says"),
    [
        ("/nowhere/ca.pem", "neither true/false nor an existing CA bundle file"),
        (1, "must be true, false or the path of a CA bundle, not a number"),
        ([], "not a list"),
    ],
)
def test_a_bad_ssl_verify(users_file, ssl_verify, says):
    message = refused(users_file({SLUG: user(ssl_verify=ssl_verify)}))
    assert says in message and f"ssl_verify of user {SLUG!r}" in message


def test_a_file_without_certificates(users_file, tmp_path):
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("hello")
    assert "holds no PEM certificate" in refused(users_file({SLUG: user(ssl_verify=str(not_pem))}))


def test_a_bad_ssl_verify_in_the_environment():
    environ = {"KIMAI_USER_MAX_URL": "https://k", "KIMAI_USER_MAX_TOKEN": TOKEN, "KIMAI_USER_MAX_SSL_VERIFY": "maybe"}
    assert refused(None, environ).startswith("KIMAI_USER_MAX_SSL_VERIFY is neither true/false")


@pytest.mark.parametrize(("read_only", "says"), [("sure", "not 'sure'"), (1, "not a number")])
def test_read_only_is_true_or_false(users_file, read_only, says):
    message = refused(users_file({SLUG: user(read_only=read_only)}))
    assert "read_only of user" in message and "must be true or false" in message and says in message


@pytest.mark.parametrize(("given", "read_only"), [(True, True), ("true", True), ("off", False), (None, False)])
def test_read_only_as_a_boolean_or_text(users_file, given, read_only):
    assert load_users(users_file({SLUG: user(read_only=given)})).users[SLUG].read_only is read_only


def test_read_only_in_the_environment_is_true_or_false():
    environ = {"KIMAI_USER_MAX_URL": "https://k", "KIMAI_USER_MAX_TOKEN": TOKEN, "KIMAI_USER_MAX_READ_ONLY": "sure"}
    assert refused(None, environ) == "KIMAI_USER_MAX_READ_ONLY must be true or false, not 'sure'."


@pytest.mark.parametrize("key", ["kimai_token", "kimai_url", "auth_secret", "auth_secret_hash"])
def test_a_setting_of_the_wrong_type(users_file, key):
    message = refused(users_file({SLUG: user(**{key: {"value": TOKEN}})}))
    assert f"{key} of user {SLUG!r}" in message and "must be a string, not a dict" in message


# --- warnings ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "why"),
    [
        ("anna", "shorter than 16 characters"),
        ("Anna-7Fq2", "shorter than 16"),
        ("administratorsonly", "a plain lowercase word"),
    ],
)
def test_a_guessable_slug_is_warned_about(users_file, slug, why):
    (warning,) = warnings_of(users_file({slug: user()}))
    assert f"The slug {slug!r} is easy to guess ({why}" in warning and "/mcp/<slug>" in warning


@pytest.mark.parametrize("slug", [SLUG, "abcdefghijklmnop1", "administrators-only"])
def test_a_long_slug_that_is_no_plain_word_is_not(users_file, slug):
    assert warnings_of(users_file({slug: user()})) == []


def test_a_short_auth_secret_is_warned_about_without_showing_it(users_file):
    short = "s3cr"
    (warning,) = warnings_of(users_file({SLUG: user(auth_secret=short)}))
    assert warning.startswith(f"The auth_secret of user {SLUG!r} is shorter than 16 characters")
    assert short not in warning and "4 characters" not in warning


def test_a_short_auth_secret_is_warned_about_beside_a_hash(users_file):
    (warning,) = warnings_of(users_file({SLUG: user(auth_secret="s3cr", auth_secret_hash=HASH)}))
    assert warning.startswith(f"The auth_secret of user {SLUG!r} is shorter than 16 characters")


def test_a_hash_is_not_warned_about_whatever_its_secret(users_file):
    data = {"kimai_url": "https://k", "kimai_token": TOKEN, "auth_secret_hash": hash_secret("s3cr")}
    assert warnings_of(users_file({SLUG: data})) == []  # its secret cannot be seen; hash_secret's caller chose it


@pytest.mark.parametrize(
    "given",
    [{}, {"auth_secret": ""}, {"auth_secret": None}, {"auth_secret_hash": " "}, {"auth_secret_hash": None}],
)
def test_a_user_without_an_auth_secret_or_its_hash_is_warned_about(users_file, given):
    data = {"kimai_url": "https://k", "kimai_token": TOKEN} | given
    loaded = load_users(users_file({SLUG: data}))
    assert loaded.users[SLUG].auth_secret is None and loaded.users[SLUG].auth_secret_hash is None
    assert loaded.warnings == [
        f"User {SLUG!r} has no auth_secret or auth_secret_hash, so they cannot sign in at the login page."
    ]


def test_unknown_and_deprecated_settings_are_ignored_with_a_warning(users_file):
    path = users_file({SLUG: user(kimai_tokn=TOKEN, kimai_user_id="3")})
    environ = {f"KIMAI_USER_{env_name(SLUG)}_TOKN": TOKEN, f"KIMAI_USER_{env_name(SLUG)}_USER_ID": "3"}
    loaded = load_users(path, environ)
    assert loaded.users[SLUG].token == TOKEN
    found = "\n".join(warnings_of(path, environ))
    assert f"kimai_tokn of user {SLUG!r} in {path} is not a setting" in found
    assert f"kimai_user_id of user {SLUG!r} in {path} is ignored" in found
    assert f"KIMAI_USER_{env_name(SLUG)}_TOKN ends in none of _URL, _TOKEN" in found
    assert f"KIMAI_USER_{env_name(SLUG)}_USER_ID is ignored" in found


# --- nothing secret in any message ---------------------------------------------------------------------------------


def test_no_message_of_a_weak_configuration_holds_a_token_or_secret(users_file):
    weak = {
        "anna": user(auth_secret=SECRET[:8], kimai_tokn=TOKEN, kimai_user_id=TOKEN),
        "administratorsonly": {"kimai_url": "https://k", "kimai_token": TOKEN},
    }
    environ = {"KIMAI_USER_MAX_URL": "https://k", "KIMAI_USER_MAX_TOKEN": TOKEN, "KIMAI_USER_MAX_X": SECRET}
    found = warnings_of(users_file(weak), environ)
    assert len(found) == 9, found  # anna 4, administratorsonly 2, max 2, KIMAI_USER_MAX_X 1
    for warning in found:
        assert SECRET[:8] not in warning
