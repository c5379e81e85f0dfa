import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.review.index.ex01_numeric_answers import (
    count_parameters,
    fits_real_targets,
    needs,
    options,
    step_order,
    steps,
    torch_parameter_count,
)


def test_2_3_1_network_has_13_parameters():
    # review answer: 2×3+3 + 3×1+1 = 13, by the general rule and by numel() of nn.Sequential
    assert count_parameters([2, 3, 1]) == 2 * 3 + 3 + 3 * 1 + 1 == 13
    assert torch_parameter_count([2, 3, 1]) == 13
    net = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Sigmoid(), torch.nn.Linear(3, 1))
    assert [p.numel() for p in net.parameters()] == [6, 3, 3, 1]


@pytest.mark.parametrize("sizes", [[1, 1], [784, 100, 10], [3, 5, 4, 2], [10, 1, 10, 1]])
def test_general_rule_matches_torch(sizes):
    assert count_parameters(sizes) == torch_parameter_count(sizes)


@pytest.mark.parametrize("sizes", [[3], [], [2, 0, 1], [2, -3, 1], [2, 3.0, 1], [2, True]])
def test_bad_sizes_name_the_argument(sizes):
    with pytest.raises(ValueError, match=r"^sizes "):
        count_parameters(sizes)


def test_backprop_order_is_4_1_3_2_and_unique():
    # review answer: ④①③②, and it is the only order the dependencies allow
    order, unique = step_order(needs)
    assert "".join(order) == "④①③②" and unique
    # brute force: among all 24 orders exactly one respects every dependency
    from itertools import permutations

    valid = [p for p in permutations(needs)
             if all(p.index(dep) < p.index(step) for step in p for dep in needs[step])]
    assert valid == [tuple(order)]
    assert steps[order[0]].startswith("前馈") and steps[order[-1]].startswith("采用梯度下降")


def test_regression_loss_is_option_c():
    # review answer: C, squared loss
    assert [name for name, loss in options.items() if fits_real_targets(loss)] == ["C"]


def test_option_losses_are_the_named_losses():
    rng = np.random.default_rng(0)
    f = rng.standard_normal(20)
    y01 = rng.integers(0, 2, 20).astype(float)
    expected_ce = F.binary_cross_entropy_with_logits(torch.from_numpy(f), torch.from_numpy(y01),
                                                     reduction="none").numpy()
    np.testing.assert_allclose(options["B"](y01, f), expected_ce, rtol=1e-12)
    y = rng.standard_normal(20)
    np.testing.assert_allclose(options["C"](y, f), F.mse_loss(torch.from_numpy(f), torch.from_numpy(y),
                                                              reduction="none").numpy() / 2)
    ypm = rng.choice([-1.0, 1.0], 20)
    np.testing.assert_allclose(options["D"](ypm, f), np.maximum(0, 1 - ypm * f))
    assert options["A"](np.array([1.0, 2.0]), np.array([1.0, 2.5])).tolist() == [0.0, 1.0]


def test_review_page_has_every_lecture_question_with_an_answer_and_a_link():
    # the page holds the 12 review questions of the lecture, each with a collapsible answer and a link
    import re
    from pathlib import Path

    page = (Path(__file__).resolve().parents[3] / "docs" / "review" / "index.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", page, flags=re.M)[1:]
    assert [int(s.split(".")[0]) for s in sections] == list(range(1, 27))
    for section in sections:
        assert section.count('??? success "答案"') == 1
        assert re.search(r"详见 \[[^\]]+\]\(\.\./(ml_basics|feedforward|cnn)/\w+\.md(#[\w-]+)?\)", section)
    for keyword in ("激活函数", "结构", "2、3、1", "通用近似定理", "四个要素", "回归", "学习率",
                    "随机梯度下降", "过拟合", "提前停止", "反向传播", "计算图"):
        assert keyword in page
    assert "A. 0-1 损失函数" in page and "D. 合页损失函数" in page          # options shown
    assert all(f"- {c} " in page for c in "①②③④")                          # backprop options shown


def test_cnn_answers_state_the_numbers_of_the_cnn_pages():
    # review 13-20: the numbers in the CNN answers, from the pages' own code
    from snippets.cnn.padding_stride_2d.ex01_output_size import conv_output_size, sizes_by_depth
    from snippets.cnn.stride_padding.ex01_stride_padding import output_length
    from snippets.cnn.why_cnn.ex01_parameter_count import dense_parameters

    assert dense_parameters(12_000_000 * 3, 100)[0] == 3.6e9
    assert output_length(7, 3, 2, 1) == 4                                   # question 16
    assert conv_output_size(32, 5, P=2) == 32                               # question 18
    assert conv_output_size(224, 3, 2, 1) == 112                            # question 19
    assert sizes_by_depth(224, 3, 56)[-1] == 112 and sizes_by_depth(224, 3, 55)[-1] != 112
    assert sum(p.numel() for p in torch.nn.MaxPool2d(2).parameters()) == 0  # question 20


def test_answers_21_to_26_state_the_numbers_of_their_pages():
    from snippets.cnn.lenet.ex01_lenet import lenet5, output_size
    from snippets.cnn.other_convolutions.ex04_dilated import dilated_length

    net = lenet5()
    c1, c5 = net[0], net[6]
    assert output_size(32, 5) == 28 and tuple(c1(torch.zeros(1, 1, 32, 32)).shape) == (1, 6, 28, 28)
    assert sum(p.numel() for p in c1.parameters()) == (1 * 25 + 1) * 6 == 156      # question 22
    assert sum(p.numel() for p in net.parameters()) == 61_706                          # "共 61 706 个"
    assert sum(p.numel() for p in c5.parameters()) == 48_120                           # "C5 占 48 120 个"
    # question 26: three 3x3 layers with dilation 1, 2, 4 see 15 inputs; without dilation 7
    assert 1 + sum(D * (3 - 1) for D in (1, 2, 4)) == 15 and 1 + 3 * (3 - 1) == 7
    x = torch.zeros(1, 1, 41, requires_grad=True)
    y = x
    for D in (1, 2, 4):
        y = torch.nn.functional.conv1d(y, torch.ones(1, 1, 3), dilation=D)
    y[0, 0, y.shape[-1] // 2].backward()
    assert int((x.grad != 0).sum()) == 15
    assert dilated_length(41, 3, D=4) == 41 - 8
    assert dilated_length(10, 3, S=2, P=1, D=2) == (10 + 2 - 4 - 1) // 2 + 1
