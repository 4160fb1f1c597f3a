"""The command line, `python -m dashboard COMMAND`: one command table (`main.command_table`).

`main` has extract, build and store; `brief` writes a briefing, `add` adds an article, `architecture`
prints the package's import diagram; `evaluate` (in extraction/) scores the extractor. Each command
imports what it needs when it runs, so `--help` answers at once.
"""
