import numpy as np
import pytest
import torch
from torch import nn

from snippets.feedforward.network_structure.ex01_forward import W1, W2, b1, b2, forward, identity, relu
from snippets.feedforward.network_structure.ex02_torch_sequential import to_sequential


def test_sequential_structure_and_copied_weights():
    model = to_sequential([W1, W2], [b1, b2])
    assert [type(m) for m in model] == [nn.Linear, nn.ReLU, nn.Linear]
    np.testing.assert_array_equal(model[0].weight.detach().numpy(), W1)
    np.testing.assert_array_equal(model[2].bias.detach().numpy(), b2)


def test_numpy_forward_equals_torch_on_a_batch():
    # prose: the numpy forward pass and nn.Sequential with copied weights give the same outputs
    model = to_sequential([W1, W2], [b1, b2])
    X = np.random.default_rng(0).standard_normal((5, 2))
    _, acts = forward(X.T, [W1, W2], [b1, b2], [relu, identity])
    theirs = model(torch.from_numpy(X)).detach().numpy()
    np.testing.assert_allclose(acts[-1].T, theirs, rtol=0, atol=1e-12)
    assert np.round(theirs[:2, 0], 4).tolist() == [0.4789, 0.6355]


def test_deeper_random_network():
    rng = np.random.default_rng(5)
    sizes = [4, 6, 5, 3]
    Ws = [rng.standard_normal((m, n)) for n, m in zip(sizes[:-1], sizes[1:], strict=True)]
    bs = [rng.standard_normal(m) for m in sizes[1:]]
    X = rng.standard_normal((10, 4))
    _, acts = forward(X.T, Ws, bs, [relu, relu, identity])
    out = to_sequential(Ws, bs)(torch.from_numpy(X)).detach().numpy()
    np.testing.assert_allclose(acts[-1].T, out, atol=1e-12)


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match=r"^Ws "):
        to_sequential([W1, W2], [b1])
    with pytest.raises(ValueError, match=r"^Ws "):
        to_sequential([], [])
