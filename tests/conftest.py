"""Shared fixtures: one strict, offline build of the site per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `import snippets` from any working directory

def offline(cmd: list[str]) -> list[str]:
    """Prefix ``cmd`` so that it runs in a new network namespace: no network at all."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("`unshare` (util-linux) is required to prove that the site works offline")
    return [unshare, "--map-root-user", "--net", *cmd]


@pytest.fixture(scope="session", name="offline")
def offline_fixture():
    """The ``offline`` command wrapper, for tests that start processes."""
    return offline


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the whole site strictly, with the network cut off, into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        offline([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)]),
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed offline:\n{result.stdout}\n{result.stderr}")
    return out


@pytest.fixture(scope="session")
def summary(pytestconfig) -> list[str]:
    """Lines a test wants printed at the end of the run (e.g. the code-block count)."""
    return pytestconfig.stash.setdefault(SUMMARY_KEY, [])


SUMMARY_KEY = pytest.StashKey[list]()


def pytest_terminal_summary(terminalreporter, config):
    for line in config.stash.get(SUMMARY_KEY, []):
        terminalreporter.write_line(line)
