"""The tests' build is strict in fact: a warning (here a broken link) fails it.

MkDocs' ``--quiet`` drops warnings before ``--strict`` counts them; the suite's builds once used it, and a
broken anchor would have passed. This builds a two-page project with the command the suite uses.
"""

from __future__ import annotations

import os
import subprocess

from tests.conftest import strict_build


def test_a_broken_link_fails_the_build_the_suite_runs(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[there](other.md#no-such-heading)\n")
    (tmp_path / "docs" / "other.md").write_text("# Other\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nvalidation:\n  anchors: warn\n")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    broken = subprocess.run(strict_build(tmp_path / "site"), cwd=tmp_path, capture_output=True, text=True,
                            env=env)
    assert broken.returncode != 0 and "no-such-heading" in broken.stdout + broken.stderr
    (tmp_path / "docs" / "index.md").write_text("# Home\n\n[there](other.md#other)\n")
    fixed = subprocess.run(strict_build(tmp_path / "site"), cwd=tmp_path, capture_output=True, text=True,
                           env=env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
