"""`make chapter` and `make page` (scripts/scaffold.py) in a copy of the project: the result builds strictly,
its tests pass unchanged, its code block prints what it shows, and inserting a page renumbers the rest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.test_code_blocks import failure, python_blocks, run_fresh

ROOT = Path(__file__).resolve().parents[2]


def run(cmd: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def project(tmp_path_factory, site_dir) -> Path:
    """A copy of the project (files git would commit), sharing node_modules and the warm build caches."""
    copy = tmp_path_factory.mktemp("project")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        if (ROOT / rel).is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, copy / rel)
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    for cache in ("figures", "notebooks"):  # site_dir has just built them: the copy draws only its own page
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, copy / ".cache" / cache, symlinks=True)
    scaffold = [sys.executable, "scripts/scaffold.py"]
    run([*scaffold, "chapter", "demo", "演示章"], copy)
    run([*scaffold, "page", "demo", "first", "第一页", "--figure", "running-mean"], copy)
    run([*scaffold, "page", "demo", "second", "第二页"], copy)
    inserted = run([*scaffold, "page", "demo", "between", "插入页", "--after", "first"], copy)
    (copy / "inserted.log").write_text(inserted.stdout, encoding="utf-8")
    return copy


def test_scaffolded_chapter_and_pages_are_in_the_nav_the_map_and_the_home_page(project):
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    number = nav.count("  # ---- 第 ")  # the demo chapter is the last numbered one
    assert f"  - {number} 演示章:\n      - demo/index.md\n      - {number}.1 第一页: demo/first.md\n" \
           f"      - {number}.2 插入页: demo/between.md\n      - {number}.3 第二页: demo/second.md\n" in nav
    chapter_map = (project / "docs" / "demo" / "index.md").read_text(encoding="utf-8")
    rows = [line.split("]")[0] for line in chapter_map.splitlines() if line.startswith("| [")]
    assert rows == [f"| [{number}.1 第一页", f"| [{number}.2 插入页", f"| [{number}.3 第二页"]
    assert f"[{number} 演示章](demo/index.md)" in (project / "docs" / "index.md").read_text(encoding="utf-8")
    log = (project / "inserted.log").read_text(encoding="utf-8")
    assert f"renumbered: {number}.2 -> {number}.3" in log
    for rel in ("snippets/demo/__init__.py", "snippets/demo/first/__init__.py",
                "snippets/demo/first/figures.py", "tests/demo/first/test_ex01_first.py",
                "tests/demo/first/test_figures.py"):
        assert (project / rel).is_file(), rel
    assert not (project / "tests" / "demo" / "first" / "__init__.py").exists()


def test_scaffolded_snippet_shows_its_real_output(project):
    text = (project / "snippets" / "demo" / "first" / "ex01_first.py").read_text(encoding="utf-8")
    assert "    print(average([1.0, 2.0, 4.0]))\n    #> 2.3333333333333335\n" in text


def test_scaffold_overwrites_nothing(project):
    again = subprocess.run([sys.executable, "scripts/scaffold.py", "page", "demo", "first", "又一页"],
                           cwd=project, capture_output=True, text=True)
    assert again.returncode != 0 and "already exists" in again.stderr + again.stdout


def test_scaffolded_project_builds_strictly_and_its_tests_pass(project, offline):
    site = project / "built"
    run(offline([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]), project,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert (site / "demo" / "first.assets" / "running-mean-dark.svg").is_file()
    blocks = [b for b in python_blocks(site) if b.page.startswith("demo/")]
    assert len(blocks) == 3
    for block in blocks:
        assert failure(block, run_fresh(block.code, offline)) is None
    result = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/demo",
                  "tests/site/test_layout.py", "tests/site/test_lint.py"], project)
    assert " passed" in result.stdout and "failed" not in result.stdout
