import math

import pytest
import torch
from torch import nn


def test_default_linear_is_uniform_with_bound_one_over_sqrt_fan_in():
    # prose: nn.Linear uses kaiming_uniform_(a=sqrt(5)), i.e. U(-1/sqrt(M_in), 1/sqrt(M_in)); same bound for b
    torch.manual_seed(0)
    layer = nn.Linear(400, 200)
    bound = 1 / math.sqrt(400)
    W, b = layer.weight.detach(), layer.bias.detach()
    assert bound == 0.05 and round(math.sqrt(2 / 6) * math.sqrt(3 / 400), 4) == 0.05
    assert W.abs().max().item() <= bound * (1 + 1e-6) and round(W.abs().max().item() / bound, 3) == 1.0
    assert b.abs().max().item() <= bound and b.abs().max().item() > 0.95 * bound
    assert round(W.std().item() / (bound / math.sqrt(3)), 2) == 1.0
    assert round(W.var().item() * 400, 2) == 0.33                  # prose: 1/3, against 2 for He


def test_default_matches_kaiming_uniform_a_sqrt5_draw_for_draw():
    # the same seed gives the same draws: reset_parameters calls kaiming_uniform_(weight, a=sqrt(5))
    torch.manual_seed(3)
    layer = nn.Linear(50, 20)
    torch.manual_seed(3)
    W = torch.empty(20, 50)
    nn.init.kaiming_uniform_(W, a=math.sqrt(5))
    torch.testing.assert_close(layer.weight.detach(), W, rtol=0, atol=0)
    assert nn.init.calculate_gain("leaky_relu", math.sqrt(5)) == pytest.approx(math.sqrt(1 / 3))


@pytest.mark.parametrize("M_in", [1, 7, 64, 1000])
def test_bound_for_several_widths(M_in):
    torch.manual_seed(M_in)
    W = nn.Linear(M_in, 300).weight.detach()
    bound = 1 / math.sqrt(M_in)
    assert W.abs().max().item() <= bound * (1 + 1e-6)
    assert W.abs().max().item() > bound * 0.98


def test_conv2d_uses_the_same_rule_with_fan_in_channels_times_kernel_area():
    # prose: nn.Conv2d's default bound is 1/sqrt(C_in * K * K)
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 64, 5)
    bound = 1 / math.sqrt(3 * 5 * 5)
    W = conv.weight.detach()
    assert W.abs().max().item() <= bound * (1 + 1e-6) and W.abs().max().item() > 0.99 * bound
    assert conv.bias.detach().abs().max().item() <= bound


def test_exercises_3_and_4():
    # exercise 3: He std sqrt(2/784) = 0.0505, Xavier bound sqrt(6/1040) = 0.0760
    assert round(math.sqrt(2 / 784), 4) == 0.0505 and f"{math.sqrt(6 / 1040):.4f}" == "0.0760"
    # exercise 4: nn.Linear(100, 10) draws from U(-0.1, 0.1), std about 0.1 / sqrt(3) = 0.0577
    torch.manual_seed(0)
    layer = nn.Linear(100, 10)
    assert layer.weight.abs().max().item() <= 0.1 and layer.bias.abs().max().item() <= 0.1
    assert round(0.1 / math.sqrt(3), 4) == 0.0577


def test_backprop_page_init_params_is_lecun_normal():
    # prose: init_params of the backprop page draws N(0, 1/M_{l-1})
    import numpy as np

    from snippets.feedforward.backprop.ex01_backprop import init_params

    (W1, b1), = init_params([1000, 800], seed=0)
    assert W1.std() == pytest.approx(1 / math.sqrt(1000), rel=0.01) and (b1 == 0).all()
    assert abs(W1.mean()) < 1e-3 and isinstance(W1, np.ndarray)
