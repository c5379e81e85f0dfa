"""The layout mirrors itself: page <-> snippet folder <-> test folder, nothing orphaned.

- every snippet module ``snippets/<chapter>/<page>/exNN_<what>.py`` has exactly
  ``tests/<chapter>/<page>/test_exNN_<what>.py``, and every such test has its snippet;
- every snippet module is included (``--8<--``) by its own page
  ``docs/<chapter>/<page>.md``; every ``figures.py`` is tested and its figures are
  shown on that page in both styles;
- every snippet folder has its page.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS, TESTS, DOCS = ROOT / "snippets", ROOT / "tests", ROOT / "docs"
EXAMPLE = re.compile(r"ex\d{2}_[a-z0-9_]+\.py")
INCLUDE = re.compile(r'--8<--\s+"([^"]+?)(?::[\w-]+)?"')


def example_modules() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("ex*.py") if len(p.relative_to(SNIPPETS).parts) == 3)


def page_of(snippet_dir: Path) -> Path:
    chapter, page = snippet_dir.relative_to(SNIPPETS).parts
    return DOCS / chapter / f"{page}.md"


def included_files(page: Path) -> set[str]:
    return set(INCLUDE.findall(page.read_text(encoding="utf-8"))) if page.is_file() else set()


def test_snippet_modules_follow_the_naming_rule():
    bad = [str(p.relative_to(ROOT)) for p in SNIPPETS.rglob("*.py")
           if len(p.relative_to(SNIPPETS).parts) == 3
           and p.name not in ("__init__.py", "figures.py") and not EXAMPLE.fullmatch(p.name)]
    assert not bad, f"snippet modules must be named exNN_<what>.py: {bad}"


def test_every_snippet_has_a_test_and_every_test_a_snippet():
    snippets = {p.relative_to(SNIPPETS).with_name(f"test_{p.name}").as_posix()
                for p in SNIPPETS.rglob("*.py")
                if len(p.relative_to(SNIPPETS).parts) == 3 and p.name != "__init__.py"}
    tests = {p.relative_to(TESTS).as_posix() for p in TESTS.rglob("test_*.py")
             if len(p.relative_to(TESTS).parts) == 3 and p.parts[-3] != "site"}
    assert not snippets - tests, f"snippets with no test: {sorted(snippets - tests)}"
    assert not tests - snippets, f"tests with no snippet: {sorted(tests - snippets)}"


def test_every_snippet_folder_is_a_package():
    # without __init__.py a folder is still importable (a namespace package), but tools that walk the
    # package skip it: say so here, by name, instead of letting something fail far away
    folders = {p.parent for p in SNIPPETS.rglob("*.py") if "__pycache__" not in p.parts}
    folders |= {f.parent for f in folders if f.parent != SNIPPETS.parent}
    missing = sorted(str((f / "__init__.py").relative_to(ROOT)) for f in folders
                     if f.is_relative_to(SNIPPETS) and not (f / "__init__.py").is_file())
    assert not missing, f"create these empty files (every snippet folder is a Python package): {missing}"
    # tests/ is the other way round: pytest imports test files by path (--import-mode=importlib)
    stray = sorted(str(p.relative_to(ROOT)) for p in TESTS.rglob("__init__.py"))
    assert not stray, f"tests/ holds no __init__.py files: {stray}"


def test_every_snippet_folder_has_its_page():
    folders = {p.parent for p in example_modules()}
    missing = [str(page_of(f).relative_to(ROOT)) for f in folders if not page_of(f).is_file()]
    assert not missing, f"snippet folders whose page does not exist: {missing}"


def test_every_example_is_included_by_its_page():
    orphans = [str(p.relative_to(ROOT)) for p in example_modules()
               if p.relative_to(ROOT).as_posix() not in included_files(page_of(p.parent))]
    assert not orphans, f"snippet modules that their page never includes: {orphans}"


def test_every_figure_is_shown_in_both_styles_on_its_page():
    from snippets import figures

    figures.discover()
    missing = []
    for module, name in figures.REGISTRY:
        page = DOCS / f"{figures.page_of(module)}.md"
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        stem = Path(figures.page_of(module)).name
        for style in ("light", "dark"):
            ref = f"{stem}.assets/{name}-{style}.svg#only-{style}"
            if ref not in text:
                missing.append(f"{page.relative_to(ROOT)} lacks {ref}")
    assert not missing, "\n".join(missing)


def test_the_rule_detects_an_orphan(tmp_path):
    page = tmp_path / "p.md"
    page.write_text('```python\n--8<-- "snippets/a/b/ex01_x.py:usage"\n```\n', encoding="utf-8")
    assert included_files(page) == {"snippets/a/b/ex01_x.py"}
    assert "snippets/a/b/ex02_y.py" not in included_files(page)


def test_headings_hold_no_math():
    # the table of contents, the header and search show headings as plain text, where TeX stays raw
    heading = re.compile(r"^#{1,6} .*(\$|\\\()", re.M)
    offenders = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in sorted(DOCS.rglob("*.md"))
                 for m in heading.finditer(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_nav_titles_read_any_depth_and_tolerate_mkdocs_tags():
    import yaml

    from tests.site.nav import AnyTagLoader, nav_titles

    text = ("a: !ENV [X, false]\nb: [!relative $config_dir]\nc: !!python/name:os.path.join\n"
            "nav:\n  - Home: index.md\n  - 2 Ch:\n      - ch/index.md\n      - 2.8 Lab: ch/lab.py\n")
    config = yaml.load(text, Loader=AnyTagLoader)
    assert config["a"] == ["X", False] and config["b"] == ["$config_dir"]
    assert nav_titles(config["nav"]) == {"index.md": "Home", "ch/lab.py": "2.8 Lab"}
