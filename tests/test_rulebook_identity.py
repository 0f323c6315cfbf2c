"""A rulebook is a cache key for every vocabulary derived from it: equal rulebooks hash alike, in any process."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from figcheck.rulebook import BUNDLED, Rulebook


def test_equal_rulebooks_hash_alike():
    assert Rulebook((Path("a"),)) == Rulebook((Path("a"),))
    assert hash(Rulebook((Path("a"),))) == hash(Rulebook((Path("a"),)))
    assert Rulebook((Path("a"),)) != BUNDLED


def test_a_shipped_rulebook_hashes_as_one_built_in_the_worker(tmp_path):
    # --jobs ships the rulebook to worker processes, whose string hashes are seeded differently: the hash a
    # rulebook carries must be the worker's own, or the worker's caches would miss or mix up rulebooks.
    shipped = tmp_path / "book.pickle"
    shipped.write_bytes(pickle.dumps(Rulebook((Path("my-rules"),))))
    program = (
        "import pickle, sys; from pathlib import Path; from figcheck.rulebook import Rulebook; "
        f"book = pickle.loads(Path({str(shipped)!r}).read_bytes()); "
        "fresh = Rulebook((Path('my-rules'),)); "
        "sys.exit(0 if hash(book) == hash(fresh) and book == fresh else 1)"
    )
    for seed in ("1", "2"):
        run = subprocess.run([sys.executable, "-c", program], env={"PYTHONHASHSEED": seed}, check=False)
        assert run.returncode == 0
