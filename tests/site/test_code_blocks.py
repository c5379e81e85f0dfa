"""The heart of the project: every Python block on the built site runs when pasted.

Each block is taken from the built HTML exactly as the copy button copies it,
run as if pasted into a fresh, isolated interpreter (``python -I -``) with no
network and an empty working folder, and must exit 0. Its ``#>`` lines must be
exactly what it printed. A block whose title starts with 伪代码 (pseudo-code) is
shown but not run.

A reader's machine has another thread count and BLAS code path than ours, so every block runs in each
numeric environment of ``hooks/numeric_env.py`` (1 thread; 2 threads with MKL's compatible mode) and
must print the same text in all of them: a printed digit that depends on them is caught here.

Importing torch costs ~1.8 s of CPU, more than most blocks take to run, so the
blocks are run by ``block_server.py``: one isolated interpreter per worker,
under ``unshare --net``, imports numpy and torch once and forks a child per
block (see its docstring for why that is the same as a fresh interpreter).
A test below runs the same probes both ways and requires identical results.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks import numeric_env

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


def page_of(rel: str) -> str:
    """The page of a built file as ``--page`` names it: ``cnn/conv1d/index.html`` -> ``cnn/conv1d``."""
    return rel.removesuffix("index.html").strip("/") or "index"


def python_blocks(site: Path, pages: set[str] | frozenset[str] = frozenset()) -> list[Block]:
    """The Python blocks of the built site, or only of ``pages``."""
    return list(_blocks(site, frozenset(pages)))


@functools.cache  # parsing every page of the site takes ~7 s; several tests read the same build
def _blocks(site: Path, pages: frozenset[str]) -> tuple[Block, ...]:
    blocks = []
    for page in sorted(site.rglob("*.html")):
        if pages and page_of(page.relative_to(site).as_posix()) not in pages:
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rel = page.relative_to(site).as_posix()
        for index, div in enumerate(soup.select("div.language-python.highlight"), start=1):
            title = div.select_one(".filename")
            # the copy button copies the text of the <code> element
            blocks.append(Block(rel, index, div.select_one("code").get_text(),
                                title.get_text().strip() if title else ""))
    return tuple(blocks)


SERVER = Path(__file__).with_name("block_server.py")


def block_env(home: str, numeric: str = numeric_env.DEFAULT) -> dict[str, str]:
    """A minimal environment, as a fresh terminal has, in numeric environment ``numeric``."""
    return {"PATH": os.environ.get("PATH", ""), "MPLBACKEND": "Agg", "HOME": home, "LANG": "C.UTF-8",
            **numeric_env.variables(numeric)}


def run_fresh(code: str, offline) -> subprocess.CompletedProcess:
    """The reference: a brand-new ``python -I -`` reading the block on stdin."""
    with tempfile.TemporaryDirectory() as cwd:
        return subprocess.run(offline([sys.executable, "-I", "-"]), input=code, cwd=cwd,
                              env=block_env(cwd), capture_output=True, text=True, timeout=TIMEOUT_S)


class BlockServer:
    """A ``block_server.py`` process; ``run`` answers like ``subprocess.run`` on ``python -I -``."""

    def __init__(self, offline, numeric: str = numeric_env.DEFAULT):
        self.numeric = numeric
        self.home = tempfile.mkdtemp(prefix="block-server-")
        self.process = subprocess.Popen(
            offline([sys.executable, "-I", str(SERVER)]), cwd=self.home, env=block_env(self.home, numeric),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self.ready = False  # it imports torch and numpy while the caller goes on (the site builds meanwhile)

    def wait_ready(self) -> None:
        if not self.ready:
            ready = self.process.stdout.readline()
            assert ready.startswith('{"ready"'), f"block server did not start: {ready!r}"
            self.ready = True

    def run(self, code: str) -> subprocess.CompletedProcess:
        self.wait_ready()
        self.process.stdin.write(json.dumps({"code": code, "timeout": TIMEOUT_S}) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if answer["timed_out"]:
            raise subprocess.TimeoutExpired("block", TIMEOUT_S)
        return subprocess.CompletedProcess([], answer["returncode"], answer["stdout"], answer["stderr"])

    def close(self) -> None:
        if not self.process.stdin.closed:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        shutil.rmtree(self.home, ignore_errors=True)  # the blocks' working directory: files they wrote


@pytest.fixture(scope="session")  # as ``site_dir``: pytest sets up wider scopes first, so only then can the
def pools(offline, only_pages) -> dict[str, list[BlockServer]]:  # servers start before the site is built
    """A pool of two servers (two blocks at once, one per core) for each numeric environment; one for the
    few blocks of ``make test-page`` (each server imports torch once)."""
    size = 1 if only_pages else 2
    started = {name: [BlockServer(offline, name) for _ in range(size)] for name in numeric_env.ENVIRONMENTS}
    yield started
    every = [server for pool in started.values() for server in pool]
    for server in every:
        server.process.stdin.close()  # all at once: each takes a moment to exit
    for server in every:
        server.close()


@pytest.fixture(scope="module")
def servers(pools) -> list[BlockServer]:
    """The default environment's pool."""
    return pools[numeric_env.DEFAULT]


def run_all(blocks: list[Block], pools: dict[str, list[BlockServer]]
            ) -> dict[Block, dict[str, subprocess.CompletedProcess]]:
    """Every block in every environment: each server takes its pool's next block as soon as it is free."""
    queues = {name: list(reversed(blocks)) for name in pools}
    results: dict[Block, dict[str, subprocess.CompletedProcess]] = {block: {} for block in blocks}

    def drain(server: BlockServer) -> None:
        queue = queues[server.numeric]
        while queue:
            block = queue.pop()
            results[block][server.numeric] = server.run(block.code)

    servers = [server for pool in pools.values() for server in pool]
    with ThreadPoolExecutor(max_workers=len(servers)) as executor:
        list(executor.map(drain, servers))
    return results


def failure(block: Block, result: subprocess.CompletedProcess) -> str | None:
    if result.returncode != 0:
        return f"{block.name}: exit {result.returncode}\n{result.stderr[-2000:]}"
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    expected = [line.rstrip() for line in block.expected_output]
    if printed != expected:
        return (f"{block.name}: #> lines differ from what it prints\n"
                f"  shown:   {expected}\n  printed: {printed}")
    return None


def disagreement(block: Block, by_env: dict[str, subprocess.CompletedProcess]) -> str | None:
    """The block's output must not depend on the numeric environment: name the lines that do."""
    outputs = {name: (by_env[name].returncode, by_env[name].stdout) for name in numeric_env.ENVIRONMENTS}
    if len(set(outputs.values())) == 1:
        return None
    (first, (_, reference)), *others = outputs.items()
    lines = [f"{block.name}: prints differently in different numeric environments"]
    for name, (code, stdout) in others:
        for i, (a, b) in enumerate(zip(reference.splitlines(), stdout.splitlines(), strict=False)):
            if a != b:
                lines.append(f"  line {i + 1}: {first}: {a!r}  vs  {name}: {b!r}")
        if code != outputs[first][0] or len(reference.splitlines()) != len(stdout.splitlines()):
            lines.append(f"  {first}: exit {outputs[first][0]}, {len(reference.splitlines())} lines;"
                         f"  {name}: exit {code}, {len(stdout.splitlines())} lines")
    lines.append("  print only the digits that are stable (CONTRIBUTING.md: 打印的数字必须可移植)")
    return "\n".join(lines)


def check_blocks(blocks: list[Block], pools) -> tuple[list[str], int, int]:
    """Problems of the blocks, the number that print the same in every environment, and that also match."""
    results = run_all(blocks, pools)
    problems, identical, matching = [], 0, 0
    for block in blocks:
        by_env = results[block]
        differs = disagreement(block, by_env)
        wrong = failure(block, by_env[numeric_env.DEFAULT])
        identical += differs is None
        matching += differs is None and wrong is None
        problems += [msg for msg in (wrong, differs) if msg]
    return problems, identical, matching


def test_every_python_block_runs_and_prints_what_it_shows(pools, site_dir, summary, only_pages):
    """``pools`` first: the block servers start up while ``site_dir`` builds the site."""
    blocks = python_blocks(site_dir, only_pages)  # make test-page: that page's blocks only
    runnable = [b for b in blocks if not b.title.startswith(NO_RUN_TITLE)]
    assert runnable or only_pages, "the built site has no Python code blocks: extraction is broken"
    problems, identical, matching = check_blocks(runnable, pools)
    agreed = (f"{identical} identical and matching" if identical == matching
              else f"{identical} identical, {matching} identical and matching")
    summary.append(f"code blocks: {len(runnable)} run in {len(pools)} numeric environments, {agreed} "
                   f"({'; '.join(numeric_env.describe(n) for n in pools)}); "
                   f"{len(blocks) - len(runnable)} not run (titled {NO_RUN_TITLE})")
    assert not problems, "\n\n".join(problems)


def test_a_thread_sensitive_print_is_caught(pools):
    # a block whose output depends on the thread count, as a careless page might print it: the number of
    # intra-op threads, and a float32 sum of a million numbers that torch splits among its threads
    blocks = [Block("probe.html", 1, "import torch\nprint(torch.get_num_threads())\n#> 1\n", ""),
              Block("probe.html", 2, ("import torch\ng = torch.Generator().manual_seed(0)\n"
                                      "x = torch.rand(2_000_000, generator=g)\n"
                                      "print(repr(x.sum().item()))\n"), ""),
              Block("probe.html", 3, "print(round(0.1 + 0.2, 4))\n#> 0.3\n", "")]
    problems, identical, matching = check_blocks(blocks, pools)
    assert (identical, matching) == (1, 1)  # only the third
    assert "block 1: prints differently" in problems[0] and "'1'  vs  2 threads" in problems[0]
    assert any("block 2: prints differently" in p for p in problems), problems


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


# Probes for the block server: each must give the same exit status, stdout and stderr as a fresh
# `python -I -`, run one after the other on the same server (so nothing may leak from one to the next).
PROBES = {
    "prints": "print(1)\n",
    "argv, name, no script folder on the path": "import sys\nprint(sys.argv, __name__, sys.path[0] == '')\n",
    "empty working folder that is HOME": ("import os\n"
                                          "print(os.listdir('.'), os.getcwd() == os.environ['HOME'])\n"),
    "leaves state behind": ("import torch\ntorch.set_default_dtype(torch.float64)\n"
                            "leaked = 1\nopen('f', 'w')\n"),
    "sees no state": ("import os, torch\n"
                      "print(torch.get_default_dtype(), 'leaked' in dir(), os.listdir('.'))\n"),
    "must import what it uses": "print(torch.zeros(1))\n",
    "submodule not imported": "import matplotlib\nprint(hasattr(matplotlib, 'pyplot'))\n",
    "exit code": "raise SystemExit(3)\n",
    "exit message": "raise SystemExit('bye')\n",
    "exception": "def f():\n    return 1 / 0\nf()\n",
    "no network": "import socket\nsocket.create_connection(('192.0.2.1', 80), timeout=3)\n",
    "stdin at end": "input()\n",
    "threads joined, atexit run": ("import atexit, threading, time\natexit.register(print, 'atexit')\n"
                                   "threading.Thread(target=lambda: (time.sleep(0.2), print('thread')))"
                                   ".start()\n"),
}


def test_block_server_behaves_like_a_fresh_interpreter(servers, offline):
    fresh = {name: run_fresh(code, offline) for name, code in PROBES.items()}
    served = {name: servers[0].run(code) for name, code in PROBES.items()}
    for name in PROBES:
        got, want = served[name], fresh[name]
        assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr), name
    # the probes themselves prove something: state did not leak, names must be imported, no network
    assert served["sees no state"].stdout == "torch.float32 False []\n"
    assert served["must import what it uses"].stderr.endswith("NameError: name 'torch' is not defined\n")
    assert served["submodule not imported"].stdout == "False\n"
    assert served["no network"].returncode == 1 and "OSError" in served["no network"].stderr
    assert served["threads joined, atexit run"].stdout == "thread\natexit\n"
    assert (served["exit code"].returncode, served["exit message"].returncode) == (3, 1)


def test_the_one_difference_is_the_preloaded_modules(servers, offline):
    probe = "import sys\nprint('torch' in sys.modules)\n"
    assert (run_fresh(probe, offline).stdout, servers[1].run(probe).stdout) == ("False\n", "True\n")
