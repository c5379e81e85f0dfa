import math

import numpy as np
import pytest
import torch
from torch import nn

from snippets.feedforward.initialization.ex02_schemes import (
    he_normal,
    he_uniform,
    xavier_normal,
    xavier_uniform,
)

M_IN, M_OUT = 400, 200


def test_page_table():
    # prose: theoretical std 0.0365 (Xavier) and 0.0447 (He) for 1000 -> 500; ours and torch's sample std
    # over 500 000 draws equal it to 2 decimals, far from a rounding edge
    M_IN, M_OUT = 1000, 500
    rng = np.random.default_rng(0)
    torch.manual_seed(0)
    torch_inits = [nn.init.xavier_uniform_, nn.init.xavier_normal_,
                   lambda W: nn.init.kaiming_uniform_(W, nonlinearity="relu"),
                   lambda W: nn.init.kaiming_normal_(W, nonlinearity="relu")]
    stds = [math.sqrt(2 / (M_IN + M_OUT))] * 2 + [math.sqrt(2 / M_IN)] * 2
    assert [f"{s:.4f}" for s in stds] == ["0.0365", "0.0365", "0.0447", "0.0447"]
    for ours, theirs, std in zip([xavier_uniform, xavier_normal, he_uniform, he_normal], torch_inits, stds,
                                 strict=True):
        a = ours(M_IN, M_OUT, rng).std() / std
        b = theirs(torch.empty(M_OUT, M_IN, dtype=torch.float64)).std().item() / std
        assert abs(a - 1) < 0.002 and abs(b - 1) < 0.002


@pytest.mark.parametrize("seed", range(3))
def test_distribution_parameters_match_torch(seed):
    # compare distributions, not draws: bounds (uniform) and moments (both) over many draws
    rng = np.random.default_rng(seed)
    torch.manual_seed(seed)
    big_in, big_out = 1000, 500
    for ours, theirs, r in [
        (xavier_uniform, nn.init.xavier_uniform_, math.sqrt(6 / (big_in + big_out))),
        (he_uniform, lambda W: nn.init.kaiming_uniform_(W, nonlinearity="relu"), math.sqrt(6 / big_in)),
    ]:
        W_ours = ours(big_in, big_out, rng)
        W_torch = theirs(torch.empty(big_out, big_in, dtype=torch.float64)).numpy()
        for W in (W_ours, W_torch):
            assert np.abs(W).max() <= r and np.abs(W).max() > r * (1 - 1e-4)
            assert abs(W.mean()) < 0.01 * r and W.std() == pytest.approx(r / math.sqrt(3), rel=0.005)
    for ours, theirs, s in [
        (xavier_normal, nn.init.xavier_normal_, math.sqrt(2 / (big_in + big_out))),
        (he_normal, lambda W: nn.init.kaiming_normal_(W, nonlinearity="relu"), math.sqrt(2 / big_in)),
    ]:
        W_ours = ours(big_in, big_out, rng)
        W_torch = theirs(torch.empty(big_out, big_in, dtype=torch.float64)).numpy()
        for W in (W_ours, W_torch):
            assert W.std() == pytest.approx(s, rel=0.005) and abs(W.mean()) < 0.01 * s
            kurtosis = ((W - W.mean()) ** 4).mean() / W.var() ** 2
            assert kurtosis == pytest.approx(3.0, abs=0.05)           # normal, not uniform (1.8)


def test_shapes_follow_the_book_and_torch():
    rng = np.random.default_rng(0)
    assert xavier_uniform(3, 5, rng).shape == (5, 3) == nn.Linear(3, 5).weight.shape


def test_torch_fans_are_columns_in_and_rows_out():
    # nn.init computes fan_in = weight.shape[1] = M_in and fan_out = weight.shape[0] = M_out
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(torch.empty(M_OUT, M_IN))
    assert (fan_in, fan_out) == (M_IN, M_OUT)
    assert nn.init.calculate_gain("relu") == math.sqrt(2) and nn.init.calculate_gain("tanh") == 5 / 3


def test_page_bounds():
    # prose: the bound sqrt(6 / 600) = 0.1 is reached by the largest of 80 000 draws to 4 decimals
    rng = np.random.default_rng(1)
    torch.manual_seed(1)
    W_ours = xavier_uniform(400, 200, rng)
    W_torch = nn.init.xavier_uniform_(torch.empty(200, 400, dtype=torch.float64))
    assert round(math.sqrt(6 / 600), 4) == 0.1
    assert round(float(np.abs(W_ours).max()), 4) == 0.1 and round(W_torch.abs().max().item(), 4) == 0.1


@pytest.mark.parametrize("f", [xavier_uniform, xavier_normal, he_uniform, he_normal])
@pytest.mark.parametrize(("M_in", "M_out", "arg"), [(0, 3, "M_in"), (3, -1, "M_out"), (2.0, 3, "M_in")])
def test_bad_sizes_name_the_argument(f, M_in, M_out, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        f(M_in, M_out, np.random.default_rng(0))
