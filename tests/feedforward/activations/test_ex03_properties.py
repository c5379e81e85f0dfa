import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import integrate, stats

from snippets.feedforward.activations.ex01_activations import sigmoid
from snippets.feedforward.activations.ex03_properties import relu_neuron_grads, sigmoid_chain_grad


def test_tanh_is_a_shifted_and_scaled_sigmoid():
    # prose: tanh(x) = 2 sigma(2x) - 1
    z = np.linspace(-20, 20, 2001)
    np.testing.assert_allclose(np.tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-14)


def test_saturation_table():
    # prose table: sigma' and tanh' at 0, 2, 5, 10 (the block's naive 1 / (1 + e^-x) is fine for x >= 0)
    x = np.array([0.0, 2.0, 5.0, 10.0])
    np.testing.assert_allclose(1 / (1 + np.exp(-x)), sigmoid(x), rtol=1e-15)
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


def test_chain_with_weight_8_explodes_as_2_to_the_L():
    # prose: with w = 8, b = -4, x = 0.5 every z is 0, each layer multiplies by 8 * 0.25 = 2: 2, 4, 32, 1024
    assert [sigmoid_chain_grad(L, w=8.0, b=-4.0, x=0.5) for L in (1, 2, 5, 10)] == [2.0, 4.0, 32.0, 1024.0]
    assert sigmoid_chain_grad(30, w=8.0, b=-4.0, x=0.5) == 2.0 ** 30
    # the same chain as a product of w * sigma'(z) with autograd out of the loop
    a, product = 0.5, 1.0
    for _ in range(10):
        z = 8.0 * a - 4.0
        s = float(sigmoid(z))
        product *= 8.0 * s * (1 - s)
        a = s
    assert product == 1024.0


def test_exercise_7_large_weights_without_the_bias_saturate():
    # exercise 7: w = 8, b = 0, x = 0: 8.90e-22 after 10 layers, far below 3.88e-07 with w = 1
    assert f"{sigmoid_chain_grad(10, w=8.0):.2e}" == "8.90e-22"
    assert sigmoid_chain_grad(10, w=8.0) < sigmoid_chain_grad(10)
    # after the first layer the net inputs 8a lie between 4 and 8, where 8 sigma'(z) is far below 1
    a = float(sigmoid(0.0))
    for _ in range(9):
        z = 8.0 * a
        assert 4.0 <= z < 8.0 and 8.0 * float(sigmoid(z) * (1 - sigmoid(z))) < 0.15
        a = float(sigmoid(z))


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
    a = torch.sigmoid(torch.from_numpy(rng.standard_normal(6)))
    assert torch.sign(-0.7 * a).tolist() == [-1.0] * 6
    b = torch.tanh(torch.from_numpy(rng.standard_normal(6)))
    assert torch.sign(-0.7 * b).tolist() == [-1.0, -1.0, 1.0, 1.0, 1.0, -1.0]
    for delta in rng.standard_normal(20):
        signs = np.sign(delta * sigmoid(rng.standard_normal(50)))
        assert len(set(signs)) == 1


@pytest.mark.parametrize(("call", "error", "arg"), [
    (lambda: sigmoid_chain_grad(0), ValueError, "depth"),
    (lambda: sigmoid_chain_grad(2.0), ValueError, "depth"),
    (lambda: relu_neuron_grads(0.0, N=0), ValueError, "N"),
    (lambda: relu_neuron_grads(0.0, N=2.5), ValueError, "N"),
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


MEANS = {"sigmoid": (torch.sigmoid, "0.50"), "tanh": (torch.tanh, "0.00"), "ReLU": (F.relu, "0.40"),
         "leaky ReLU": (F.leaky_relu, "0.40"), "ELU": (F.elu, "0.16"), "softplus": (F.softplus, "0.81"),
         "GELU": (F.gelu, "0.28"), "Swish": (F.silu, "0.21")}


def exact_mean(f):
    """E[f(Z)] for Z ~ N(0, 1) by quadrature."""
    value, _ = integrate.quad(lambda t: f(torch.tensor(t, dtype=torch.float64)).item() * stats.norm.pdf(t),
                              -40, 40, limit=200)
    return value


@pytest.mark.parametrize("name", sorted(MEANS))
def test_mean_outputs_on_standard_normal_inputs(name):
    # prose table: mean output on N(0, 1) inputs (1e6 samples, printed to 2 decimals)
    f, printed = MEANS[name]
    z = torch.from_numpy(np.random.default_rng(0).standard_normal(1_000_000))
    sampled = f(z).mean().item()
    assert f"{sampled:.2f}" == printed
    assert abs(sampled - exact_mean(f)) < 0.002               # sampling error only
    assert abs((sampled * 100) % 1 - 0.5) > 0.05      # 5e-4 from a rounding edge: portable to 2 decimals


def test_exact_means_match_closed_forms():
    # ReLU: 1/sqrt(2 pi); leaky ReLU: 0.99 of that; GELU: E[Z Phi(Z)] = E[phi(Z)] = 1/(2 sqrt(pi));
    # ELU: E[Z; Z>0] + E[e^Z - 1; Z<0] = 1/sqrt(2 pi) + e^{1/2} Phi(-1) - 1/2; sigmoid 1/2, tanh 0 by symmetry
    r = 1 / np.sqrt(2 * np.pi)
    assert exact_mean(F.relu) == pytest.approx(r, abs=1e-9)
    assert exact_mean(F.leaky_relu) == pytest.approx(0.99 * r, abs=1e-9)
    assert exact_mean(F.gelu) == pytest.approx(1 / (2 * np.sqrt(np.pi)), abs=1e-9)
    assert exact_mean(F.elu) == pytest.approx(r + np.exp(0.5) * stats.norm.cdf(-1) - 0.5, abs=1e-9)
    assert exact_mean(torch.sigmoid) == pytest.approx(0.5, abs=1e-9)
    assert exact_mean(torch.tanh) == pytest.approx(0.0, abs=1e-9)
    # prose: leaky ReLU is no more zero-centred than ReLU; ELU is the closest to 0 of the non-symmetric ones
    means = {name: exact_mean(f) for name, (f, _) in MEANS.items()}
    assert means["leaky ReLU"] > 0.39
    assert min(v for k, v in means.items() if k not in ("tanh",)) == means["ELU"]
