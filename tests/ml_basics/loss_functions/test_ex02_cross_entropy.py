import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.ml_basics.loss_functions.ex02_cross_entropy import binary_cross_entropy, cross_entropy


def test_page_values():
    # page: p = sigmoid(z) = [0.8808, 0.2689, 0.3775]; BCE [0.1269, 0.3133, 0.9741]; CE [0.417, 2.42, 1.0986]
    z = np.array([2.0, -1.0, -0.5])
    assert np.round(1 / (1 + np.exp(-z)), 4).tolist() == [0.8808, 0.2689, 0.3775]
    assert np.round(binary_cross_entropy([1, 0, 1], z), 4).tolist() == [0.1269, 0.3133, 0.9741]
    logits = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [1.0, 1.0, 1.0]]
    assert np.round(cross_entropy([0, 2, 1], logits), 4).tolist() == [0.417, 2.42, 1.0986]
    # equal logits: -log(1/3) = log 3
    assert cross_entropy([1], [[1.0, 1.0, 1.0]])[0] == pytest.approx(np.log(3))


def test_binary_matches_torch_with_logits_including_extreme_logits():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 40)
    z = np.concatenate([rng.standard_normal(36) * 3, [800.0, -800.0, 40.0, -40.0]])
    expected = F.binary_cross_entropy_with_logits(torch.from_numpy(z), torch.from_numpy(y).double(),
                                                  reduction="none").numpy()
    np.testing.assert_allclose(binary_cross_entropy(y, z), expected, rtol=1e-12, atol=1e-12)
    assert np.isfinite(binary_cross_entropy(y, z)).all()


def test_multiclass_matches_torch_cross_entropy():
    rng = np.random.default_rng(2)
    for C in (2, 3, 10):
        logits = rng.standard_normal((25, C)) * 4
        y = rng.integers(0, C, 25)
        expected = F.cross_entropy(torch.from_numpy(logits), torch.from_numpy(y), reduction="none").numpy()
        np.testing.assert_allclose(cross_entropy(y, logits), expected, rtol=1e-12)


def test_two_class_cross_entropy_is_binary_cross_entropy_of_the_logit_difference():
    rng = np.random.default_rng(3)
    logits, y = rng.standard_normal((20, 2)), rng.integers(0, 2, 20)
    np.testing.assert_allclose(cross_entropy(y, logits),
                               binary_cross_entropy(y, logits[:, 1] - logits[:, 0]), rtol=1e-12)


@pytest.mark.parametrize(("call", "arg"), [
    (lambda: binary_cross_entropy([1, 2], [0.0, 0.0]), "y"),
    (lambda: binary_cross_entropy([0.5, 1.0], [0.0, 0.0]), "y"),
    (lambda: binary_cross_entropy([True, False], [0.0, 0.0]), "y"),
    (lambda: binary_cross_entropy([], []), "y"),
    (lambda: binary_cross_entropy([[1]], [[0.0]]), "y"),
    (lambda: binary_cross_entropy([1, 0], [0.0]), "logits"),
    (lambda: cross_entropy([0, 1], [0.0, 1.0]), "logits"),
    (lambda: cross_entropy([0, 3], [[0.0, 1.0, 2.0]] * 2), "y"),
    (lambda: cross_entropy([0, -1], [[0.0, 1.0]] * 2), "y"),
    (lambda: cross_entropy([0, 1, 1], [[0.0, 1.0]] * 2), "y"),
])
def test_bad_input_names_the_argument(call, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        call()


def test_exercise_undecided_prediction():
    # exercise 2: z = 0 gives cross-entropy log 2 ~ 0.6931 (hinge 1 is tested with the margin losses)
    assert round(binary_cross_entropy([1], [0.0])[0], 4) == 0.6931
