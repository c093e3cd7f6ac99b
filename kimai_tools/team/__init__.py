"""The team deployment: many Kimai users over Streamable HTTP, each signing in from Claude.ai (issue 11).

`users` reads who may use the server, and with which Kimai and token, from `users.json` and the environment.
Nothing imports this package; it imports the server and everything below it (DESIGN.md).
"""
