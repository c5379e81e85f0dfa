import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.ml_basics.loss_functions.ex02_cross_entropy import binary_cross_entropy
from snippets.ml_basics.loss_functions.ex03_margin_losses import (
    hinge_loss,
    logistic_loss,
    margin,
    zero_one_loss,
)

Y = np.array([1, 1, 1, -1, -1])
F_OUT = np.array([2.0, 0.5, -0.3, -1.5, 0.2])


def test_page_values_exact():
    # page: margins and the three losses of the five samples
    assert margin(Y, F_OUT).tolist() == [2.0, 0.5, -0.3, 1.5, -0.2]
    assert zero_one_loss(Y, F_OUT).tolist() == [0.0, 0.0, 1.0, 0.0, 1.0]
    np.testing.assert_allclose(hinge_loss(Y, F_OUT), [0.0, 0.5, 1.3, 0.0, 1.2], atol=1e-15)
    assert np.round(logistic_loss(Y, F_OUT), 4).tolist() == [0.1269, 0.4741, 0.8544, 0.2014, 0.7981]


def test_logistic_loss_is_torch_soft_margin_and_binary_cross_entropy():
    rng = np.random.default_rng(4)
    y, f = rng.choice([-1, 1], 30), rng.standard_normal(30) * 3
    expected = F.soft_margin_loss(torch.from_numpy(f), torch.from_numpy(y).double(), reduction="none")
    np.testing.assert_allclose(logistic_loss(y, f), expected.numpy(), rtol=1e-12)
    # the same loss with labels 0/1: t = (y + 1) / 2
    np.testing.assert_allclose(logistic_loss(y, f), binary_cross_entropy((y + 1) // 2, f), rtol=1e-12)


def test_hinge_is_twice_torch_multi_margin_loss_on_scores_0_and_f():
    # multi_margin_loss with scores [0, f] and class t = (y + 1) / 2 gives max(0, 1 - y f) / C, C = 2
    rng = np.random.default_rng(5)
    y, f = rng.choice([-1, 1], 30), rng.standard_normal(30) * 2
    scores = torch.from_numpy(np.column_stack([np.zeros_like(f), f]))
    target = torch.from_numpy((y + 1) // 2)
    expected = 2 * F.multi_margin_loss(scores, target, reduction="none").numpy()
    np.testing.assert_allclose(hinge_loss(y, f), expected, rtol=1e-12, atol=1e-15)


def test_zero_one_counts_errors():
    rng = np.random.default_rng(6)
    y, f = rng.choice([-1, 1], 100), rng.standard_normal(100)
    assert zero_one_loss(y, f).sum() == np.sum(np.sign(f) != y)


@pytest.mark.parametrize(("y", "f", "arg"), [
    ([0, 1], [0.0, 1.0], "y"), ([], [], "y"), ([1, -1], [0.0], "f"),
])
def test_bad_input_names_the_argument(y, f, arg):
    for loss in (margin, zero_one_loss, hinge_loss, logistic_loss):
        with pytest.raises(ValueError, match=rf"^{arg} "):
            loss(y, f)


def test_exercise_undecided_prediction_hinge_is_one():
    # exercise 2: margin 0 gives hinge loss 1
    assert hinge_loss([1], [0.0]).tolist() == [1.0]
