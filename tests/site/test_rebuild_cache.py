"""What builds keep between rebuilds and on disk (extensions/memo.py) is exact: same input, same output.

The unit tests pin each memo's key and version (what they must include so that a hit is never stale); the
last test builds the whole site four times in one process (with no memo on disk; from an empty memory, and
again; then from memory, as ``mkdocs serve`` does) and requires all four to be byte-for-byte the same.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jinja2
import markdown
import pygments
import pymdownx.highlight
import pytest
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from extensions import highlight_cache
from extensions.memo import Memo, TemplateBytecode, digest, source_version
from hooks import notebooks

ROOT = Path(__file__).resolve().parents[2]


def test_memo_computes_once_per_key_and_forgets_the_least_recently_used():
    memo, calls = Memo("t", size=2), []

    def value(x):
        calls.append(x)
        return x * 10

    assert [memo.get(k, lambda k=k: value(k)) for k in (1, 2, 1, 3, 1, 2)] == [10, 20, 10, 30, 10, 20]
    assert calls == [1, 2, 3, 2]  # 2 was the least recently used when 3 came in
    assert (memo.hits, memo.misses, len(memo)) == (2, 4, 2)
    with pytest.raises(ValueError, match="size"):
        Memo("t", size=0)


def test_a_memo_on_disk_is_read_by_the_next_process_of_the_same_version(tmp_path, monkeypatch):
    monkeypatch.delenv("NNDL_BUILD_MEMO", raising=False)
    key, other = digest("x = 1"), digest("y = 2")
    first = Memo("t", size=4, version="v1", disk=tmp_path)
    assert first.get(key, lambda: "<b>x</b>") == "<b>x</b>" and first.misses == 1
    again = Memo("t", size=4, version="v1", disk=tmp_path)  # a new build: nothing in memory
    assert again.get(key, lambda: pytest.fail("computed again")) == "<b>x</b>" and again.disk_hits == 1
    assert list((tmp_path / "t").iterdir()) == [tmp_path / "t" / "v1"]
    newer = Memo("t", size=4, version="v2", disk=tmp_path)  # new producing code: computed afresh
    assert newer.get(key, lambda: "<i>x</i>") == "<i>x</i>"
    assert list((tmp_path / "t").iterdir()) == [tmp_path / "t" / "v2"]  # the old version is gone
    monkeypatch.setenv("NNDL_BUILD_MEMO", "off")
    memory_only = Memo("t", size=4, version="v2", disk=tmp_path)
    assert memory_only.get(key, lambda: "computed") == "computed"  # the disk is not read
    memory_only.get(other, lambda: "y")
    assert not (tmp_path / "t" / "v2" / other[:2]).exists()  # nor written
    monkeypatch.delenv("NNDL_BUILD_MEMO")
    with pytest.raises(ValueError, match="digest"):
        newer.get("page.html", lambda: "x")
    with pytest.raises(TypeError, match="text"):
        newer.get(other, lambda: b"bytes")


def test_a_memo_version_follows_the_code_and_the_libraries(tmp_path):
    code = tmp_path / "producer.py"
    code.write_text("A = 1\n")
    before = source_version(code, libraries=("Pygments",))
    assert before == source_version(code, libraries=("Pygments",))
    assert before != source_version(code, libraries=("Pygments", "pymdown-extensions"))
    code.write_text("A = 2\n")
    assert before != source_version(code, libraries=("Pygments",))


def test_digest_keeps_the_boundaries_between_parts():
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("é") == digest("é".encode())
    assert len({digest(), digest(""), digest("", "")}) == 3


def test_highlighting_from_the_memo_is_what_pygments_returns():
    src = "def f(x):\n    return x + 1\n"
    before = highlight_cache.MEMO.hits
    plain = HtmlFormatter(cssclass="highlight")
    marked = HtmlFormatter(cssclass="highlight", hl_lines=[2])
    first = highlight_cache.highlight(src, PythonLexer(), plain)
    again = highlight_cache.highlight(src, PythonLexer(), HtmlFormatter(cssclass="highlight"))
    other = highlight_cache.highlight(src, PythonLexer(), marked)
    assert first == again == pygments.highlight(src, PythonLexer(), plain)
    assert other == pygments.highlight(src, PythonLexer(), marked) != first  # options are in the key
    assert highlight_cache.MEMO.hits == before + 1
    assert highlight_cache.highlight(src, PythonLexer(stripnl=False), plain) == \
        pygments.highlight(src, PythonLexer(stripnl=False), plain)


def test_the_extension_puts_the_memo_in_front_of_pymdownx():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences",
                                       "extensions.highlight_cache"])
    assert pymdownx.highlight.highlight is highlight_cache.highlight
    before = highlight_cache.MEMO.hits
    text = "```python\nx = [1, 2]  # 一行\n```\n"
    assert md.convert(text) == md.reset().convert(text)
    assert '<span class="n">x</span>' in md.convert(text)
    assert highlight_cache.MEMO.hits == before + 2


def test_an_edited_template_is_compiled_again():
    cache, sources = TemplateBytecode(), {"t.html": "A{{ x }}"}
    env = lambda: jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)  # noqa: E731
    assert env().get_template("t.html").render(x=1) == "A1"
    assert len(cache) == 1
    assert env().get_template("t.html").render(x=2) == "A2"  # a new environment, as in each rebuild
    sources["t.html"] = "B{{ x }}"
    assert env().get_template("t.html").render(x=3) == "B3"


NOTEBOOK = textwrap.dedent("""\
    <div class="jupyter-wrapper"><div class="jp-Notebook">
    <div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedMarkdown">
    <h2>数据</h2><p>见 <a href="../cnn/pooling.md#汇聚层">汇聚层</a>。</p>
    <img src="data:image/png;base64,iVBORw0KGgo=" alt="No description has been provided for this image">
    </div></div></div></div>""")


def test_a_notebook_is_cleaned_again_when_a_link_resolves_differently():
    notebooks.CLEANED.clear()
    saved = []
    save = lambda data, ext: saved.append((data, ext)) or f"img-{len(saved)}.{ext}"  # noqa: E731
    body, toc = notebooks.clean_notebook_html_memo(NOTEBOOK, lambda href: "A/" + href, save)
    assert 'href="A/../cnn/pooling.md#汇聚层"' in body and 'src="img-1.png"' in body
    assert toc == [{"level": 2, "id": "数据", "name": "数据", "children": []}]
    again, _ = notebooks.clean_notebook_html_memo(NOTEBOOK, lambda h: "A/" + h, lambda d, e: "img-1.png")
    assert again == body and notebooks.CLEANED.hits == 1
    assert len(saved) == 1  # the hit saved its image with the callback it was given, not `save`
    moved, _ = notebooks.clean_notebook_html_memo(NOTEBOOK, lambda href: "B/" + href, save)
    assert 'href="B/../cnn/pooling.md#汇聚层"' in moved and 'src="img-2.png"' in moved
    toc[0]["name"] = "changed by a caller"
    _, toc = notebooks.clean_notebook_html_memo(NOTEBOOK, lambda h: "B/" + h, lambda d, e: "img-2.png")
    assert toc[0]["name"] == "数据"


BUILDS = """
import json, os, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from extensions import highlight_cache, memo
counts = []
for out, disk, fresh in zip(sys.argv[1::3], sys.argv[2::3], sys.argv[3::3]):
    os.environ["NNDL_BUILD_MEMO"] = disk
    if fresh == "fresh":
        for m in memo.EVERY:
            m.clear()
    build(load_config("mkdocs.yml", site_dir=out, strict=True))
    m = highlight_cache.MEMO
    counts.append({"hits": m.hits, "disk_hits": m.disk_hits, "misses": m.misses})
print(json.dumps({"pygments": counts, "memos": sorted({m.name for m in memo.EVERY})}))
"""


def test_builds_from_memory_and_from_disk_are_the_same_site(tmp_path, site_dir, offline):
    """``site_dir`` first: its build fills the figure and notebook caches, so these only render."""
    runs = [("no-disk", "off", "fresh"), ("disk", "on", "fresh"), ("from-disk", "on", "fresh"),
            ("from-memory", "on", "keep")]
    args = [str(a) for name, disk, fresh in runs for a in (tmp_path / name, disk, fresh)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NNDL_SEARCH_INDEX": "false", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(offline([sys.executable, "-c", BUILDS, *args]), cwd=ROOT,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"pygments", "codefold", "katex", "notebook html", "snippet imports"} <= set(report["memos"])
    no_disk, _, from_disk, from_memory = report["pygments"]
    blocks = no_disk["misses"]
    assert blocks > 100 and no_disk["disk_hits"] == 0
    assert from_disk == {"hits": 0, "disk_hits": blocks, "misses": 0}  # every block read back from disk
    assert from_memory == {"hits": blocks, "disk_hits": blocks, "misses": 0}  # and then from memory
    reference = tmp_path / "no-disk"
    for name, _, _ in runs[1:]:
        assert differing_files(reference, tmp_path / name) == [], name
    assert len(list(reference.rglob("*.html"))) > 30


def differing_files(left: Path, right: Path) -> list[str]:
    differ = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differ.extend(prefix + name for name in mismatch + errors + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right))
    return differ
