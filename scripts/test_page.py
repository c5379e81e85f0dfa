"""The fast loop for one page (``make test-page PAGE=<chapter>/<page>``).

Runs, in one pytest run on two workers: the page's unit tests (``tests/<chapter>/<page>/``, or
``tests/<chapter>/test_<page>.py`` for a lab), the layout and lint checks, the strict offline build, the
page's code blocks in every numeric environment, its figures' checks, its browser check (formulas,
console, foreign requests, axe, copy buttons) and its phone check (no sideways scroll, figure text).
Everything else of ``make test`` is left out; run that before a pull request.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_CHECKS = [
    "tests/site/test_layout.py",
    "tests/site/test_lint.py",
    "tests/site/test_code_blocks.py::test_every_python_block_runs_and_prints_what_it_shows",
    "tests/site/test_figures_pipeline.py::test_every_figure_renders_in_both_styles",
    "tests/site/test_site_quality.py::test_page_is_clean_in_the_browser",
    "tests/site/test_site_quality.py::test_page_fits_a_phone",
]


def page_tests(page: str) -> list[str]:
    chapter, _, name = page.partition("/")
    folder, lab = ROOT / "tests" / page, ROOT / "tests" / chapter / f"test_{name}.py"
    return [p.relative_to(ROOT).as_posix() for p in (folder, lab) if p.exists()]


def main() -> int:
    if len(sys.argv) != 2 or sys.argv[1].count("/") != 1:
        print("usage: make test-page PAGE=<chapter>/<page>   (for example PAGE=cnn/conv1d)", file=sys.stderr)
        return 2
    page = sys.argv[1].strip("/")
    chapter, name = page.split("/")
    if not any((ROOT / "docs" / chapter / f"{name}{ext}").is_file() for ext in (".md", ".py")):
        print(f"PAGE={page}: there is no docs/{page}.md (nor a lab docs/{page}.py)", file=sys.stderr)
        return 2
    # loadgroup: the order of the work is set in tests/conftest.py (FAST_LOOP_UNITS)
    cmd = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q", "--page", page,
           *page_tests(page), *SITE_CHECKS]
    print(" ".join(cmd[1:]), flush=True)
    # the build leaves out the search index, which no check of one page reads (make test builds it)
    env = {**os.environ, "NNDL_SEARCH_INDEX": "false"}
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
