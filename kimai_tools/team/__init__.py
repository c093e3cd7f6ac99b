"""The team deployment: many Kimai users over Streamable HTTP, each signing in from Claude.ai with OAuth 2.1 and
acting in Kimai with their own token.

`main` is the command, `app` the ASGI application it serves; `provider` is the OAuth authorization server (the SDK's
routes, our decisions), `login` its page, `state` what it keeps (SQLite), `cimd` the clients known by a metadata
document, `users` and `passwords` who may sign in, `callers` who a request acts as, `requests` the address, rate
limit and access log of each request. Nothing imports this package; it imports the server and everything below it
(DESIGN.md).
"""
