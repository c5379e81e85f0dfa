import numpy as np
import pytest
import torch

from snippets.feedforward.activations.ex01_activations import sigmoid
from snippets.feedforward.activations.ex03_properties import relu_neuron_grads, sigmoid_chain_grad


def test_tanh_is_a_shifted_and_scaled_sigmoid():
    # prose: tanh(x) = 2 sigma(2x) - 1
    z = np.linspace(-20, 20, 2001)
    np.testing.assert_allclose(np.tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-14)


def test_saturation_table():
    # prose table: sigma' and tanh' at 0, 2, 5, 10
    x = np.array([0.0, 2.0, 5.0, 10.0])
    s = sigmoid(x)
    assert [f"{v:.2e}" for v in s * (1 - s)] == ["2.50e-01", "1.05e-01", "6.65e-03", "4.54e-05"]
    assert [f"{v:.2e}" for v in 1 - np.tanh(x) ** 2] == ["1.00e+00", "7.07e-02", "1.82e-04", "8.24e-09"]


def test_chain_of_sigmoids_vanishes_below_the_bound():
    # prose: through 10 sigmoid layers the derivative is 3.88e-07, below 0.25**10 = 9.54e-07
    assert f"{sigmoid_chain_grad(10):.2e}" == "3.88e-07"
    assert f"{0.25 ** 10:.2e}" == "9.54e-07"
    grads = [sigmoid_chain_grad(L) for L in range(1, 13)]
    assert all(g <= 0.25 ** L + 1e-15 for L, g in enumerate(grads, start=1))
    assert all(b < a for a, b in zip(grads[:-1], grads[1:], strict=True))          # shrinks with every layer
    assert sigmoid_chain_grad(1) == 0.25


def test_chain_grad_equals_the_product_of_local_derivatives():
    a, product = 0.3, 1.0
    for _ in range(6):
        s = float(sigmoid(a))
        product *= s * (1 - s)
        a = s
    assert sigmoid_chain_grad(6, x=0.3) == pytest.approx(product, rel=1e-12)


def test_dead_relu_gets_no_gradient_and_a_live_one_does():
    # prose: with bias -10 every z < 0, so loss and all gradients are exactly 0
    assert relu_neuron_grads(-10.0) == (0.0, 0.0, 0.0)
    loss, w_grad, b_grad = relu_neuron_grads(0.0)
    # prose: with bias 0 the bias gradient counts the samples with z > 0: 486 of 1000
    assert b_grad == 486.0 and loss > 0 and w_grad > 0
    torch.manual_seed(0)
    layer = torch.nn.Linear(3, 1, dtype=torch.float64)
    X = torch.randn(1000, 3, dtype=torch.float64)
    assert int((X @ layer.weight.detach().T > 0).sum()) == 486


def test_sigmoid_outputs_give_same_sign_weight_gradients():
    # prose: sigmoid outputs are all positive, so delta * a_i has the sign of delta for every i
    rng = np.random.default_rng(0)
    a = sigmoid(rng.standard_normal(6))
    assert np.sign(-0.7 * a).tolist() == [-1.0] * 6
    assert np.sign(-0.7 * np.tanh(rng.standard_normal(6))).tolist() == [-1.0, -1.0, 1.0, 1.0, 1.0, -1.0]
    for delta in rng.standard_normal(20):
        signs = np.sign(delta * sigmoid(rng.standard_normal(50)))
        assert len(set(signs)) == 1


@pytest.mark.parametrize(("call", "error", "arg"), [
    (lambda: sigmoid_chain_grad(0), ValueError, "depth"),
    (lambda: sigmoid_chain_grad(2.0), TypeError, "depth"),
    (lambda: sigmoid_chain_grad(True), TypeError, "depth"),
    (lambda: relu_neuron_grads(0.0, N=0), ValueError, "N"),
])
def test_bad_input_names_the_argument(call, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        call()


def test_leaky_relu_neuron_does_not_die():
    # exercise 6: with leaky ReLU (alpha = 0.01) the neuron with bias -10 still gets a gradient
    torch.manual_seed(0)
    layer = torch.nn.Linear(3, 1, dtype=torch.float64)
    with torch.no_grad():
        layer.bias.fill_(-10.0)
    X = torch.randn(1000, 3, dtype=torch.float64)
    z = layer(X)
    assert (z < 0).all()
    torch.nn.functional.leaky_relu(z, 0.01).sum().backward()
    assert layer.bias.grad.item() == pytest.approx(0.01 * 1000)
    assert layer.weight.grad.abs().sum().item() > 0
