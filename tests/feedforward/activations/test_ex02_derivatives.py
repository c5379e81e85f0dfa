import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.feedforward.activations import ex01_activations as act
from snippets.feedforward.activations.ex02_derivatives import (
    d_elu,
    d_gelu,
    d_gelu_tanh,
    d_leaky_relu,
    d_relu,
    d_sigmoid,
    d_softplus,
    d_swish,
    d_tanh,
)

Z = np.linspace(-8, 8, 321)          # contains 0 exactly: the kink of ReLU, leaky ReLU and ELU


def autograd(f, z=Z):
    t = torch.tensor(z, requires_grad=True)
    (grad,) = torch.autograd.grad(f(t).sum(), t)
    return grad.numpy()


CASES = [
    (d_sigmoid, torch.sigmoid),
    (d_tanh, torch.tanh),
    (d_relu, F.relu),
    (d_leaky_relu, F.leaky_relu),
    (lambda z: d_leaky_relu(z, 0.2), lambda t: F.leaky_relu(t, 0.2)),
    (d_elu, F.elu),
    (lambda z: d_elu(z, 0.5), lambda t: F.elu(t, 0.5)),
    (d_softplus, F.softplus),
    (d_gelu, F.gelu),
    (d_gelu_tanh, lambda t: F.gelu(t, approximate="tanh")),
    (d_swish, F.silu),
    (lambda z: d_swish(z, 2.0), lambda t: t * torch.sigmoid(2.0 * t)),
]


@pytest.mark.parametrize(("ours", "torch_f"), CASES)
def test_derivative_equals_autograd_within_1e_6(ours, torch_f):
    # prose: every hand-derived derivative agrees with PyTorch autograd within 1e-6
    np.testing.assert_allclose(ours(Z), autograd(torch_f), rtol=0, atol=1e-6)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "softplus", "gelu", "gelu_tanh", "swish"])
def test_smooth_derivatives_match_central_differences(name):
    f = act.ACTIVATIONS[name]
    d = {"sigmoid": d_sigmoid, "tanh": d_tanh, "softplus": d_softplus, "gelu": d_gelu,
         "gelu_tanh": d_gelu_tanh, "swish": d_swish}[name]
    h = 1e-5
    np.testing.assert_allclose(d(Z), (f(Z + h) - f(Z - h)) / (2 * h), atol=1e-8)


def test_maxima_of_sigmoid_and_tanh_derivatives():
    # prose: sigma' is at most 1/4 and tanh' at most 1, both reached at 0
    assert d_sigmoid(0) == 0.25 and d_tanh(0) == 1.0
    assert d_sigmoid(Z).max() == 0.25 and d_tanh(Z).max() == 1.0


def test_relu_derivative_at_zero_is_zero_like_torch():
    assert d_relu([0.0]).tolist() == [0.0] == autograd(F.relu, np.array([0.0])).tolist()
