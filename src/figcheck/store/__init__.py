"""The results store (`--store results.sqlite`): every input's latest result, kept between runs.

A run with a store checks only the inputs whose result it does not hold yet — new content, another figcheck
version, other rules — so a run stopped by Ctrl-C or a crash resumes where it stopped, and an archive re-checked
when a new year's reports arrive checks only those. Each result is committed as soon as it arrives. The tables are
documented in store/schema.py; `figcheck report --store` renders what a store holds without checking again.

An input is known by its path and by its content: a file moved or copied within the archive is not checked again.
A result that timed out is checked again when the run allows more time than it had. Standard input is checked
but not stored.

Modules: database.py (the store), schema.py (its tables and migrations), codec.py (a result as JSON); report/rows.py
(the findings rows). This package's own import is light: the command line imports it to name its errors.
"""

from figcheck.errors import StoreError, StoreVersionError

__all__ = ["StoreError", "StoreVersionError"]
