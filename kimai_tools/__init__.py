"""kimai-tools: an MCP server for the Kimai time-tracking API."""

# The only place the version is written: pyproject.toml reads it from here (setuptools dynamic version).
# Nothing else belongs in this module: every command imports it, `--version` included.
__version__ = "0.1.0"
