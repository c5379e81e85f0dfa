import pytest
import torch
from torch import nn

from snippets.feedforward.activations.ex04_prelu_maxout import Maxout


def test_prelu_slope_is_a_parameter_that_gets_a_gradient():
    # prose: nn.PReLU starts with alpha = 0.25; its gradient is the sum of the negative inputs, -2.5
    prelu = nn.PReLU()
    z = torch.tensor([-2.0, -0.5, 0.5, 2.0])
    y = prelu(z)
    y.sum().backward()
    assert y.tolist() == [-0.5, -0.125, 0.5, 2.0]
    assert prelu.weight.item() == 0.25 and prelu.weight.grad.item() == -2.5
    assert sum(p.numel() for p in prelu.parameters()) == 1
    # equals leaky ReLU with alpha = 0.25
    torch.testing.assert_close(y, torch.nn.functional.leaky_relu(z, 0.25))


def test_maxout_with_a_zero_piece_is_relu():
    # prose: max(w^T x + b, 0) is ReLU; 8 parameters = 2 pieces of (3 weights + 1 bias)
    torch.manual_seed(0)
    X = torch.randn(100, 3)
    unit = Maxout(D=3, M=1, K=2)
    with torch.no_grad():
        unit.linear.weight[1] = 0.0
        unit.linear.bias[1] = 0.0
    W, b = unit.linear.weight[:1], unit.linear.bias[:1]
    torch.testing.assert_close(unit(X), torch.relu(X @ W.T + b))
    assert unit(X).shape == (100, 1) and sum(p.numel() for p in unit.parameters()) == 8
    assert (unit(X) >= 0).all() and (unit(X) == 0).any()       # some inputs fall on the zero piece


def test_maxout_is_the_max_over_pieces_for_several_units():
    torch.manual_seed(1)
    unit = Maxout(D=4, M=3, K=5)
    X = torch.randn(7, 4)
    Z = X @ unit.linear.weight.T + unit.linear.bias            # (7, 15): unit m owns columns m*K .. m*K+K-1
    expected = torch.stack([Z[:, m * 5:(m + 1) * 5].max(dim=1).values for m in range(3)], dim=1)
    torch.testing.assert_close(unit(X), expected)
    # |x| = max(x, -x) is a Maxout unit with K = 2
    absu = Maxout(D=1, M=1, K=2)
    with torch.no_grad():
        absu.linear.weight.copy_(torch.tensor([[1.0], [-1.0]]))
        absu.linear.bias.zero_()
    x = torch.linspace(-2, 2, 9).view(-1, 1)
    torch.testing.assert_close(absu(x), x.abs())


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"D": 0, "M": 1, "K": 2}, "D"), ({"D": 3, "M": -1, "K": 2}, "M"), ({"D": 3, "M": 1, "K": 1.5}, "K"),
])
def test_bad_sizes_name_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        Maxout(**kwargs)
