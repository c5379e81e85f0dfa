"""The lab 2.6 (docs/feedforward/lab_mlp.py): its numbers, its notebook, its page.

The lab is a docs page, not a snippet, so its tests live at depth 2 (tests/<chapter>/) where the layout
test does not map them to a snippet module. Three runs back it up:

- the lab run as a script in this process (``runpy``), with ``LAB_MAX_EPOCHS`` small: every number the
  page states is asserted on the script's own variables;
- the generated ``.ipynb`` run top to bottom in a fresh Jupyter kernel (nbclient): it must run without
  an error and print exactly what the script printed (same seeds, same numbers, in another process);
- the site built by tests/conftest.py: the page carries the executed outputs, the download and Colab
  links, and weighs at most twice a Markdown chapter page.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import runpy
from pathlib import Path

import nbformat
import pytest
import torch
from bs4 import BeautifulSoup
from nbclient import NotebookClient
from traitlets.config import Config

import hooks.notebooks as hook

ROOT = Path(__file__).resolve().parents[2]
LAB = ROOT / "docs" / "feedforward" / "lab_mlp.py"
IPYNB = LAB.with_suffix(".ipynb")
EPOCHS = "20"  # enough for the accuracy target; the build runs the default (at most 60, early stopping)




def settle(text: str) -> str:
    """What a terminal or Jupyter finally shows of a stream with carriage returns (tqdm)."""
    text = re.sub(r"\r+\n", "\n", text)
    return re.sub(r".*\r(?=[^\n])", "", text)


# ---------------------------------------------------------------- the lab as a script
@pytest.fixture(scope="module")
def lab():
    """Run the lab's source as a script; return its globals and everything it printed."""
    import matplotlib.pyplot as plt

    threads = torch.get_num_threads()
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # a UTF-8 terminal: tqdm draws █, not #
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
        mp.setenv("LAB_MAX_EPOCHS", EPOCHS)
        env = runpy.run_path(str(LAB), run_name="__main__")
    out.flush()
    plt.close("all")
    torch.set_num_threads(threads)  # the lab pins one thread; give the other tests theirs back
    env["stdout"] = settle(out.buffer.getvalue().decode("utf-8"))
    return env


def test_test_accuracy_reaches_the_target(lab):
    # the target: test accuracy >= 0.95 on the digits
    assert lab["test_acc"] >= 0.95
    assert lab["test_acc"] == lab["evaluate"](lab["model"], lab["test_loader"], lab["loss_fn"])[1]


def test_parameter_count_is_7510_by_the_formula(lab):
    # "(64×100 + 100) + (100×10 + 10) = 6500 + 1010 = 7510", and the index map's "7510 个参数"
    sizes = [64, 100, 10]
    by_formula = sum(m * n + n for m, n in zip(sizes, sizes[1:], strict=False))
    assert lab["n_params"] == by_formula == 6500 + 1010 == 7510
    numel = {name: p.numel() for name, p in lab["model"].named_parameters()}
    assert numel == {"hidden.weight": 6400, "hidden.bias": 100, "output.weight": 1000, "output.bias": 10}
    # "nn.Linear(64, 100) 的权重形状是 (100, 64)"
    assert tuple(lab["model"].hidden.weight.shape) == (100, 64)
    assert sum(p.numel() for p in lab["sequential"].parameters()) == 7510


def test_exercise_200_hidden_units_gives_15010(lab):
    # exercise 1: (64×200 + 200) + (200×10 + 10) = 13000 + 2010 = 15010
    model = lab["MLP"](n_hidden=200)
    assert sum(p.numel() for p in model.parameters()) == 13000 + 2010 == 15010


def test_sequential_starts_from_the_same_parameters(lab):
    # "用同一个种子初始化，连参数的初始值都相同，只是名字不同"
    torch.manual_seed(lab["SEED"])
    a = lab["MLP"]()
    torch.manual_seed(lab["SEED"])
    b = torch.nn.Sequential(torch.nn.Linear(64, 100), torch.nn.ReLU(), torch.nn.Linear(100, 10))
    assert [n for n, _ in a.named_parameters()] == ["hidden.weight", "hidden.bias",
                                                     "output.weight", "output.bias"]
    assert [n for n, _ in b.named_parameters()] == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert all(torch.equal(p, q) for p, q in zip(a.parameters(), b.parameters(), strict=True))
    assert "初始参数相同: True" in lab["stdout"]


def test_autograd_example_is_minus_42(lab):
    # "所以导数是 ∑ 2×(−1.5) x_i² = −3×14 = −42"
    assert lab["w"].grad.item() == -42.0 == -3 * sum(v * v for v in (1, 2, 3))
    assert lab["L"].item() == 31.5  # ∑ (1.5 x_i)² = 2.25 × 14
    assert lab["Z"].tolist() == [[3.0, 4.0, 5.0, 6.0], [12.0, 13.0, 14.0, 15.0]]


def test_the_data_is_what_the_page_says(lab):
    # "每张图 8×8 个像素，灰度取 0 到 16 的整数，标签是 0 到 9 共 10 类"; 60% / 20% / 20%, stratified
    digits = lab["digits"]
    assert digits.images.shape == (1797, 8, 8)
    assert digits.images.min() == 0 and digits.images.max() == 16
    assert (digits.images == digits.images.round()).all()
    assert sorted(set(digits.target.tolist())) == list(range(10))
    sizes = [len(lab[name]) for name in ("y_train", "y_val", "y_test")]
    assert sizes == [1078, 359, 360] and sum(sizes) == 1797
    assert lab["inputs"].min() == 0.0 and lab["inputs"].max() == 1.0
    for part in ("y_train", "y_val", "y_test"):  # every split holds every class in about the same share
        counts = torch.bincount(torch.as_tensor(lab[part]), minlength=10).double() / len(lab[part])
        overall = torch.bincount(torch.as_tensor(digits.target), minlength=10).double() / 1797
        assert torch.allclose(counts, overall, atol=0.01)
    assert len(lab["train_loader"]) == math.ceil(1078 / 64) == 17


def test_early_stopping_keeps_the_best_validation_epoch(lab):
    history = lab["history"]
    val_losses = [h[3] for h in history]
    assert lab["best_epoch"] == history[val_losses.index(min(val_losses))][0]
    assert lab["best_val_loss"] == min(val_losses)
    state = lab["model"].state_dict()
    assert all(torch.equal(state[k], v) for k, v in lab["best_state"].items())
    # stopped either at the epoch limit or PATIENCE epochs after the best one
    assert lab["epoch"] == int(EPOCHS) or lab["epoch"] - lab["best_epoch"] == lab["PATIENCE"]


def test_exercise_patience_1_stops_at_epoch_5(lab):
    # exercise 4: "第 4 轮的验证损失是 0.1588，第 5 轮回升到 0.2064 ... PATIENCE = 1 时训练在第 5 轮就停止，
    # 恢复第 4 轮的参数，它在验证集上的准确率约为 0.96，而耐心为 5 时最终保留的参数约为 0.98"
    history = lab["history"]
    val_loss = {h[0]: h[3] for h in history}
    val_acc = {h[0]: h[4] for h in history}
    assert (round(val_loss[4], 4), round(val_loss[5], 4)) == (0.1588, 0.2064)
    first_rise = next(e for e in range(2, len(history) + 1)
                      if val_loss[e] >= min(val_loss[k] for k in range(1, e)))
    assert first_rise == 5
    assert round(val_acc[4], 2) == 0.96
    assert round(val_acc[lab["best_epoch"]], 2) == 0.98


def test_state_dict_round_trip_gives_the_same_model(lab):
    restored, model = lab["restored"], lab["model"]
    assert list(model.state_dict()) == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"]
    pairs = zip(model.state_dict().values(), restored.state_dict().values(), strict=True)
    assert all(torch.equal(a, b) for a, b in pairs)
    assert lab["restored_acc"] == lab["test_acc"]
    assert f"加载后的测试准确率: {lab['test_acc']:.4f}" in lab["stdout"]


def test_exercise_double_softmax_floor_is_1_4612():
    # exercise 2: with a second softmax the loss cannot go below log(1 + 9/e) ≈ 1.4612
    perfect = torch.tensor([[1.0] + [0.0] * 9])
    loss = torch.nn.CrossEntropyLoss()(perfect, torch.tensor([0])).item()
    assert loss == pytest.approx(math.log(1 + 9 / math.e), abs=1e-6)
    assert round(loss, 4) == 1.4612


def test_progress_output_is_clean_and_has_no_timings(lab):
    lines = lab["stdout"].splitlines()
    bars = [line for line in lines if line.startswith("训练 |")]
    epochs = [line for line in lines if line.startswith("第 ")]
    assert len(bars) == 1 and len(epochs) == lab["epoch"]
    assert f"| {lab['epoch']}/{EPOCHS} 轮" in bars[0]
    assert not re.search(r"\d+:\d\d|it/s|s/it", lab["stdout"])  # no elapsed time or rate: reproducible


# ---------------------------------------------------------------- the notebook
def test_committed_ipynb_is_the_jupytext_conversion_of_the_py():
    # Colab opens docs/feedforward/lab_mlp.ipynb on GitHub: it must match the .py
    # (regenerate with `python hooks/notebooks.py`)
    assert IPYNB.read_text(encoding="utf-8") == hook.to_ipynb(LAB)
    nb = nbformat.reads(IPYNB.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The .ipynb run top to bottom in a fresh kernel, as a reader's Jupyter would."""
    nb = nbformat.reads(hook.to_ipynb(LAB), as_version=4)
    folder = tmp_path_factory.mktemp("kernel")
    config = Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "k")}})
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LAB_MAX_EPOCHS", EPOCHS)
        NotebookClient(nb, kernel_name="python3", timeout=300, allow_errors=False, coalesce_streams=True,
                       config=config, resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def test_notebook_runs_in_a_fresh_kernel_without_errors_or_warnings(executed):
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the digits and the learning curves


def test_two_executions_print_the_same(lab, executed):
    # determinism: the kernel (another process) prints exactly what the script printed
    printed = "".join(o.text for cell in executed.cells if cell.cell_type == "code"
                      for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
    assert settle(printed) == lab["stdout"]
    assert "测试准确率" in printed


# ---------------------------------------------------------------- the built page
@pytest.fixture(scope="module")
def page(site_dir):
    html = (site_dir / "feedforward" / "lab_mlp" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_page_shows_outputs_of_this_build(page):
    text = page.get_text()
    assert "参数总数: 7510" in text and "autograd: -42.0" in text
    accuracy = re.search(r"测试准确率 (\d\.\d{4})", text)
    assert accuracy and float(accuracy.group(1)) >= 0.95
    bars = [line for line in text.splitlines() if line.startswith("训练 |")]
    assert len(bars) == 1  # tqdm's carriage returns settled: one final bar, not one per refresh


def test_page_weight_is_within_twice_a_markdown_page(site_dir):
    # issue: "bring the page weight down to within 2× a Markdown chapter page"
    lab_bytes = (site_dir / "feedforward" / "lab_mlp" / "index.html").stat().st_size
    markdown_bytes = (site_dir / "cnn" / "conv1d" / "index.html").stat().st_size
    assert lab_bytes <= 2 * markdown_bytes, (lab_bytes, markdown_bytes)


def test_page_has_no_jupyterlab_css_mathjax_or_mermaid(page):
    article = page.select_one("article")
    assert not article.find("style")
    assert not [s for s in page.find_all("script") if "mathjax" in str(s).lower() or "mermaid" in str(s)]
    assert not page.select("clipboard-copy, .jupyter-wrapper, .clipboard-copy-txt")
    [link] = article.select("link[rel=stylesheet]")
    assert link["href"] == "../../assets/css/notebook.css"


def test_page_images_are_files_with_alt_text(page, site_dir):
    images = page.select("article img")
    assert len(images) == 2
    for img in images:
        assert not img["src"].startswith("data:")
        assert (site_dir / "feedforward" / "lab_mlp" / img["src"]).is_file()
        assert "代码单元输出的图像" in img["alt"]


def test_download_and_colab_links(page, site_dir):
    download = page.select_one(".nb-actions a[download]")
    assert download["href"] == "../lab_mlp.ipynb"
    served = (site_dir / "feedforward" / "lab_mlp.ipynb").read_text(encoding="utf-8")
    assert served == hook.to_ipynb(LAB)
    json.loads(served)
    colab = [a["href"] for a in page.select(".nb-actions a") if "colab" in a["href"]]
    assert colab == ["https://colab.research.google.com/github/nndl-course/nndl-notes/blob/main/"
                     "docs/feedforward/lab_mlp.ipynb"]


def test_code_cells_are_material_blocks_the_snippet_test_does_not_run(page):
    # the site's code-block test runs `div.language-python.highlight` one block at a time in a fresh
    # interpreter; notebook cells depend on earlier cells, so they must not match that selector
    assert page.select("article .nb-cell .highlight pre > code")
    assert not page.select("article .nb-cell div.language-python.highlight")


def test_headings_have_ids_and_toc_and_links_resolve(page, site_dir):
    ids = [h["id"] for h in page.select("article h1, article h2")]
    assert len(ids) == len(set(ids)) and all(ids)
    toc = {a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")}
    assert {f"#{i}" for i in ids if not i.startswith("实验")} <= toc
    [graphs] = {a["href"] for a in page.select("article a") if "computation_graphs" in a["href"]}
    assert graphs == "../computation_graphs/"
    assert (site_dir / "feedforward" / "computation_graphs" / "index.html").is_file()
    assert page.select_one("title").get_text().startswith("2.6 实验：用 PyTorch 搭建前馈神经网络")


# ---------------------------------------------------------------- the hook's parts
def test_cache_key_follows_pins_imports_and_lab_env(tmp_path):
    (tmp_path / "requirements.txt").write_text("torch==2.13.0\n")
    lab = tmp_path / "lab.py"
    lab.write_text("# %%\nimport torch\nfrom localpkg import thing\n")
    (tmp_path / "localpkg").mkdir()
    (tmp_path / "localpkg" / "__init__.py").write_text("thing = 1\n")
    assert hook.imported_names(lab) == {"torch", "localpkg"}
    key = hook.cache_key(tmp_path, [lab], {})
    assert hook.cache_key(tmp_path, [lab], {"HOME": "/x"}) == key
    assert hook.cache_key(tmp_path, [lab], {"LAB_MAX_EPOCHS": "3"}) != key
    (tmp_path / "localpkg" / "__init__.py").write_text("thing = 2\n")
    key2 = hook.cache_key(tmp_path, [lab], {})
    assert key2 != key
    (tmp_path / "requirements.txt").write_text("torch==2.14.0\n")
    assert hook.cache_key(tmp_path, [lab], {}) != key2


def test_colab_url_only_for_github():
    assert hook.colab_url("https://github.com/a/b", "docs/x.ipynb") == \
        "https://colab.research.google.com/github/a/b/blob/main/docs/x.ipynb"
    assert hook.colab_url("https://github.com/a/b.git/", "n.ipynb").endswith("/github/a/b/blob/main/n.ipynb")
    assert hook.colab_url("https://gitlab.com/a/b", "n.ipynb") is None
    assert hook.colab_url(None, "n.ipynb") is None


def test_unexpected_markup_before_the_notebook_is_refused():
    ok = '<style>x</style>\n<script>y</script><!-- c --><div class="jupyter-wrapper">z</div>'
    assert hook.drop_head_resources(ok) == '<div class="jupyter-wrapper">z</div>'
    with pytest.raises(hook.PluginError, match="unexpected markup"):
        hook.drop_head_resources('<p>surprise</p><div class="jupyter-wrapper"></div>')
    with pytest.raises(hook.PluginError, match="jupyter-wrapper"):
        hook.drop_head_resources("<div>no notebook</div>")


def test_settle_keeps_what_a_terminal_shows():
    assert settle("\r 0%|  |\r          \rline 1\n\r50%|# |\r100%|##|\n") == "line 1\n100%|##|\n"


def test_line_breaks_between_chinese_characters_are_dropped():
    # a wrapped source line would otherwise show as a space between two Chinese characters
    soup = BeautifulSoup("<div><p>对照，\n同一台 PyTorch\n中文<code>甲\n乙</code></p></div>", "html.parser")
    hook.join_cjk_lines(soup.div)
    assert str(soup) == "<div><p>对照，同一台 PyTorch\n中文<code>甲\n乙</code></p></div>"


def test_notebook_math_becomes_arithmatex_boxes_outside_code():
    cell = "<div><p>令 $x_i^2$，且 $$a &lt; b$$ 成立；<code>$HOME$</code></p></div>"
    soup = BeautifulSoup(cell, "html.parser")
    hook.mark_math(soup, soup.div)
    assert str(soup) == ('<div><p>令 <span class="arithmatex">\\(x_i^2\\)</span>，且 '
                         '<span class="arithmatex">\\[a &lt; b\\]</span> 成立；<code>$HOME$</code></p></div>')


def test_an_unpaired_dollar_in_a_notebook_cell_is_a_build_error():
    soup = BeautifulSoup("<div><p>价格 $5，公式 $x$</p></div>", "html.parser")
    with pytest.raises(hook.PluginError, match="unpaired"):
        hook.mark_math(soup, soup.div)


def test_every_formula_of_the_lab_is_typeset_in_the_build(page):
    boxes = page.select("article .nb-markdown .arithmatex")
    assert len(boxes) == 33 and all(box.select_one(".katex math annotation") for box in boxes)
    assert sum(box.select_one(".katex-display") is not None for box in boxes) == 2  # the two $$ blocks
    sources = [box.select_one("annotation").get_text() for box in boxes]
    assert sources[-1] == r"-\log\dfrac{e}{e+9} = \log(1 + 9/e) \approx 1.4612"
    assert "$" not in "".join(p.get_text() for p in page.select("article .nb-markdown p"))


def test_links_to_other_pages_resolve_on_the_site_and_in_the_download(page, site_dir):
    # on the page: relative links to built pages; in the .ipynb (Jupyter, Colab): the published site
    relative = [a["href"] for a in page.select("article .nb-markdown a[href]")
                if not a["href"].startswith(("http", "#"))]
    assert len(relative) == 8
    base = site_dir / "feedforward" / "lab_mlp"
    assert all((base / href / "index.html").resolve().is_file() for href in relative), relative
    nb = nbformat.reads(IPYNB.read_text(encoding="utf-8"), as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert ".md)" not in markdown
    assert "](https://nndl-course.github.io/nndl-notes/ml_basics/early_stopping/)" in markdown


def test_site_links_rewrite_md_links_to_the_published_pages(tmp_path):
    docs = tmp_path / "docs"
    (docs / "ch").mkdir(parents=True)
    source = docs / "ch" / "lab.py"
    text = "[a](other.md) [b](../x/index.md#part) [c](index.md) [d](https://e.org/y.md) [e](img.png)"
    assert hook.site_links(text, source, docs, "https://s.io/n/") == (
        "[a](https://s.io/n/ch/other/) [b](https://s.io/n/x/#part) [c](https://s.io/n/ch/) "
        "[d](https://e.org/y.md) [e](img.png)")
