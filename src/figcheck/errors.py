"""Errors that stop a run before or during its output, said in one line with exit code 2: named here, in a module
the command line imports without loading what raises them (sqlite3, dask)."""


class StoreError(Exception):
    """A results store that cannot be opened or read."""


class StoreVersionError(StoreError):
    """A store written by a newer figcheck, whose tables this one does not know."""


class ClusterError(Exception):
    """The cluster cannot be reached, or went away during the run."""
