"""The single-user deployment: one Kimai user over stdio, started by Claude Desktop.

`options` names every setting once; `main` is the command line built from it, `dotenv` and `settings` read the
settings (option, then environment, then `./.env`), `logs` keeps the token out of stderr and `setup` writes
Claude Desktop's entry. Nothing outside this package imports it but `kimai_tools.cli`.
"""
