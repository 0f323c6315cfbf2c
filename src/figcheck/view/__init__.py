"""figcheck view: an interactive terminal browser of the findings.

rows.py turns results into the list (grouped by file, then rule) and filters it; detail.py writes one row's
detail (the sentence with its figures highlighted, the arithmetic, the suggestion) with rich; editor.py builds
the command that opens a file at a line. Only app.py imports textual, and only `figcheck view` imports app.py.
"""
