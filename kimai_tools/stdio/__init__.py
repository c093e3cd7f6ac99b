"""The single-user deployment: one Kimai user over stdio, started by Claude Desktop.

`main` is the command line, `setup` writes Claude Desktop's entry. Nothing outside this package imports it but
`kimai_tools.cli`.
"""
