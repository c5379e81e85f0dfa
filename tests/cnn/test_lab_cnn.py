"""The lab 3.15 (docs/cnn/lab_cnn.py): its numbers, its notebook, its page.

Like tests/feedforward/test_lab_mlp.py, three runs back it up:

- the lab run as a script in this process (``runpy``) with its default epoch limit (early stopping ends
  both trainings well before it, so the numbers are the build's): every number the page states is asserted
  on the script's own variables, and the exercises' answers run the code they show;
- the generated ``.ipynb`` run top to bottom in a fresh Jupyter kernel: it prints exactly what the script
  printed (Restart & Run All gives the page's numbers);
- the site built by tests/conftest.py: the page carries the executed outputs and the download links.
"""

from __future__ import annotations

import contextlib
import copy
import html
import io
import platform
import re
import runpy
from pathlib import Path

import matplotlib
import nbformat
import numpy as np
import pytest
import sklearn
import torch
from bs4 import BeautifulSoup
from torch import nn

import hooks.notebooks as hook

ROOT = Path(__file__).resolve().parents[2]
LAB = ROOT / "docs" / "cnn" / "lab_cnn.py"
IPYNB = LAB.with_suffix(".ipynb")
MLP_LAB = ROOT / "docs" / "feedforward" / "lab_mlp.py"
SOURCE = LAB.read_text(encoding="utf-8")


def run_lab() -> dict:
    """Run the lab's source as a script; return its globals and what it printed."""
    import matplotlib.pyplot as plt

    threads = torch.get_num_threads()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        env = runpy.run_path(str(LAB), run_name="__main__")
    env["figures"] = [plt.figure(n) for n in plt.get_fignums()]
    env["stdout"] = out.getvalue()
    torch.set_num_threads(threads)  # the lab pins one thread; give the other tests theirs back
    return env


@pytest.fixture(scope="module")
def lab():
    import matplotlib.pyplot as plt

    env = run_lab()
    yield env
    plt.close("all")


# ---------------------------------------------------------------- the first cell, the data, the models
def test_first_cell_prints_the_versions(lab):
    lines = lab["stdout"].splitlines()
    assert lines[0] == f"Python {platform.python_version()}"
    assert lines[1] == (f"torch {torch.__version__} | numpy {np.__version__} | "
                        f"scikit-learn {sklearn.__version__}")


def test_split_is_the_one_of_lab_2_6(lab):
    # "划分方法与实验 2.8 一字不差：同一个种子、分层抽样、60% / 20% / 20%"
    from sklearn.model_selection import train_test_split

    mlp_source = MLP_LAB.read_text(encoding="utf-8")
    assert "SEED = 0" in mlp_source and "SEED = 0" in SOURCE
    for call in ("inputs, labels, test_size=0.4, stratify=labels, random_state=SEED",
                 "X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=SEED"):
        assert call in " ".join(mlp_source.split()), call
    # lab 2.8 splits the flattened images: the same rows land in the same parts
    digits = lab["digits"]
    inputs = digits.images.reshape(len(digits.images), -1) / 16.0
    X_train, X_rest, y_train, y_rest = train_test_split(
        inputs, digits.target, test_size=0.4, stratify=digits.target, random_state=0)
    X_val, X_test, y_val, y_test = train_test_split(
        X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=0)
    for ours, theirs in [("X_train", X_train), ("X_val", X_val), ("X_test", X_test)]:
        assert np.array_equal(lab[ours].reshape(len(theirs), -1), theirs)
    for ours, theirs in [("y_train", y_train), ("y_val", y_val), ("y_test", y_test)]:
        assert np.array_equal(lab[ours], theirs)
    assert [len(lab[n]) for n in ("train_set", "val_set", "test_set")] == [1078, 359, 360]
    assert "训练/验证/测试: 1078 359 360" in lab["stdout"]
    assert tuple(lab["train_set"][0][0].shape) == (1, 8, 8)
    assert lab["train_set"].tensors[0].dtype == torch.float32
    assert lab["images"].min() == 0.0 and lab["images"].max() == 1.0


def test_mlp_and_recipe_are_those_of_lab_2_6(lab):
    # "MLP 就是实验 2.8 的 64 → 100 → 10 网络" and "实验 2.8 的配方"
    mlp_source = " ".join(MLP_LAB.read_text(encoding="utf-8").split())
    for piece in ("nn.Linear(64, 100)", "nn.Linear(100, 10)", "nn.ReLU()", "BATCH_SIZE = 64",
                  "lr=0.1, momentum=0.9", "PATIENCE = 5", "nn.CrossEntropyLoss()",
                  "generator=torch.Generator().manual_seed(SEED)"):
        assert piece in mlp_source, piece
    lab_source = " ".join(SOURCE.split())
    for piece in ("batch_size=64, shuffle=True", "generator=torch.Generator().manual_seed(SEED)",
                  "lr=0.1, momentum=0.9", "patience=5"):
        assert piece in lab_source, piece
    # the same parameters, initialised the same way from the same seed as lab 2.8's MLP class
    torch.manual_seed(0)
    hidden, output = nn.Linear(64, 100), nn.Linear(100, 10)
    torch.manual_seed(0)
    ours = lab["make_mlp"]()
    theirs = [hidden.weight, hidden.bias, output.weight, output.bias]
    assert all(torch.equal(p, q) for p, q in zip(ours.parameters(), theirs, strict=True))


def test_no_cell_draws_from_the_training_loader_before_training():
    # Restart & Run All: nothing but fit() may consume the shuffling generator
    assert "iter(" not in SOURCE and "next(" not in SOURCE


def test_parameter_counts_by_the_formula(lab):
    # "(1·9 + 1)·16 = 160", "(16·9 + 1)·32 = 4640", "(128 + 1)·10 = 1290", "合计 160 + 4640 + 1290 = 6090"
    def conv(c_in, c_out, K):
        return (c_in * K * K + 1) * c_out

    assert conv(1, 16, 3) == 160 and conv(16, 32, 3) == 4640 and (128 + 1) * 10 == 1290
    assert lab["n_params"](lab["cnn"]) == 160 + 4640 + 1290 == 6090
    per_layer = [lab["n_params"](layer) for layer in lab["cnn"]]
    assert per_layer == [160, 0, 0, 4640, 0, 0, 0, 1290]
    assert lab["n_params"](lab["mlp"]) == 7510
    # "CNN 的参数比 MLP 少约五分之一", "第一层 64×100 的权重就占了 6400 个"
    assert round(1 - 6090 / 7510, 1) == 0.2
    assert lab["mlp"][1].weight.numel() == 6400
    assert "CNN 参数总数: 6090" in lab["stdout"] and "MLP 参数总数: 7510" in lab["stdout"]


def test_shape_trace_follows_the_output_size_formula(lab):
    # 8 -> 8 (same convolution, P = 1) -> 4 (pool) -> 4 -> 2, then 32·2·2 = 128
    def size(M, K, S=1, P=0):
        return (M + 2 * P - K) // S + 1

    sides = [size(8, 3, 1, 1), size(8, 2, 2), size(4, 3, 1, 1), size(4, 2, 2)]
    assert sides == [8, 4, 4, 2] and 32 * 2 * 2 == 128
    shapes = re.findall(r"^(\w+)\s+-> (\(.*?\))\s+参数 (\d+)$", lab["stdout"], re.M)
    assert [(name, shape) for name, shape, _ in shapes] == [
        ("Conv2d", "(1, 16, 8, 8)"), ("ReLU", "(1, 16, 8, 8)"), ("MaxPool2d", "(1, 16, 4, 4)"),
        ("Conv2d", "(1, 32, 4, 4)"), ("ReLU", "(1, 32, 4, 4)"), ("MaxPool2d", "(1, 32, 2, 2)"),
        ("Flatten", "(1, 128)"), ("Linear", "(1, 10)")]


@pytest.mark.parametrize("kernel_size", [0, 2, 4])
def test_make_cnn_rejects_an_even_kernel(lab, kernel_size):
    with pytest.raises(ValueError, match="^kernel_size "):
        lab["make_cnn"](kernel_size=kernel_size)


# ---------------------------------------------------------------- training and test accuracy
def test_both_trainings_stop_early_and_keep_the_best_epoch(lab):
    for name in ("mlp", "cnn"):
        history, best = lab[f"{name}_history"], lab[f"{name}_best"]
        losses = [h[1] for h in history]
        assert history[best - 1][0] == best and losses[best - 1] == min(losses)
        assert len(history) - best == 5 < lab["MAX_EPOCHS"] - best  # stopped by patience, not the limit
        assert lab["evaluate"](lab[name], lab["val_set"])[0] == min(losses)
    assert f"验证损失最低的是第 {lab['cnn_best']} 轮" in lab["stdout"]


def test_test_accuracies(lab):
    # the task's target: the CNN reaches >= 0.97 on the test set
    mlp, cnn = lab["mlp_test_acc"], lab["cnn_test_acc"]
    assert cnn >= 0.97
    # "参数更少的 CNN 测试准确率更高"; "准确率每差 0.0028 就是一张图"; "几张图的量级"
    assert cnn > mlp and round(1 / 360, 4) == 0.0028
    assert 1 <= round((cnn - mlp) * 360) <= 9
    # the exercises' "0.97 多" for the MLP and the printed lines
    assert 0.97 < mlp < 0.98
    assert f"CNN: 参数 6090，测试准确率 {cnn:.4f}" in lab["stdout"]
    assert f"MLP: 参数 7510，测试准确率 {mlp:.4f}" in lab["stdout"]


# ---------------------------------------------------------------- the shift experiment
def test_shift_moves_the_image_and_fills_zeros(lab):
    shift = lab["shift"]
    images = torch.arange(1.0, 17.0).view(1, 1, 4, 4)
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            expected = torch.roll(images, (dy, dx), dims=(2, 3))
            if dy:
                expected[..., 0 if dy > 0 else -1, :] = 0
            if dx:
                expected[..., :, 0 if dx > 0 else -1] = 0
            assert torch.equal(shift(images, dy, dx), expected), (dy, dx)
    assert shift(images, 1, 0)[0, 0, 1, 0].item() == 1.0  # "向下平移"：row 0 moves to row 1


@pytest.mark.parametrize(("dy", "dx"), [(2, 0), (0, -2), (0.5, 0)])
def test_shift_rejects_moves_other_than_one_pixel(lab, dy, dx):
    with pytest.raises(ValueError, match="^dy、dx "):
        lab["shift"](torch.zeros(1, 1, 8, 8), dy, dx)


def test_random_shift_moves_each_image_by_at_most_one_pixel(lab):
    images = torch.zeros(50, 1, 8, 8)
    images[:, 0, 3, 4] = 1.0
    moved = lab["random_shift"](images, torch.Generator().manual_seed(1))
    rows, cols = (moved[:, 0] == 1).nonzero()[:, 1], (moved[:, 0] == 1).nonzero()[:, 2]
    assert moved.sum() == 50 and set((rows - 3).tolist()) == {-1, 0, 1} == set((cols - 4).tolist())


def test_shifted_accuracies_and_the_prose(lab):
    mlp, cnn = lab["mlp_shifted"], lab["cnn_shifted"]
    assert list(mlp) == list(cnn) == ["上移", "下移", "左移", "右移"]
    mlp_mean, cnn_mean = lab["mlp_shift_mean"], lab["cnn_shift_mean"]
    assert mlp_mean == pytest.approx(np.mean(list(mlp.values()))) and len(mlp) == 4
    # "MLP 的准确率从 0.97 多掉到平均 0.44：一半以上的数字认错了"; "CNN 平均还有 0.65"
    assert round(mlp_mean, 2) == 0.44 and mlp_mean < 0.5
    assert round(cnn_mean, 2) == 0.65
    # "好得多，但也远没有做到不变": every direction, the CNN keeps more and still loses a lot
    assert all(cnn[d] > mlp[d] for d in mlp) and max(cnn.values()) < lab["cnn_test_acc"] - 0.15
    for name in mlp:
        assert f"{name}   {mlp[name]:.4f}  {cnn[name]:.4f}" in lab["stdout"]
    assert f"平均   {mlp_mean:.4f}  {cnn_mean:.4f}" in lab["stdout"]


def test_max_pooling_keeps_some_features_and_moves_others():
    # "有的特征仍留在原来的汇聚窗口里 … 有的却跨进了相邻的窗口": a 1-px shift of one feature
    pool = nn.MaxPool2d(2)
    stayed = moved = 0
    for col in range(7):
        x = torch.zeros(1, 1, 8, 8)
        x[0, 0, 3, col] = 1.0
        before, after = pool(x), pool(torch.roll(x, 1, dims=3))
        stayed += torch.equal(before, after)
        moved += torch.equal(torch.roll(before, 1, dims=3), after)
    assert stayed > 0 and moved > 0 and stayed + moved == 7


# ---------------------------------------------------------------- the figures
def test_figures_fit_a_phone(lab):
    # two figures (the validation curves and the feature maps), ≤ 4.9 in wide with no text under 10 pt
    figures = lab["figures"]
    assert len(figures) == 2
    for fig in figures:
        assert fig.get_size_inches()[0] <= 4.9
        texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip() and t.get_visible()]
        assert texts and min(t.get_fontsize() for t in texts) >= 10


def test_feature_maps_are_the_first_layer_after_relu(lab):
    maps, image = lab["maps"], lab["image"]
    assert tuple(maps.shape) == (16, 8, 8) and (maps >= 0).all()
    with torch.no_grad():
        expected = torch.relu(lab["cnn"][0](image))[0]
    assert torch.equal(maps, expected)
    assert f"这张图的标签: {lab['y_test'][0]}" in lab["stdout"]


# ---------------------------------------------------------------- the exercises run what they show
def answer_code(index: int) -> str:
    """The code of the ``index``-th <pre><code> block in the lab's Markdown cells."""
    blocks = re.findall(r"^# <pre[^>]*><code>(.*?)</code></pre>$", SOURCE, re.M | re.S)
    return html.unescape("\n".join(line.removeprefix("# ").removeprefix("#")
                                   for line in blocks[index].splitlines()))


def run_answer(lab, index: int) -> dict:
    namespace = dict(lab)
    out = io.StringIO()
    threads = torch.get_num_threads()
    with contextlib.redirect_stdout(out):
        exec(answer_code(index), namespace)  # noqa: S102 - the page's own answer code
    torch.set_num_threads(threads)
    namespace["answer_stdout"] = out.getvalue()
    return namespace


def test_exercise_1_without_pooling(lab):
    # "(2048+1)×10 = 20490", "160 + 4640 + 20490 = 25290, 是原来的 4 倍多";
    # "测试准确率约为 0.98 … 平移后的平均准确率只有约 0.50，比有汇聚时的 0.65 低得多"
    ns = run_answer(lab, 0)
    model = ns["no_pool"]
    assert 32 * 8 * 8 == 2048 and (2048 + 1) * 10 == 20490
    assert lab["n_params"](model) == 160 + 4640 + 20490 == 25290 and 25290 // 6090 == 4
    acc = lab["evaluate"](model, lab["test_set"])[1]
    shifted = np.mean(list(lab["shifted_accuracies"](model).values()))
    assert round(acc, 2) == 0.98 and round(shifted, 2) == 0.50
    # "把全连接层的输入从 2048 个数减到 128 个，全连接层的参数只剩约十六分之一"
    assert model[-1].in_features == 2048 and lab["cnn"][-1].in_features == 128
    assert round(20490 / 1290) == 16


def test_exercise_2_kernel_5_counts_and_receptive_fields(lab):
    # "416 + 12832 + 1290 = 14538"; receptive fields "3 + 1 + 2×2 = 8" and "5 + 1 + 4×2 = 14"
    assert (25 + 1) * 16 == 416 and (16 * 25 + 1) * 32 == 12832
    assert lab["n_params"](lab["make_cnn"](kernel_size=5)) == 416 + 12832 + 1290 == 14538
    for K, expected in [(3, 8), (5, 14)]:
        assert K + 1 + (K - 1) * 2 == expected
        # measured: the input pixels one output of the second convolution depends on, in a
        # linear copy of the network (all weights 1, average pooling) on a large input
        net = lab["make_cnn"](kernel_size=K)
        linear = nn.Sequential(copy.deepcopy(net[0]), nn.AvgPool2d(2), copy.deepcopy(net[3]))
        for layer in (linear[0], linear[2]):
            nn.init.ones_(layer.weight)
            nn.init.zeros_(layer.bias)
        x = torch.ones(1, 1, 40, 40, requires_grad=True)
        linear(x)[0, 0, 10, 10].backward()
        rows = x.grad[0, 0].abs().sum(dim=1).nonzero().flatten()
        assert len(rows) == rows.max() - rows.min() + 1 == expected


def test_exercise_3_fewer_channels(lab):
    # "40 + 296 + 330 = 666 个参数，不到 MLP 的十分之一"; "测试准确率约为 0.94"
    ns = run_answer(lab, 1)
    assert (9 + 1) * 4 == 40 and (4 * 9 + 1) * 8 == 296 and (32 + 1) * 10 == 330
    assert lab["n_params"](ns["small"]) == 666 < 7510 / 10
    assert round(lab["evaluate"](ns["small"], lab["test_set"])[1], 2) == 0.94


def test_exercise_4_data_augmentation(lab):
    # "CNN 在原图上的测试准确率约为 0.99，平移后平均约为 0.98"; "MLP 平移后平均也升到约 0.93，
    # 但代价是原图上的准确率从 0.97 多降到约 0.93"
    ns = run_answer(lab, 2)
    cnn, mlp = ns["cnn_aug"], ns["mlp_aug"]
    results = {}
    for name, model in (("mlp", mlp), ("cnn", cnn)):
        results[name] = (lab["evaluate"](model, lab["test_set"])[1],
                         np.mean(list(lab["shifted_accuracies"](model).values())))
    assert (round(results["cnn"][0], 2), round(results["cnn"][1], 2)) == (0.99, 0.98)
    assert (round(results["mlp"][0], 2), round(results["mlp"][1], 2)) == (0.93, 0.93)
    assert results["mlp"][0] < lab["mlp_test_acc"] and results["cnn"][0] >= lab["cnn_test_acc"]
    printed = ns["answer_stdout"].splitlines()[-2:]
    assert printed == [f"{acc} {mean}" for acc, mean in (results["mlp"], results["cnn"])]


def test_exercise_5_numbers():
    # "150528×100 ≈ 1.5×10^7"; "(3·9+1)·16 = 448"
    assert 3 * 224 * 224 == 150528 and f"{150528 * 100:.1e}" == "1.5e+07"
    assert sum(p.numel() for p in nn.Conv2d(3, 16, 3).parameters()) == (3 * 9 + 1) * 16 == 448


# ---------------------------------------------------------------- the notebook
def test_committed_ipynb_is_the_jupytext_conversion_of_the_py():
    # Colab opens docs/cnn/lab_cnn.ipynb on GitHub (regenerate with `python hooks/notebooks.py`)
    assert IPYNB.read_text(encoding="utf-8") == hook.to_ipynb(LAB)
    nb = nbformat.reads(IPYNB.read_text(encoding="utf-8"), as_version=4)
    nbformat.validate(nb)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


@pytest.fixture(scope="module")
def executed(run_notebook):
    """The .ipynb run top to bottom in a fresh kernel, as Restart & Run All would."""
    return run_notebook(hook.to_ipynb(LAB))


def test_notebook_prints_what_the_script_printed(lab, executed):
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == 2
    printed = "".join(o.text for o in outputs if o.output_type == "stream" and o.name == "stdout")
    assert printed == lab["stdout"]
    first = next(cell for cell in executed.cells if cell.cell_type == "code")
    assert "".join(o.text for o in first.outputs).startswith(f"Python {platform.python_version()}\ntorch ")


# ---------------------------------------------------------------- the built page
@pytest.fixture(scope="module")
def page(site_dir):
    text = (site_dir / "cnn" / "lab_cnn" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(text, "html.parser")


def test_page_shows_this_builds_outputs_and_its_nav_title(page, lab, nav_title):
    text = page.get_text()
    assert "CNN 参数总数: 6090" in text
    assert f"CNN: 参数 6090，测试准确率 {lab['cnn_test_acc']:.4f}" in text
    assert f"平均   {lab['mlp_shift_mean']:.4f}  {lab['cnn_shift_mean']:.4f}" in text
    assert page.select_one("title").get_text().startswith(nav_title("cnn/lab_cnn.py"))
    assert re.match(r"3\.\d+ 实验：用 PyTorch 搭建卷积神经网络$", nav_title("cnn/lab_cnn.py"))


def test_page_images_links_and_downloads(page, site_dir):
    images = page.select("article img")
    assert len(images) == 2
    assert all((site_dir / "cnn" / "lab_cnn" / img["src"]).is_file() for img in images)
    download = page.select_one(".nb-actions a[download]")
    assert download["href"] == "../lab_cnn.ipynb"
    assert (site_dir / "cnn" / "lab_cnn.ipynb").read_text(encoding="utf-8") == hook.to_ipynb(LAB)
    colab = [a["href"] for a in page.select(".nb-actions a") if "colab" in a["href"]]
    assert colab == ["https://colab.research.google.com/github/nndl-course/nndl-notes/blob/main/"
                     "docs/cnn/lab_cnn.ipynb"]
    relative = [a["href"] for a in page.select("article .nb-markdown a[href]")
                if not a["href"].startswith(("http", "#"))]
    base = site_dir / "cnn" / "lab_cnn"
    assert relative and all((base / href / "index.html").resolve().is_file() for href in relative)


def test_page_formulas_are_typeset_and_weight_is_small(page, site_dir):
    boxes = page.select("article .nb-markdown .arithmatex")
    assert boxes and all(box.select_one(".katex") for box in boxes)
    assert "$" not in "".join(p.get_text() for p in page.select("article .nb-markdown p"))
    lab_bytes = (site_dir / "cnn" / "lab_cnn" / "index.html").stat().st_size
    assert lab_bytes <= 2 * (site_dir / "cnn" / "conv1d" / "index.html").stat().st_size


def test_some_feature_maps_are_almost_all_zero(lab):
    # "还有几张在这张图上几乎处处为 0"
    nearly_empty = [c for c, m in enumerate(lab["maps"]) if (m > 0).sum() <= 3]
    assert len(nearly_empty) >= 2, nearly_empty
