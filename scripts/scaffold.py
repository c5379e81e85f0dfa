"""Scaffold a page or a chapter with everything the checks expect (``make page`` / ``make chapter``).

    python scripts/scaffold.py page CHAPTER PAGE TITLE [--after PAGE] [--figure NAME]
    python scripts/scaffold.py chapter CHAPTER TITLE

``page`` creates ``docs/<chapter>/<page>.md`` (思想, 公式, 代码, 练习 with an answer block, 相关页面), the
snippet package ``snippets/<chapter>/<page>/`` with its ``__init__.py`` files and ``ex01_<page>.py`` (a named
section, ``main()`` and its ``#>`` lines, filled in by running it), the mirror test, and with ``--figure``
a ``figures.py`` with its test and the two image lines; it adds the nav entry with the next section
number (or, with ``--after``, right after that page, renumbering the later pages) and the chapter map's
row. ``chapter`` creates ``docs/<chapter>/index.md`` (its map and prerequisites), the snippet package, the
nav group with the next chapter number and the home page's row. The result builds strictly and its
tests pass unchanged; replace the example with the real content.

Names are snake_case (they are Python package names). Nothing is overwritten.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"[a-z][a-z0-9_]*")

PAGE_MD = """# {title}

<!-- 开头一两段：这一节回答什么问题，核心想法是什么。术语第一次出现时附英文名，例如“卷积（convolution）”。 -->
这一节讲{title}。

## 思想

<!-- 先讲直觉，再给公式；需要时用一个小例子。 -->
（思想）

## 公式

<!-- 公式用 $...$ 与 $$...$$；下标从 1 开始，代码下标从 0 开始，二者相遇时在正文里说明。标题里不放公式。 -->
$N$ 个数的算术平均是

$$
\\bar x = \\frac{{1}}{{N}}\\sum_{{n=1}}^{{N}} x_n .
$$

## 代码

<!-- 代码块由 snippets/ 中的区段拼成，必须自洽；#> 行由 make outputs PAGE={chapter}/{page} 填写。 -->
```python
--8<-- "snippets/{chapter}/{page}/ex01_{page}.py:average"


--8<-- "snippets/{chapter}/{page}/ex01_{page}.py:usage"
```
{figure_md}
## 练习

1. （练习）

    ??? success "答案"
        （答案：正文里作为结果给出的数字，都要在 tests/{chapter}/{page}/ 中断言）

## 相关页面

- [本章地图](index.md)
"""

FIGURE_MD = """
![（图的中文说明）]({page}.assets/{figure}-light.svg#only-light){{ loading=lazy }}
![（图的中文说明）]({page}.assets/{figure}-dark.svg#only-dark){{ loading=lazy }}
"""

SNIPPET = '''"""{title}：示例（由 make page 生成，换成本页真正要讲的代码）。"""

# --8<-- [start:average]
import numpy as np


def average(x):
    """x 的算术平均：先求和，再除以个数。"""
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x 必须是非空的一维数组，收到形状 {{x.shape}}")
    return x.sum() / x.size
# --8<-- [end:average]


def main():
    # --8<-- [start:usage]
    print(average([1.0, 2.0, 4.0]))
    #> （make outputs 会把这行换成真实输出）
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
'''

TEST = '''import numpy as np
import pytest

from snippets.{chapter}.{page}.ex01_{page} import average


def test_average_matches_numpy():
    # prose: 正文里由代码算出的每个数字都在这里断言，并引用原句
    x = np.random.default_rng(0).standard_normal(100)
    assert average(x) == pytest.approx(np.mean(x), rel=1e-12)
    assert average([1.0, 2.0, 4.0]) == 7 / 3


@pytest.mark.parametrize("bad", [[], [[1.0, 2.0]]])
def test_bad_input_names_the_argument(bad):
    with pytest.raises(ValueError, match=r"^x "):
        average(bad)
'''

FIGURES = '''"""{title} 的插图（图中只用英文与公式，中文说明写在页面上）。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.{chapter}.{page}.ex01_{page} import average
from snippets.figures import figure


def running_average(x):
    """前 n 个数的平均，n = 1, 2, ..."""
    return np.array([average(x[: n + 1]) for n in range(len(x))])


@figure("{figure}")
def draw():
    x = np.random.default_rng(0).standard_normal(50)
    fig, ax = plt.subplots()
    ax.plot(np.arange(1, 51), running_average(x), color="C0", label="running average")
    ax.axhline(0, color="C1", linestyle="--", label="true mean 0")
    ax.set_xlabel("n")
    ax.legend()
    return fig
'''

TEST_FIGURES = '''import numpy as np

from snippets.{chapter}.{page}.figures import draw, running_average


def test_the_figure_shows_the_running_average():
    x = np.random.default_rng(0).standard_normal(50)
    fig = draw()
    drawn = fig.axes[0].lines[0].get_ydata()
    np.testing.assert_allclose(drawn, running_average(x))
    np.testing.assert_allclose(drawn[-1], x.mean())
'''

CHAPTER_MD = """# {title}

<!-- 一段话：这一章讲什么，各节怎样连成一条主线。 -->
本章讲{title}。

## 本章地图

| 节 | 你将学到 |
| --- | --- |

## 预备知识

- （读这一章之前需要会什么，链接到讲它的页面）
"""


def write_new(path: Path, text: str, made: list[Path]) -> None:
    if path.exists():
        raise SystemExit(f"{path.relative_to(ROOT)} already exists: nothing was overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    made.append(path)


def check_name(kind: str, name: str) -> None:
    if not NAME.fullmatch(name):
        raise SystemExit(f"{kind} must be snake_case ASCII (a Python package name), got {name!r}")


# ---------------------------------------------------------------- mkdocs.yml nav (edited as text:
# the file carries comments and MkDocs' own YAML tags, which a YAML round trip would lose)
GROUP = re.compile(r"^  - (\d+) (.+):\s*$")
ENTRY = re.compile(r"^      - (\d+)\.(\d+) (.+?): (\S+)\s*$")


def chapter_block(lines: list[str], chapter: str) -> tuple[int, int, int]:
    """(chapter number, index of the group line, index after its last entry) of ``chapter`` in the nav."""
    index_line = f"      - {chapter}/index.md"
    for i, line in enumerate(lines):
        if line.rstrip() == index_line:
            group = next(j for j in range(i, -1, -1) if GROUP.match(lines[j]))
            end = i + 1
            while end < len(lines) and lines[end].startswith("      - "):
                end += 1
            return int(GROUP.match(lines[group]).group(1)), group, end
    raise SystemExit(f"chapter {chapter!r} is not in the nav of mkdocs.yml (make chapter creates it)")


def add_nav_entry(chapter: str, page: str, title: str,
                  after: str | None) -> tuple[str, list[tuple[str, str]]]:
    """Insert the page's nav entry; return its section number and the (old, new) numbers of later pages."""
    path = ROOT / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number, group, end = chapter_block(lines, chapter)
    entries = [i for i in range(group, end) if ENTRY.match(lines[i])]
    if after is None:
        at, k = end, len(entries) + 1
    else:
        wanted = [i for i in entries
                  if Path(ENTRY.match(lines[i]).group(4)).stem == after]
        if not wanted:
            raise SystemExit(f"--after {after}: no such page in chapter {chapter}'s nav")
        at, k = wanted[0] + 1, int(ENTRY.match(lines[wanted[0]]).group(2)) + 1
    renumbered = []
    for i in entries:
        m = ENTRY.match(lines[i])
        if i >= at:
            old, new = f"{m.group(1)}.{m.group(2)}", f"{m.group(1)}.{int(m.group(2)) + 1}"
            lines[i] = f"      - {new} {m.group(3)}: {m.group(4)}\n"
            renumbered.append((old, new))
    lines.insert(at, f"      - {number}.{k} {title}: {chapter}/{page}.md\n")
    path.write_text("".join(lines), encoding="utf-8")
    return f"{number}.{k}", renumbered


def add_chapter_group(chapter: str, title: str) -> int:
    path = ROOT / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    numbers = [int(m.group(1)) for line in lines if (m := GROUP.match(line))]
    number = max(numbers, default=0) + 1
    last_group = max(i for i, line in enumerate(lines) if GROUP.match(line))
    end = last_group + 1
    while end < len(lines) and lines[end].startswith("      - "):
        end += 1
    block = [f"  # ---- 第 {number} 章 {title}（docs/{chapter}）\n", f"  - {number} {title}:\n",
             f"      - {chapter}/index.md\n"]
    lines[end:end] = block
    path.write_text("".join(lines), encoding="utf-8")
    return number


# ---------------------------------------------------------------- chapter map and home page tables
ROW = re.compile(r"^\| \[(\d+)\.(\d+) (.+?)\]\((\S+?)\) \|(.*)$")


def add_map_row(chapter: str, page: str, number: str, title: str,
                renumbered: list[tuple[str, str]]) -> None:
    path = ROOT / "docs" / chapter / "index.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if line.startswith("| 节 |")), None)
    if head is None:
        raise SystemExit(f"{path.relative_to(ROOT)} has no map table (a header row starting with '| 节 |')")
    end = head + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    new_numbers = dict(renumbered)
    at = end
    for i in range(head + 2, end):
        m = ROW.match(lines[i])
        if m and f"{m.group(1)}.{m.group(2)}" in new_numbers:
            at = min(at, i)
            new = new_numbers[f"{m.group(1)}.{m.group(2)}"]
            lines[i] = f"| [{new} {m.group(3)}]({m.group(4)}) |{m.group(5)}\n"
    lines.insert(at, f"| [{number} {title}]({page}.md) | （一句话：读者在这一节学到什么） |\n")
    path.write_text("".join(lines), encoding="utf-8")


def add_home_row(chapter: str, number: int, title: str) -> None:
    path = ROOT / "docs" / "index.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = [i for i, line in enumerate(lines) if re.match(r"^\| \[\d+ ", line)]
    if not rows:
        raise SystemExit("docs/index.md has no contents table with chapter rows ('| [N title](...) |')")
    lines.insert(rows[-1] + 1, f"| [{number} {title}]({chapter}/index.md) | （本章的主要内容） |\n")
    path.write_text("".join(lines), encoding="utf-8")


def mentions(numbers: list[str]) -> list[str]:
    """Files under docs/ and tests/ that still mention a renumbered section, for the person to check."""
    found = []
    for path in sorted(list((ROOT / "docs").rglob("*.md")) + list((ROOT / "tests").rglob("*.py"))):
        text = path.read_text(encoding="utf-8")
        hits = [n for n in numbers if re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", text)]
        if hits:
            found.append(f"{path.relative_to(ROOT)}: {', '.join(hits)}")
    return found


def scaffold_page(chapter: str, page: str, title: str, after: str | None, figure: str | None) -> int:
    check_name("CHAPTER", chapter)
    check_name("PAGE", page)
    if not (ROOT / "docs" / chapter / "index.md").is_file():
        raise SystemExit(f"docs/{chapter}/index.md does not exist: run make chapter CHAPTER={chapter} first")
    if figure is not None and not re.fullmatch(r"[a-z0-9-]+", figure):
        raise SystemExit(f"FIGURE must be lower-case ASCII letters, digits and '-', got {figure!r}")
    made: list[Path] = []
    fmt = {"chapter": chapter, "page": page, "title": title, "figure": figure}
    fmt["figure_md"] = FIGURE_MD.format(**fmt) if figure else ""
    write_new(ROOT / "docs" / chapter / f"{page}.md", PAGE_MD.format(**fmt), made)
    package = ROOT / "snippets" / chapter
    if not (package / "__init__.py").exists():
        write_new(package / "__init__.py", "", made)
    write_new(package / page / "__init__.py", "", made)
    write_new(package / page / f"ex01_{page}.py", SNIPPET.format(**fmt), made)
    write_new(ROOT / "tests" / chapter / page / f"test_ex01_{page}.py", TEST.format(**fmt), made)
    if figure:
        write_new(package / page / "figures.py", FIGURES.format(**fmt), made)
        write_new(ROOT / "tests" / chapter / page / "test_figures.py", TEST_FIGURES.format(**fmt), made)
    number, renumbered = add_nav_entry(chapter, page, title, after)
    add_map_row(chapter, page, number, title, renumbered)
    # fill in the #> lines by running the example, exactly as `make outputs` does
    subprocess.run([sys.executable, str(ROOT / "scripts" / "fix_outputs.py"), f"{chapter}/{page}"],
                   check=True, stdout=subprocess.DEVNULL)
    for path in made:
        print(f"created {path.relative_to(ROOT)}")
    print(f"nav: {number} {title}; map row in docs/{chapter}/index.md")
    if renumbered:
        print("renumbered: " + ", ".join(f"{old} -> {new}" for old, new in renumbered))
        for line in mentions([old for old, _ in renumbered]):
            print(f"  check the section numbers mentioned in {line}")
    print(f"next: write the page, then make test-page PAGE={chapter}/{page}")
    return 0


def scaffold_chapter(chapter: str, title: str) -> int:
    check_name("CHAPTER", chapter)
    made: list[Path] = []
    write_new(ROOT / "docs" / chapter / "index.md", CHAPTER_MD.format(title=title), made)
    write_new(ROOT / "snippets" / chapter / "__init__.py", "", made)
    number = add_chapter_group(chapter, title)
    add_home_row(chapter, number, title)
    for path in made:
        print(f"created {path.relative_to(ROOT)}")
    print(f"nav: chapter {number} {title}; row in docs/index.md")
    print(f"next: make page CHAPTER={chapter} PAGE=<page> TITLE=\"...\"")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    page = sub.add_parser("page")
    page.add_argument("chapter")
    page.add_argument("page")
    page.add_argument("title")
    page.add_argument("--after", help="insert after this page of the chapter (default: at the end)")
    page.add_argument("--figure", help="also create figures.py drawing a figure of this name")
    chapter = sub.add_parser("chapter")
    chapter.add_argument("chapter")
    chapter.add_argument("title")
    args = parser.parse_args()
    if args.what == "page":
        return scaffold_page(args.chapter, args.page, args.title.strip(), args.after or None,
                             args.figure or None)
    return scaffold_chapter(args.chapter, args.title.strip())


if __name__ == "__main__":
    sys.exit(main())
