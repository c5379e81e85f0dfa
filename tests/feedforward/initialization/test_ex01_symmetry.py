import numpy as np
import pytest
import torch
from torch import nn

from snippets.feedforward.initialization.ex01_symmetry import train_2_4_1, units_identical


def constant(p):
    nn.init.constant_(p, 0.5)


def seeded_uniform():
    generator = torch.Generator().manual_seed(0)
    return lambda p: nn.init.uniform_(p, -0.5, 0.5, generator=generator)


def test_page_numbers():
    # prose: constant 0.5 -> identical hidden units, loss 0.881; random -> different units, loss 0.263
    model, loss = train_2_4_1(constant)
    assert units_identical(model[0].weight.detach()) and f"{loss:.3f}" == "0.881"
    model, loss = train_2_4_1(seeded_uniform())
    assert not units_identical(model[0].weight.detach()) and f"{loss:.3f}" == "0.263"


@pytest.mark.parametrize("steps", [0, 1, 10, 200, 1000])
def test_constant_init_keeps_every_hidden_unit_identical(steps):
    # prose: the hidden units get the same gradient at every step, so they stay the same (up to rounding)
    model, _ = train_2_4_1(constant, steps=steps)
    W1, b1, W2 = (model[0].weight.detach(), model[0].bias.detach(), model[2].weight.detach())
    assert units_identical(W1) and torch.allclose(b1, b1[:1].expand_as(b1), rtol=0, atol=1e-12)
    assert torch.allclose(W2, W2[:, :1].expand_as(W2), rtol=0, atol=1e-12)
    if steps:
        assert not torch.allclose(W1, torch.full_like(W1, 0.5))    # they do move, all together


def test_constant_network_is_no_better_than_one_hidden_unit():
    # four identical tanh units compute what one unit with 4 times the output weight computes
    model, loss = train_2_4_1(constant, steps=200)
    one = nn.Sequential(nn.Linear(2, 1), nn.Tanh(), nn.Linear(1, 1)).double()
    with torch.no_grad():
        one[0].weight.copy_(model[0].weight[:1])
        one[0].bias.copy_(model[0].bias[:1])
        one[2].weight.fill_(model[2].weight.sum().item())
        one[2].bias.copy_(model[2].bias)
    X = torch.randn(10, 2, dtype=torch.float64)
    torch.testing.assert_close(one(X), model(X))


def test_zero_init_leaves_the_weights_at_zero():
    # prose: with all zeros, W1 and W2 get zero gradients forever: 0.0 0.0
    model, loss = train_2_4_1(nn.init.zeros_)
    assert model[0].weight.abs().max().item() == 0.0 and model[2].weight.abs().max().item() == 0.0
    assert model[0].bias.abs().max().item() == 0.0
    # only the output bias learns: the network predicts the mean of y
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, (64, 2))
    y = np.sin(X[:, 0]) * X[:, 1]
    assert model[2].bias.item() == pytest.approx(y.mean(), abs=1e-6)


def test_units_identical_uses_a_tolerance():
    W = torch.tensor([[1.0, 2.0], [1.0, 2.0 + 1e-15]], dtype=torch.float64)
    assert units_identical(W) and not units_identical(W + torch.tensor([[0.0, 0.0], [0.0, 1e-9]]))


@pytest.mark.parametrize("steps", [-1, 2.5])
def test_bad_steps_name_the_argument(steps):
    with pytest.raises(ValueError, match=r"^steps "):
        train_2_4_1(constant, steps=steps)
