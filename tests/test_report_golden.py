"""The terminal report of the bundled demo, as a golden file (regenerate deliberately, then review):

NO_COLOR=1 figcheck check --show-passed fixtures/demo-report.txt > tests/data/demo-report.golden.txt
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import DATA
from figcheck.cli import app


@pytest.mark.parametrize(("lang", "golden"), [("zh", "demo-report.golden.txt"), ("en", "demo-report.en.golden.txt")])
def test_demo_report_text_output(lang, golden):
    result = CliRunner().invoke(
        app, ["check", "--show-passed", "--lang", lang, "fixtures/demo-report.txt"], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 1
    assert result.output == (DATA / golden).read_text(encoding="utf-8")
