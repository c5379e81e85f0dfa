import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.feedforward.activations.ex01_activations import (
    ACTIVATIONS,
    elu,
    gelu,
    gelu_tanh,
    hard_logistic,
    hard_tanh,
    leaky_relu,
    relu,
    sigmoid,
    softplus,
    swish,
    tanh,
)

Z = np.linspace(-8, 8, 321)
T = torch.from_numpy(Z)

TORCH = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": F.leaky_relu,          # both default to alpha = 0.01
    "elu": F.elu,
    "softplus": F.softplus,
    "gelu": F.gelu,
    "gelu_tanh": lambda t: F.gelu(t, approximate="tanh"),
    "swish": F.silu,
}


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_numpy_equals_torch_functional_within_1e_6(name):
    # prose: every numpy version agrees with torch.nn.functional within 1e-6
    np.testing.assert_allclose(ACTIVATIONS[name](Z), TORCH[name](T).numpy(), rtol=0, atol=1e-6)


@pytest.mark.parametrize("alpha", [0.01, 0.1, 0.3])
def test_leaky_relu_and_elu_with_other_alpha(alpha):
    np.testing.assert_allclose(leaky_relu(Z, alpha), F.leaky_relu(T, alpha).numpy(), atol=1e-12)
    np.testing.assert_allclose(elu(Z, alpha), F.elu(T, alpha).numpy(), atol=1e-12)


@pytest.mark.parametrize("beta", [0.0, 0.5, 1.0, 2.0])
def test_swish_with_beta(beta):
    np.testing.assert_allclose(swish(Z, beta), (T * torch.sigmoid(beta * T)).numpy(), atol=1e-12)


def test_swish_with_beta_zero_is_half_x():
    # prose: beta = 0 gives x / 2
    assert swish([-2.0, -0.5, 0.0, 0.5, 2.0], beta=0.0).tolist() == [-1.0, -0.25, 0.0, 0.25, 1.0]
    np.testing.assert_array_equal(swish(Z, 0.0), Z / 2)


def test_hard_functions():
    # prose: hard-logistic and hard-tanh clip the first-order Taylor expansions at 0
    z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
    assert hard_logistic(z).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert hard_tanh(z).tolist() == [-1.0, -1.0, 0.0, 1.0, 1.0]
    np.testing.assert_allclose(hard_tanh(Z), F.hardtanh(T).numpy(), atol=0)
    np.testing.assert_allclose(hard_logistic(Z), F.hardtanh(0.25 * T + 0.5, 0.0, 1.0).numpy(), atol=1e-15)
    # they agree with the smooth functions in value and slope at 0
    h = 1e-6
    assert (hard_logistic(h) - hard_logistic(-h)) / (2 * h) == pytest.approx(0.25)
    assert (hard_tanh(h) - hard_tanh(-h)) / (2 * h) == pytest.approx(1.0)
    # prose: PyTorch's hardsigmoid is a different function, relu6(x + 3) / 6, slope 1/6
    np.testing.assert_allclose(F.hardsigmoid(T).numpy(), np.clip(Z / 6 + 0.5, 0, 1), atol=1e-15)
    assert not np.allclose(F.hardsigmoid(T).numpy(), hard_logistic(Z))


def test_printed_comparisons_with_the_smooth_functions():
    z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
    assert np.round(sigmoid(z), 4).tolist() == [0.0474, 0.2689, 0.5, 0.7311, 0.9526]
    assert np.round(tanh(z), 4).tolist() == [-0.9951, -0.7616, 0.0, 0.7616, 0.9951]


def test_page_table_values():
    z = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(tanh(np.linspace(-5, 5, 101)), 2 * sigmoid(2 * np.linspace(-5, 5, 101)) - 1)
    assert np.round(sigmoid(z), 4).tolist() == [0.1192, 0.3775, 0.5, 0.6225, 0.8808]
    assert np.round(tanh(z), 4).tolist() == [-0.964, -0.4621, 0.0, 0.4621, 0.964]
    assert relu(z).tolist() == [0.0, 0.0, 0.0, 0.5, 2.0]
    assert np.round(leaky_relu(z), 4).tolist() == [-0.02, -0.005, 0.0, 0.5, 2.0]
    assert np.round(softplus(z), 4).tolist() == [0.1269, 0.4741, 0.6931, 0.9741, 2.1269]
    assert np.round(elu(z), 4).tolist() == [-0.8647, -0.3935, 0.0, 0.5, 2.0]
    assert np.round(gelu(z), 4).tolist() == [-0.0455, -0.1543, 0.0, 0.3457, 1.9545]
    assert np.round(gelu_tanh(z), 4).tolist() == [-0.0454, -0.1543, 0.0, 0.3457, 1.9546]
    assert np.round(swish(z), 4).tolist() == [-0.2384, -0.1888, 0.0, 0.3112, 1.7616]


def test_gelu_tanh_approximation_is_close():
    # prose: the tanh form differs from the exact GELU by less than 1e-3 everywhere
    z = np.linspace(-10, 10, 4001)
    assert np.abs(gelu(z) - gelu_tanh(z)).max() < 1e-3


def test_sigmoid_is_stable_for_huge_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = sigmoid([-1000.0, 0.0, 1000.0])
    assert out.tolist() == [0.0, 0.5, 1.0]
    assert softplus(1000.0) == 1000.0 and softplus(-1000.0) == 0.0


def test_ranges():
    # sigmoid in (0, 1), tanh in (-1, 1), ELU bounded below by -alpha, softplus > ReLU
    s, t = sigmoid(Z), tanh(Z)
    assert (s > 0).all() and (s < 1).all() and (t > -1).all() and (t < 1).all()
    assert (elu(Z, 2.0) > -2.0).all()
    assert (softplus(Z) > relu(Z)).all()
    assert swish(Z).min() == pytest.approx(-0.2785, abs=1e-3)   # Swish dips below zero
    assert math.isclose(gelu(1.0), 0.5 * (1 + math.erf(1 / math.sqrt(2))))


def test_scalars_and_lists_are_accepted():
    assert relu(-3) == 0.0 and sigmoid(0) == 0.5
    assert relu([[-1, 2], [3, -4]]).tolist() == [[0.0, 2.0], [3.0, 0.0]]
    for f in ACTIVATIONS.values():
        np.testing.assert_allclose(f([-1, 0, 2]), f(np.array([-1.0, 0.0, 2.0])))
    assert hard_tanh([2, -2]).tolist() == [1.0, -1.0]


@pytest.mark.parametrize(("call", "arg"), [
    (lambda: leaky_relu(Z, -0.1), "alpha"),
    (lambda: leaky_relu(Z, 0), "alpha"),
    (lambda: elu(Z, float("nan")), "alpha"),
    (lambda: elu(Z, 0.0), "alpha"),
    (lambda: swish(Z, -1.0), "beta"),
    (lambda: swish(Z, float("nan")), "beta"),
])
def test_bad_input_names_the_argument(call, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        call()


def test_minima_of_gelu_and_swish():
    # prose: GELU has its minimum about -0.17 at x about -0.75; Swish about -0.28 at x about -1.28
    z = np.linspace(-3, 0, 30001)
    g, s = gelu(z), swish(z)
    assert round(g.min(), 2) == -0.17 and round(z[g.argmin()], 2) == -0.75
    assert round(s.min(), 2) == -0.28 and round(z[s.argmin()], 2) == -1.28


def test_softplus_minus_relu_is_largest_at_zero():
    # exercise 5: softplus(x) - relu(x) = log(1 + e^{-|x|}), largest (log 2 = 0.6931) at x = 0
    np.testing.assert_allclose(softplus(Z) - relu(Z), np.log1p(np.exp(-np.abs(Z))), atol=1e-12)
    assert (softplus(Z) - relu(Z)).max() == softplus(0.0) == np.log(2)
    assert round(float(np.log(2)), 4) == 0.6931


def test_linear_activations_collapse_to_one_affine_map():
    # exercise 2: three layers with f(x) = x equal W x + b with W = W3 W2 W1
    rng = np.random.default_rng(7)
    W1, W2, W3 = rng.standard_normal((4, 3)), rng.standard_normal((5, 4)), rng.standard_normal((2, 5))
    b1, b2, b3 = rng.standard_normal(4), rng.standard_normal(5), rng.standard_normal(2)
    x = rng.standard_normal(3)
    deep = W3 @ (W2 @ (W1 @ x + b1) + b2) + b3
    W, b = W3 @ W2 @ W1, W3 @ W2 @ b1 + W3 @ b2 + b3
    np.testing.assert_allclose(deep, W @ x + b, atol=1e-12)
