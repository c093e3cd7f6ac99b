"""kimai-tools: an MCP server for the Kimai time-tracking API."""

__version__ = "0.1.0"
