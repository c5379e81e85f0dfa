"""Code style is part of the suite: ruff (configured in pyproject.toml) finds nothing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_is_clean():
    labs = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*/lab_*.py"))
    assert "docs/feedforward/lab_mlp.py" in labs
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "snippets", "tests", "hooks", "scripts", "extensions", *labs],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
