"""Every setting of the stdio server, named once: its option, environment variable (the same key in `.env`), default
and meaning.

The command line and its `--help` (`main.py`), the settings loader (`settings.py`) and the README's "Configuration"
table (`scripts/config_table.py`) are all made from `SETTINGS`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    option: str | None  # the command-line option
    env: str | None  # the environment variable, and the same key in a `.env` file
    meaning: str  # Markdown; `--help` shows it without the backticks
    metavar: str | None = None  # what the option takes; None: a flag
    default: str | None = None
    required: bool = False

    @property
    def help(self) -> str:
        """The `--help` text: the meaning as a sentence, where else the setting is read from, and its default."""
        text = self.meaning.replace("`", "")
        if not self.option:  # a variable only
            return f"{self.env} in the environment or .env: {text}. Default: {self.default}."
        sentences = [text[0].upper() + text[1:]]
        if self.env:
            sentences.append(f"Environment or .env: {self.env}")
        if self.default:
            sentences.append(f"Default: {self.default}")
        return ". ".join(sentences) + "."


SETTINGS: dict[str, Setting] = {
    "url": Setting(
        "--kimai-url", "KIMAI_URL", "Kimai's address, e.g. `https://kimai.example.com` (a trailing `/api` is fine)",
        metavar="URL", required=True,
    ),
    "token": Setting(
        "--kimai-token", "KIMAI_API_TOKEN",
        "the API token of the Kimai user the tools act as (Kimai: your profile > API access)",
        metavar="TOKEN", required=True,
    ),
    "ssl_verify": Setting(
        "--ssl-verify", "KIMAI_SSL_VERIFY", "`true`, `false`, or the path of a CA bundle (PEM)",
        metavar="VALUE", default="true",
    ),
    "read_only": Setting(
        "--read-only", "KIMAI_READ_ONLY", "offer and allow only actions that read; the variable takes `true`",
        default="false",
    ),
    "log_level": Setting(
        None, "KIMAI_LOG_LEVEL", "`WARNING`, `INFO` (one line per request) or `DEBUG`, on stderr", default="WARNING"
    ),
    "default_user": Setting(
        "--kimai-user", "KIMAI_DEFAULT_USER",
        "deprecated (the original Kimai MCP server's default user): accepted and ignored with a warning; the tools "
        "take the user per call (`user_scope`, `user`)",
        metavar="USER_ID",  # accepted and ignored (main.warn_deprecated): the original server's configurations start
    ),
    "setup": Setting(
        "--setup", None,
        "ask for the URL, token and TLS setting, check them against Kimai and write Claude Desktop's entry",
    ),
    "version": Setting("--version", None, "print the version and exit"),
    "help": Setting("--help", None, "show the options and exit"),  # click's own option, with this help
}  # fmt: skip
