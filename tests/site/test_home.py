"""The home page tells a newcomer how to run the code: a Python version and one pip line with the tested
versions, enough for every code block of the site and both labs."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

from tests.site.test_code_blocks import NO_RUN_TITLE, python_blocks

ROOT = Path(__file__).resolve().parents[2]
HOME = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
PINS = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (ROOT / "requirements.txt").read_text(), re.M))


def install_line() -> dict[str, str]:
    [line] = re.findall(r"^python -m pip install (.+)$", HOME, re.M)
    return dict(pin.split("==") for pin in line.split())


def imported_distributions(code: str) -> set[str]:
    """Distributions of the third-party modules a piece of code imports (not the standard library)."""
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    names -= set(sys.stdlib_module_names)
    owners = importlib.metadata.packages_distributions()
    return {dist for name in names for dist in owners.get(name, [name])}


def test_the_pip_line_pins_the_tested_versions():
    line = install_line()
    assert line and all(PINS.get(name) == version for name, version in line.items()), (line, PINS)
    tested = f"Python {sys.version_info.major}.{sys.version_info.minor} 测试"
    assert "Python 3.10 或更新" in HOME and tested in HOME


def test_the_pip_line_is_enough_for_every_block_and_both_labs(site_dir):
    blocks = [b for b in python_blocks(site_dir) if not b.title.startswith(NO_RUN_TITLE)]
    labs = sorted((ROOT / "docs").glob("*/lab_*.py"))
    needed = set().union(*(imported_distributions(b.code) for b in blocks),
                         *(imported_distributions(lab.read_text(encoding="utf-8")) for lab in labs))
    assert len(blocks) > 100 and len(labs) == 2 and {"numpy", "torch"} <= needed
    missing = sorted(needed - set(install_line()))
    assert not missing, f"code on the site imports {missing}, which the home page's pip line does not install"


def test_every_block_parses_as_python_3_10(site_dir):
    # "Python 3.10 或更新": the blocks' syntax (not their library calls) against 3.10's grammar
    blocks = [b for b in python_blocks(site_dir) if not b.title.startswith(NO_RUN_TITLE)]
    for block in blocks:
        ast.parse(block.code, feature_version=(3, 10))
