"""The heart of the project: every Python block on the built site runs when pasted.

Each block is taken from the built HTML exactly as the copy button copies it,
run in a fresh, isolated interpreter with no network and an empty working
folder, and must exit 0. Its ``#>`` lines must be exactly what it printed.
A block whose title starts with 伪代码 (pseudo-code) is shown but not run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

NO_RUN_TITLE = "伪代码"
TIMEOUT_S = 240


@dataclass(frozen=True)
class Block:
    page: str      # site-relative path of the HTML page
    index: int     # position among the page's Python blocks, from 1
    code: str
    title: str

    @property
    def name(self) -> str:
        return f"{self.page} block {self.index}" + (f" ({self.title})" if self.title else "")

    @property
    def expected_output(self) -> list[str]:
        """The text of every ``#>`` line, in order: what the block claims to print."""
        lines = []
        for line in self.code.splitlines():
            stripped = line.strip()
            if stripped.startswith("#>"):
                lines.append(stripped[3:] if stripped.startswith("#> ") else stripped[2:])
        return lines


def python_blocks(site: Path) -> list[Block]:
    blocks = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rel = page.relative_to(site).as_posix()
        for index, div in enumerate(soup.select("div.language-python.highlight"), start=1):
            title = div.select_one(".filename")
            # the copy button copies the text of the <code> element
            blocks.append(Block(rel, index, div.select_one("code").get_text(),
                                title.get_text().strip() if title else ""))
    return blocks


def run_block(block: Block, offline) -> tuple[Block, subprocess.CompletedProcess]:
    with tempfile.TemporaryDirectory() as cwd:
        env = {"PATH": os.environ.get("PATH", ""), "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1",
               "HOME": cwd, "PYTHONHASHSEED": "0", "LANG": "C.UTF-8"}
        result = subprocess.run(
            offline([sys.executable, "-I", "-"]), input=block.code, cwd=cwd, env=env,
            capture_output=True, text=True, timeout=TIMEOUT_S,
        )
    return block, result


def failure(block: Block, result: subprocess.CompletedProcess) -> str | None:
    if result.returncode != 0:
        return f"{block.name}: exit {result.returncode}\n{result.stderr[-2000:]}"
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    expected = [line.rstrip() for line in block.expected_output]
    if printed != expected:
        return (f"{block.name}: #> lines differ from what it prints\n"
                f"  shown:   {expected}\n  printed: {printed}")
    return None


def test_every_python_block_runs_and_prints_what_it_shows(site_dir, summary, offline):
    blocks = python_blocks(site_dir)
    runnable = [b for b in blocks if not b.title.startswith(NO_RUN_TITLE)]
    assert runnable, "the built site has no Python code blocks: extraction is broken"
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda b: run_block(b, offline), runnable))
    failures = [msg for block, result in results if (msg := failure(block, result))]
    passed = len(runnable) - len(failures)
    summary.append(f"code blocks: {len(runnable)} run, {passed} passed, "
                   f"{len(blocks) - len(runnable)} not run (titled {NO_RUN_TITLE})")
    assert not failures, "\n\n".join(failures)


def test_block_extraction_reads_titles_and_outputs():
    html = ('<div class="language-python highlight"><span class="filename">伪代码：SGD</span>'
            '<pre><code><a id="x"></a>print(1)\n#> 1\n   #>\n</code></pre></div>')
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "p.html").write_text(html, encoding="utf-8")
        [block] = python_blocks(Path(tmp))
    assert block.code == "print(1)\n#> 1\n   #>\n"
    assert block.title == "伪代码：SGD"
    assert block.expected_output == ["1", ""]


@pytest.mark.parametrize(("code", "stdout", "ok"), [
    ("print(2)\n#> 2\n", "2\n", True),
    ("print(2)\n#> 3\n", "2\n", False),       # wrong value shown
    ("print(2)\n", "2\n", False),             # printed but not shown
    ("x = 1\n#> 1\n", "", False),             # shown but never printed
])
def test_output_comparison_is_exact(code, stdout, ok):
    block = Block("p.html", 1, code, "")
    result = subprocess.CompletedProcess([], 0, stdout=stdout, stderr="")
    assert (failure(block, result) is None) is ok
