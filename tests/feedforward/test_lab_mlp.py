"""The PyTorch lab of chapter 2 (docs/feedforward/lab_mlp.py): its numbers, its notebook, its page.

The lab is a docs page, not a snippet, so its tests live at depth 2 (tests/<chapter>/) where the layout
test does not map them to a snippet module. Four kinds of run back it up:

- the lab run as a script in this process (``runpy``), exactly as the site builds it (60 epochs at most,
  early stopping): every number the page states about this run is asserted on the script's own variables;
- the code of each exercise answer, taken from the page's Markdown and run in the lab's namespace: every
  number an answer quotes is asserted on what that code prints or returns;
- the lab's source with one change (the preview cell left out or run twice, ``zero_grad()`` deleted),
  run the same way: the numbers that must not change do not, and the answer that describes the change
  is what really happens;
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
import platform
import re
import runpy
from pathlib import Path
from urllib.parse import unquote

import jupytext
import nbformat
import numpy as np
import pytest
import sklearn
import torch
from bs4 import BeautifulSoup

import hooks.notebooks as hook

ROOT = Path(__file__).resolve().parents[2]
LAB = ROOT / "docs" / "feedforward" / "lab_mlp.py"
IPYNB = LAB.with_suffix(".ipynb")
NAV_PATH = "feedforward/lab_mlp.py"


# ---------------------------------------------------------------- helpers
def settle(text: str) -> str:
    """What a terminal or Jupyter finally shows of a stream with carriage returns (tqdm)."""
    text = re.sub(r"\r+\n", "\n", text)
    return re.sub(r".*\r(?=[^\n])", "", text)


def summaries(text: str) -> list[str]:
    """The one-line summaries that ``run`` prints."""
    return [line.strip() for line in settle(text).splitlines() if line.strip().startswith("最好的是第")]


def capture(code: str, env: dict) -> str:
    """Execute ``code`` in ``env`` and return what it printed (settled as a terminal shows it)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # a UTF-8 terminal: tqdm draws █, not #
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as in the notebook, which pins one thread in its first cell
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(LAB), "exec"), env)
    finally:
        torch.set_num_threads(threads)
    out.flush()
    return settle(out.buffer.getvalue().decode("utf-8"))


def lab_source() -> str:
    """The lab's code cells, in order, as one script (what Restart & Run All executes)."""
    return "\n\n".join(c.source for c in jupytext.read(LAB).cells if c.cell_type == "code")


def run_lab(source: str, epochs: str | None = None) -> dict:
    """Run the lab's code (possibly changed) as a fresh script; return its globals and what it printed."""
    import matplotlib.pyplot as plt

    env = {"__name__": "__main__", "__file__": str(LAB)}
    with pytest.MonkeyPatch.context() as mp:
        if epochs is None:
            mp.delenv("LAB_MAX_EPOCHS", raising=False)
        else:
            mp.setenv("LAB_MAX_EPOCHS", epochs)
        env["stdout"] = capture(source, env)  # capture() gives the other tests their threads back
    plt.close("all")
    return env


def answers() -> list[str]:
    """The Markdown of each exercise answer (``<details>`` block), in page order."""
    markdown = "\n".join(c.source for c in jupytext.read(LAB).cells if c.cell_type == "markdown")
    return re.findall(r'<details class="success"><summary>答案</summary>(.*?)</details>', markdown, re.S)


def answer_code(number: int) -> str:
    """The Python code of exercise ``number`` (1-based)."""
    blocks = re.findall(r"```python\n(.*?)```", answers()[number - 1], re.S)
    assert len(blocks) == 1, f"exercise {number} should have one code block"
    return blocks[0]


# ---------------------------------------------------------------- the lab as a script
@pytest.fixture(scope="module")
def lab():
    """Run the lab's source as a script, as the site's build does; return its globals and its output."""
    import matplotlib.pyplot as plt

    threads = torch.get_num_threads()
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp, contextlib.redirect_stdout(out):
        mp.delenv("LAB_MAX_EPOCHS", raising=False)
        env = runpy.run_path(str(LAB), run_name="__main__")
    out.flush()
    plt.close("all")
    torch.set_num_threads(threads)
    env["stdout"] = settle(out.buffer.getvalue().decode("utf-8"))
    return env


def epoch_row(lab, epoch: int) -> tuple:
    row = lab["history"][epoch - 1]
    assert row[0] == epoch
    return row


def test_first_cell_prints_the_versions_it_runs_with(lab):
    # "所用的版本由下面第一个单元格打印出来"
    first = next(c.source for c in jupytext.read(LAB).cells if c.cell_type == "code")
    assert "torch.__version__" in first and "sklearn.__version__" in first
    versions = (f"Python {platform.python_version()} | torch {torch.__version__} "
                f"| numpy {np.__version__} | scikit-learn {sklearn.__version__}")
    assert lab["stdout"].splitlines()[0] == versions
    assert lab["device"] == torch.device("cpu")  # the page's numbers are a CPU run
    assert lab["MAX_EPOCHS"] == 60


def test_test_accuracy_reaches_the_target(lab):
    # the target: test accuracy >= 0.95 on the digits
    assert lab["test_acc"] >= 0.95
    assert lab["test_acc"] == lab["evaluate"](lab["model"], lab["test_loader"], lab["loss_fn"])[1]
    assert f"测试准确率 {lab['test_acc']:.4f}" in lab["stdout"]


def test_parameter_count_is_7510_by_the_formula(lab):
    # "(64×100 + 100) + (100×10 + 10) = 6500 + 1010 = 7510", "这个网络只有 7510 个参数",
    # and the chapter index's "7510 个参数"
    sizes = [64, 100, 10]
    by_formula = sum(m * n + n for m, n in zip(sizes, sizes[1:], strict=False))
    assert lab["n_params"] == by_formula == 6500 + 1010 == 7510
    numel = {name: p.numel() for name, p in lab["model"].named_parameters()}
    assert numel == {"hidden.weight": 6400, "hidden.bias": 100, "output.weight": 1000, "output.bias": 10}
    # "nn.Linear(64, 100) 的权重形状是 (100, 64)"
    assert tuple(lab["model"].hidden.weight.shape) == (100, 64)
    assert sum(p.numel() for p in lab["sequential"].parameters()) == 7510


def test_the_network_is_the_one_the_cnn_lab_compares_with(lab):
    # a CNN lab compares against exactly this MLP: 64-100-10, ReLU, SGD(lr=0.1, momentum=0.9), batch 64
    model = lab["model"]
    assert (model.hidden.in_features, model.hidden.out_features, model.output.out_features) == (64, 100, 10)
    assert isinstance(model.activation, torch.nn.ReLU)
    [group] = lab["optimizer"].param_groups
    assert isinstance(lab["optimizer"], torch.optim.SGD)
    assert (group["lr"], group["momentum"], group["weight_decay"], group["nesterov"]) == (0.1, 0.9, 0, False)
    assert lab["BATCH_SIZE"] == 64 and lab["PATIENCE"] == 5 and lab["SEED"] == 0


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


def test_default_initialisation_is_uniform_within_one_over_sqrt_fan_in(lab):
    # "权重和偏置都从均匀分布 U(−1/√M_in, 1/√M_in) 中抽取 ... 隐藏层的参数都在 ±1/8 之内，
    # 输出层的在 ±1/10 之内"
    torch.manual_seed(lab["SEED"])
    fresh = lab["MLP"]()
    for layer, bound in ((fresh.hidden, 1 / 8), (fresh.output, 1 / 10)):
        for p in (layer.weight, layer.bias):
            assert p.abs().max().item() <= bound
        assert layer.weight.abs().max().item() > 0.99 * bound  # the whole interval is used
        assert abs(layer.weight.mean().item()) < 0.05 * bound
        assert layer.weight.std().item() == pytest.approx(bound / math.sqrt(3), rel=0.05)  # std of U(-a, a)
    assert "隐藏层参数的最大绝对值: 0.125 （上限 1/8 = 0.125）" in lab["stdout"]


def test_tensor_primer_computes_what_nn_linear_computes(lab):
    # "W ∈ R^{M×D} ... Z = XW^T + b ... 这正是 nn.Linear 的计算方式"
    assert tuple(lab["W"].shape) == (4, 3) and tuple(lab["X"].shape) == (2, 3)
    assert lab["Z"].tolist() == [[3.0, 4.0, 5.0, 6.0], [12.0, 13.0, 14.0, 15.0]]
    assert torch.equal(lab["linear"](lab["X"]), torch.nn.functional.linear(lab["X"], lab["W"], lab["b"]))
    assert "nn.Linear 的权重形状: (4, 3)  与 XW^T + b 相同: True" in lab["stdout"]


def test_autograd_example_records_a_graph_and_accumulates(lab):
    # "所以导数是 ∑ 2×(−1.5) x_i² = −3×14 = −42"; "录下的计算图从后往前是：求和、平方、减法、乘法，最后的
    # AccumulateGrad"; "w.grad 就从 −42 变成 −84"
    lines = lab["stdout"].splitlines()
    start = lines.index("从 L 往回的计算图:")
    recorded = ["SumBackward0", "PowBackward0", "SubBackward0", "MulBackward0",
                "torch::autograd::AccumulateGrad"]
    assert lines[start + 1:start + 6] == ["  " + name for name in recorded]
    assert "autograd: -42.0  手算: -42.0" in lines and -42.0 == -3 * sum(v * v for v in (1, 2, 3))
    assert lab["L"].item() == 31.5  # ∑ (1.5 x_i)² = 2.25 × 14
    assert "第二次 backward 之后: -84.0" in lines and "清零之后: None" in lines
    assert lab["w"].grad is None


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
    assert len(lab["train_loader"]) == math.ceil(1078 / 64) == 17  # also "每轮只有 17 步"


def test_early_stopping_keeps_the_best_validation_epoch(lab):
    history = lab["history"]
    val_losses = [h[3] for h in history]
    assert lab["best_epoch"] == history[val_losses.index(min(val_losses))][0]
    assert lab["best_val_loss"] == min(val_losses)
    env = dict(lab)
    capture("best = MLP()\nbest.load_state_dict(model.state_dict())\n"
            "loss = evaluate(best, val_loader, loss_fn)[0]\n", env)
    assert env["loss"] == lab["best_val_loss"]
    # stopped PATIENCE epochs after the best one, before the limit: the page shows a real early stop
    assert len(history) - lab["best_epoch"] == lab["PATIENCE"] and len(history) < lab["MAX_EPOCHS"]


def test_what_the_page_says_about_this_runs_curves(lab):
    train_loss = {h[0]: h[1] for h in lab["history"]}
    train_acc = {h[0]: h[2] for h in lab["history"]}
    val_loss = {h[0]: h[3] for h in lab["history"]}
    last = len(lab["history"])
    # "前几轮验证损失反而比训练损失低（这次是第 1、2、3 轮，还有第 6 轮）"
    assert [e for e in val_loss if val_loss[e] < train_loss[e]] == [1, 2, 3, 6]
    # "训练损失总体一路下降（从 2.06 降到 0.0086），但并不单调 ... （这次是第 22、26、28、31、36 轮）"
    assert (round(train_loss[1], 2), round(train_loss[last], 4)) == (2.06, 0.0086)
    assert [e for e in range(2, last + 1) if train_loss[e] > train_loss[e - 1]] == [22, 26, 28, 31, 36]
    # "训练准确率达到 1（这次第 32 轮第一次达到），训练损失还在下降"
    assert min(e for e in train_acc if train_acc[e] == 1.0) == 32
    assert train_loss[last] < train_loss[32]
    # "验证损失却只在一个水平附近上下起伏（这次从第 21 轮起一直在 0.058 到 0.079 之间）"
    late = [val_loss[e] for e in range(21, last + 1)]
    assert 0.058 <= min(late) and max(late) <= 0.079
    assert max(val_loss[e] for e in range(10, 21)) > 0.079  # before epoch 21 it was still falling
    # "留下了验证损失最低的一轮（第 35 轮，0.0588），之后连续 5 轮都没有刷新最好值，训练在第 40 轮停止"
    assert (lab["best_epoch"], round(lab["best_val_loss"], 4), last) == (35, 0.0588, 40)
    assert "验证损失最低的是第 35 轮：0.0588（验证准确率 0.9916）；共训练 40 轮" in lab["stdout"]


def test_state_dict_round_trip_gives_the_same_model(lab):
    restored, model = lab["restored"], lab["model"]
    assert list(model.state_dict()) == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"]
    pairs = zip(model.state_dict().values(), restored.state_dict().values(), strict=True)
    assert all(torch.equal(a, b) for a, b in pairs)
    assert lab["restored_acc"] == lab["test_acc"]
    assert f"加载后的测试准确率: {lab['test_acc']:.4f}" in lab["stdout"]


def test_predictions_are_probabilities_made_without_a_graph(lab):
    # "softmax 把它变成 10 个类别的概率"; "预测时同样先 eval()，并在 torch.inference_mode() 里计算"
    probs, logits = lab["probs"], lab["logits"]
    assert not lab["restored"].training
    assert logits.is_inference() and not logits.requires_grad
    assert torch.allclose(probs.sum(dim=1), torch.ones(len(probs)))
    assert torch.equal(lab["predictions"], logits.argmax(dim=1))
    lines = lab["stdout"].splitlines()
    assert "前 8 个测试样本的预测: [8, 8, 6, 3, 3, 2, 2, 2]" in lines
    assert "前 8 个测试样本的标签: [8, 8, 6, 3, 3, 2, 2, 2]" in lines
    # the wrong ones are exactly what the test accuracy counts
    wrong = len(lab["wrong"])
    assert wrong == round(360 * (1 - lab["test_acc"])) == 9
    assert "测试集上分错了 9 张（共 360 张）" in lines


def test_exercise_double_softmax_floor_is_1_4612():
    # exercise 7: with a second softmax the loss cannot go below log(1 + 9/e) ≈ 1.4612
    perfect = torch.tensor([[1.0] + [0.0] * 9])
    loss = torch.nn.CrossEntropyLoss()(perfect, torch.tensor([0])).item()
    assert loss == pytest.approx(math.log(1 + 9 / math.e), abs=1e-6)
    assert round(loss, 4) == 1.4612


def test_progress_output_is_clean_and_has_no_timings(lab):
    lines = lab["stdout"].splitlines()
    bars = [line for line in lines if line.startswith("训练 |")]
    epochs = [line for line in lines if line.startswith("第 ")]
    assert len(bars) == 1 and len(epochs) == len(lab["history"])
    assert f"| {len(lab['history'])}/60 轮" in bars[0]
    assert not re.search(r"\d+:\d\d|it/s|s/it", lab["stdout"])  # no elapsed time or rate: reproducible


# ---------------------------------------------------------------- reproducible by Restart & Run All
PREVIEW = "# 看一个批次"


def preview_lines(source: str) -> str:
    """The preview statements of the DataLoader cell: from its comment to the end of that cell."""
    start = source.index(PREVIEW)
    return source[start:source.index("\n\n", start)]


def test_the_preview_cell_does_not_change_the_numbers(lab):
    # "只把它留给训练用 ... 这样无论这个单元格运行几次，后面训练得到的数字都不变"
    source = lab_source()
    preview = preview_lines(source)
    assert "next(iter(DataLoader(train_set" in preview and "iter(train_loader" not in preview
    epochs = 3
    expected = lab["history"][:epochs]
    without = run_lab(source.replace(preview, ""), str(epochs))
    twice = run_lab(source.replace(preview, preview + "\n" + preview), str(epochs))
    assert without["history"] == expected
    assert twice["history"] == expected
    # the check can fail: peeking with the training loader itself, as the page used to, changes every number
    old = run_lab(source.replace(preview, preview + "\nnext(iter(train_loader))"), str(epochs))
    assert old["history"] != expected


def test_run_reproduces_the_main_training(lab):
    # "不给任何参数时，它得到的逐轮数字与上面的训练完全相同"
    env = dict(lab)
    capture("result = run()", env)
    model, history, best_epoch = env["result"]
    assert history == lab["history"] and best_epoch == lab["best_epoch"]
    assert all(torch.equal(p, q) for p, q in zip(model.parameters(), lab["model"].parameters(), strict=True))


# ---------------------------------------------------------------- the exercises, run as the answers show
def test_every_answer_gives_the_method_before_this_pages_numbers():
    for number, answer in enumerate(answers(), start=1):
        if "本页这次运行" in answer:
            assert answer.index("```python") < answer.index("本页这次运行"), number


def test_exercise_1_sigmoid_and_tanh_against_relu(lab):
    # "logistic 到第 46 轮才最好（验证损失 0.0972，验证准确率 0.9805），tanh 在第 26 轮（0.0681，0.9805），
    # ReLU 在第 35 轮（0.0588，0.9916）"
    printed = capture(answer_code(1), dict(lab))
    assert summaries(printed) == ["最好的是第 46 轮：验证损失 0.0972，验证准确率 0.9805；共训练 51 轮",
                                  "最好的是第 26 轮：验证损失 0.0681，验证准确率 0.9805；共训练 31 轮",
                                  "最好的是第 35 轮：验证损失 0.0588，验证准确率 0.9916；共训练 40 轮"]
    # "logistic 学得最慢，最终的验证损失也最高"; "它的导数最大只有 0.25"
    z = torch.linspace(-6, 6, 1201, requires_grad=True)
    torch.sigmoid(z).sum().backward()
    assert z.grad.max().item() == pytest.approx(0.25)


def test_exercise_2_no_activation_is_softmax_regression(lab):
    # "验证准确率 0.9833（第 23 轮最好，验证损失 0.0774），ReLU 网络是 0.9916（0.0588）"; "代码最后打印 True"
    env = dict(lab)
    printed = capture(answer_code(2), env)
    assert summaries(printed) == ["最好的是第 23 轮：验证损失 0.0774，验证准确率 0.9833；共训练 28 轮"]
    assert printed.splitlines()[-1] == "True"
    # the collapsed map is one 10×64 matrix: a softmax-regression model with it predicts the same
    W1, W2 = env["W1"], env["W2"]
    assert tuple((W2 @ W1).shape) == (10, 64)


def test_exercise_3_dead_relu_units(lab):
    # "初始化时就有 4 个 ... 学习率 0.1 训练后是 10 个，学习率 0.5 训练后是 33 个，100 个神经元死了三分之一，
    # 验证准确率也降到 0.9749（第 8 轮最好）"
    env = dict(lab)
    printed = capture(answer_code(3), env)
    lines = printed.splitlines()
    assert "初始化时: 4" in lines and "训练后: 10" in lines and "lr=0.5 训练后: 33" in lines
    [summary] = summaries(printed)
    assert summary.startswith("最好的是第 8 轮：") and "验证准确率 0.9749；" in summary
    assert 0.9749 < round(lab["best_val_acc"], 4) == 0.9916
    # dead means: net input <= 0 for every training sample, so that unit's parameters get no gradient at all
    model = env["high_lr_model"]
    with torch.no_grad():
        z = model.hidden(env["train_set"].features)
    dead = (z <= 0).all(dim=0)
    assert int(dead.sum()) == 33
    model.zero_grad()
    lab["loss_fn"](model(env["train_set"].features), env["train_set"].targets).backward()
    assert model.hidden.weight.grad[dead].abs().max().item() == 0.0
    assert model.hidden.weight.grad[~dead].abs().max().item() > 0.0


def test_exercise_4_output_layer_error_is_softmax_minus_onehot(lab):
    # "两行都打印 True"
    printed = capture(answer_code(4), dict(lab))
    assert printed.splitlines() == ["True", "True"]


def test_exercise_5_optimisers_on_the_same_seed(lab):
    # "带动量的 SGD 在第 35 轮最好（验证损失 0.0588），第 40 轮停止；不带动量的 SGD 和 Adam 到第 60 轮还在进步
    # （最好的分别是第 58 轮的 0.1261 和第 60 轮的 0.1042），被轮数上限截停"
    printed = capture(answer_code(5), dict(lab))
    assert summaries(printed) == ["最好的是第 58 轮：验证损失 0.1261，验证准确率 0.9749；共训练 60 轮",
                                  "最好的是第 35 轮：验证损失 0.0588，验证准确率 0.9916；共训练 40 轮",
                                  "最好的是第 60 轮：验证损失 0.1042，验证准确率 0.9721；共训练 60 轮"]
    # "run(momentum=0, lr=1.0) 在第 23 轮就最好（验证损失 0.0566）";
    # "Adam ... lr=1e-2 在第 28 轮最好（0.0635）"
    printed = capture("run(momentum=0, lr=1.0)\n"
                      "run(make_optimizer=lambda params: torch.optim.Adam(params, lr=1e-2))\n", dict(lab))
    assert summaries(printed) == ["最好的是第 23 轮：验证损失 0.0566，验证准确率 0.9833；共训练 28 轮",
                                  "最好的是第 28 轮：验证损失 0.0635，验证准确率 0.9833；共训练 33 轮"]
    # "动量 0.9 在梯度方向稳定时把步长放大到约 10α": a constant gradient, PyTorch's rule v <- μv + g
    theta = torch.zeros(1, requires_grad=True)
    sgd = torch.optim.SGD([theta], lr=0.1, momentum=0.9)
    for _ in range(200):
        sgd.zero_grad()
        theta.grad = torch.ones(1)
        before = theta.item()
        sgd.step()
    assert before - theta.item() == pytest.approx(0.1 / (1 - 0.9), rel=1e-6)


def test_exercise_6_without_zero_grad_training_diverges(lab):
    # "第 1 轮的验证损失约为 6（正常训练是 1.46），第 2 轮就到了 215；从第 4 轮起验证准确率一直是 0.1 ...
    # 直到第 8 轮被提前停止截住"
    line = "        optimizer.zero_grad()                 # 清空上一步的梯度\n"
    source = lab_source()
    assert source.count(line) == 1
    env = run_lab(source.replace(line, ""))
    printed = capture(answer_code(6), env)
    assert printed.splitlines()[-2:] == ["验证损失: [6, 215, 4, 13, 32, 50, 87, 107]",
                                         "验证准确率: [0.47, 0.23, 0.31, 0.1, 0.1, 0.1, 0.1, 0.1]"]
    assert len(env["broken"]) == 8 and all(h[4] < 0.11 for h in env["broken"][3:])
    assert env["broken"] == env["history"]  # run() in the changed notebook repeats its main training
    assert round(epoch_row(lab, 1)[3], 2) == 1.46


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
def executed(run_notebook):
    """The .ipynb run top to bottom in a fresh kernel, as a reader's Jupyter would."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("LAB_MAX_EPOCHS", raising=False)
        return run_notebook(hook.to_ipynb(LAB))


def test_notebook_runs_in_a_fresh_kernel_without_errors_or_warnings(executed):
    outputs = [o for cell in executed.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3  # the digits, the learning curves, the misclassified test digits


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
    assert len(images) == 3
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
    # nor the answers' code, which needs the notebook's variables
    answer_blocks = page.select("article .nb-markdown details .highlight pre")
    assert len(answer_blocks) == sum("```python" in a for a in answers()) == 6
    assert not page.select("article .nb-markdown div.language-python.highlight")


def test_headings_have_ids_and_toc_and_links_resolve(page, site_dir, nav_title):
    ids = [h["id"] for h in page.select("article h1, article h2")]
    assert len(ids) == len(set(ids)) and all(ids)
    toc = {a["href"] for a in page.select("nav.md-nav--secondary a.md-nav__link")}
    assert {f"#{i}" for i in ids if not i.startswith("实验")} <= toc
    [graphs] = {a["href"] for a in page.select("article a") if "computation_graphs" in a["href"]}
    assert graphs == "../computation_graphs/"
    assert (site_dir / "feedforward" / "computation_graphs" / "index.html").is_file()
    assert page.select_one("title").get_text().startswith(nav_title(NAV_PATH) + " - ")


def test_the_nav_title_is_numbered_and_names_the_labs_heading(nav_title):
    # the lab's number comes from the nav of mkdocs.yml (the chapter gets renumbered), its words from its h1
    number, words = re.fullmatch(r"(\d+\.\d+) (.+)", nav_title(NAV_PATH)).groups()
    assert number.startswith("2.")
    h1 = re.search(r"^# # (.+)$", LAB.read_text(encoding="utf-8"), re.M).group(1)
    assert words == h1 == "实验：用 PyTorch 搭建前馈神经网络"


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
    # kept out of the search index like the pages' formulas (extensions/search_text.py)
    box = '<span class="arithmatex" data-search-exclude="formula">'
    assert str(soup) == (f'<div><p>令 {box}\\(x_i^2\\)</span>，且 '
                         f'{box}\\[a &lt; b\\]</span> 成立；<code>$HOME$</code></p></div>')


def test_an_unpaired_dollar_in_a_notebook_cell_is_a_build_error():
    soup = BeautifulSoup("<div><p>价格 $5，公式 $x$</p></div>", "html.parser")
    with pytest.raises(hook.PluginError, match="unpaired"):
        hook.mark_math(soup, soup.div)


def test_every_formula_of_the_lab_is_typeset_in_the_build(page):
    markdown = "\n".join(c.source for c in jupytext.read(LAB).cells if c.cell_type == "markdown")
    prose = re.sub(r"```.*?```|`[^`\n]*`", "", markdown, flags=re.S)  # formulas are outside code
    formulas = hook.NOTEBOOK_MATH.findall(prose)
    boxes = page.select("article .nb-markdown .arithmatex")
    assert len(boxes) == len(formulas) > 40 and all(box.select_one(".katex math annotation") for box in boxes)
    displays = sum(box.select_one(".katex-display") is not None for box in boxes)
    assert displays == sum(bool(d) for d, _ in formulas) == 2  # the two $$ blocks
    sources = [box.select_one("annotation").get_text() for box in boxes]
    assert r"-\log\dfrac{e}{e+9} = \log(1 + 9/e) \approx 1.4612" in sources
    assert "$" not in "".join(p.get_text() for p in page.select("article .nb-markdown p"))


def test_links_to_other_pages_resolve_on_the_site_and_in_the_download(page, site_dir):
    # on the page: relative links to built pages; in the .ipynb (Jupyter, Colab): the published site
    relative = [a["href"] for a in page.select("article .nb-markdown a[href]")
                if not a["href"].startswith(("http", "#"))]
    markdown = "\n".join(c.source for c in jupytext.read(LAB).cells if c.cell_type == "markdown")
    assert len(relative) == len(hook.MD_LINK.findall(markdown)) > 15
    base = site_dir / "feedforward" / "lab_mlp"
    for href in relative:  # every target page is built, and every anchor is a heading id there
        path, _, anchor = unquote(href).partition("#")
        target = (base / path / "index.html").resolve()
        assert target.is_file(), href
        if anchor:
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href
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
