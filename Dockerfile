# The team server (kimai-mcp-streamable): Streamable HTTP with OAuth 2.1 on port 8000.
# Users come from /config/users.json (mount it read-only) and KIMAI_USER_<NAME>_* variables;
# OAuth clients and tokens are kept in /data (a volume), so a restart logs nobody out.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md ./
COPY kimai_tools/ kimai_tools/
COPY generated/ generated/
RUN pip install --no-cache-dir . && rm -rf /src

RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin kimai \
    && mkdir -p /data /config \
    && chown kimai:kimai /data

ENV KIMAI_MCP_OAUTH_STATE_FILE=/data/oauth.sqlite3 \
    USERS_CONFIG_FILE=/config/users.json
VOLUME ["/data"]

USER kimai
WORKDIR /data
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

ENTRYPOINT ["kimai-mcp-streamable"]
CMD ["--host", "0.0.0.0", "--port", "8000"]
