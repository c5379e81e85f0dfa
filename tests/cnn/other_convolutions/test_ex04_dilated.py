
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.other_convolutions import ex04_dilated as ex
from snippets.cnn.other_convolutions.ex04_dilated import conv2d_dilated, dilated_length


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_length_formula_matches_torch_in_every_small_case():
    # floor((M + 2P - D(K-1) - 1) / S) + 1
    count = 0
    for M in range(1, 12):
        for K in range(1, 5):
            for D in range(1, 4):
                for S in range(1, 4):
                    for P in range(3):
                        if D * (K - 1) + 1 > M + 2 * P:
                            with pytest.raises(ValueError, match="^K "):
                                dilated_length(M, K, S, P, D)
                            continue
                        out = F.conv1d(torch.zeros(1, 1, M), torch.zeros(1, 1, K), stride=S, padding=P,
                                       dilation=D)
                        assert out.shape[-1] == dilated_length(M, K, S, P, D) == \
                            (M + 2 * P - D * (K - 1) - 1) // S + 1
                        count += 1
    assert count == 996


def test_values_match_torch():
    rng = np.random.default_rng(0)
    for D in (1, 2, 3):
        for S, P in [(1, 0), (2, 1), (1, 2)]:
            for Kh, Kw in [(3, 3), (2, 3)]:
                X, W = rng.standard_normal((2, 3, 9, 8)), rng.standard_normal((4, 3, Kh, Kw))
                T = F.conv2d(torch.tensor(X), torch.tensor(W), stride=S, padding=P, dilation=D).numpy()
                np.testing.assert_allclose(conv2d_dilated(X, W, S, P, D), T, atol=1e-12)


def test_a_dilated_kernel_is_an_ordinary_kernel_with_holes():
    rng = np.random.default_rng(1)
    X, W = rng.standard_normal((1, 2, 9, 9)), rng.standard_normal((3, 2, 3, 3))
    for D in (2, 3):
        holes = np.zeros((3, 2, 2 * D + 1, 2 * D + 1))
        holes[:, :, ::D, ::D] = W
        np.testing.assert_allclose(conv2d_dilated(X, W, dilation=D), conv2d_dilated(X, holes), atol=1e-12)


def test_page_numbers():
    # M=7, K=3: D=2 -> 3 outputs, D=3 -> 1; the 7x7 0..48 example; the receptive field 15 = 1 + 2(1+2+4)
    assert dilated_length(7, 3, D=2) == 3 and dilated_length(7, 3, D=3) == 1
    X = np.arange(49.0).reshape(1, 1, 7, 7)
    Y = conv2d_dilated(X, np.ones((1, 1, 3, 3)), dilation=2)[0, 0]
    assert Y.tolist() == [[144, 153, 162], [207, 216, 225], [270, 279, 288]]
    assert Y[0, 0] == X[0, 0, 0:5:2, 0:5:2].sum()
    assert 1 + sum(D * 2 for D in (1, 2, 4)) == 15
    # without dilation, 3x3 layers: 1 + 2L; reaching 15 takes 7 layers
    assert 1 + 2 * 3 == 7 and 1 + 2 * 7 == 15


def receptive_field(dilations, K=3, M=101):
    x = torch.zeros(1, 1, M, requires_grad=True)
    y = x
    for D in dilations:
        y = F.conv1d(y, torch.ones(1, 1, K), dilation=D)
    y[0, 0, y.shape[-1] // 2].backward()
    seen = x.grad.flatten().nonzero().flatten()
    assert len(seen) == seen.max() - seen.min() + 1          # no holes: every input in the span is seen
    return len(seen)


@pytest.mark.parametrize("dilations", [(1,), (1, 1, 1), (1, 2, 4), (1, 2, 4, 8), (1, 3, 9)])
def test_receptive_field_formula(dilations):
    assert receptive_field(dilations) == 1 + sum(D * 2 for D in dilations)


def test_exercise_gridding_holes():
    # dilations (2, 2): the output sees only every other input in its span of 9
    x = torch.zeros(1, 1, 31, requires_grad=True)
    y = F.conv1d(F.conv1d(x, torch.ones(1, 1, 3), dilation=2), torch.ones(1, 1, 3), dilation=2)
    y[0, 0, 10].backward()
    seen = x.grad.flatten().nonzero().flatten()
    assert len(seen) == 5 and (seen.max() - seen.min() + 1).item() == 9


@pytest.mark.parametrize(("X", "W", "kwargs", "name"), [
    (np.ones((3, 7, 7)), np.ones((1, 3, 3, 3)), {}, "X"),
    (np.ones((1, 3, 7, 7)), np.ones((3, 3, 3)), {}, "W"),
    (np.ones((1, 3, 7, 7)), np.ones((1, 2, 3, 3)), {}, "W"),            # channels do not match
    (np.ones((1, 3, 7, 7)), np.ones((1, 3, 3, 3)), {"stride": 0}, "S"),
    (np.ones((1, 3, 7, 7)), np.ones((1, 3, 3, 3)), {"padding": -1}, "P"),
    (np.ones((1, 3, 7, 7)), np.ones((1, 3, 3, 3)), {"dilation": 0}, "D"),
    (np.ones((1, 3, 7, 7)), np.ones((1, 3, 3, 3)), {"dilation": 1.5}, "D"),
    (np.ones((1, 3, 7, 7)), np.ones((1, 3, 3, 3)), {"dilation": 4}, "K"),   # span 9 > 7
])
def test_bad_arguments_name_the_argument(X, W, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv2d_dilated(X, W, **kwargs)
