import itertools

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.pooling.ex01_pool2d import EXAMPLE, pool2d, pool2d_loop

X = np.array(EXAMPLE, dtype=float)


def test_page_example():
    # prose: max [[4, 2], [6, 4]], average [[2.5, 1], [3.25, 2.5]]; the top-left region (1+3+4+2)/4 = 2.5
    assert pool2d_loop(X, 2).tolist() == [[4, 2], [6, 4]]
    assert pool2d_loop(X, 2, mode="avg").tolist() == [[2.5, 1], [3.25, 2.5]]
    assert (1 + 3 + 4 + 2) / 4 == 2.5
    assert pool2d_loop(X, 3, S=1).tolist() == [[6, 6], [6, 6]]
    Xt = torch.from_numpy(X)[None, None]
    assert F.max_pool2d(Xt, 2)[0, 0].tolist() == [[4, 2], [6, 4]]
    assert F.avg_pool2d(Xt, 2)[0, 0].tolist() == [[2.5, 1], [3.25, 2.5]]


def test_loop_and_vectorised_match_torch_on_many_settings():
    rng = np.random.default_rng(1)
    for H, W, K, S, P in itertools.product((4, 7), (5, 9), (1, 2, 3), (1, 2, 3), (0, 1)):
        if P > K // 2 or K > min(H, W) + 2 * P:
            continue                                  # PyTorch allows padding up to K // 2 only
        x = rng.standard_normal((2, 3, H, W))
        xt = torch.from_numpy(x)
        for mode, pool in (("max", F.max_pool2d), ("avg", F.avg_pool2d)):
            expected = pool(xt, K, S, P).numpy()
            np.testing.assert_allclose(pool2d(x, K, S, P, mode), expected, atol=1e-12)
            np.testing.assert_allclose(pool2d_loop(x[1, 2], K, S, P, mode), expected[1, 2], atol=1e-12)


def test_output_size_is_the_convolution_formula():
    # prose: 7×9 with K=3, S=2, P=1 -> 4×5; 4×4 with K=2 -> 2×2; exercise 1: 28 -> 14 and 13
    assert pool2d(np.zeros((1, 1, 7, 9)), 3, 2, 1).shape == (1, 1, 4, 5)
    assert (7 + 2 - 3) // 2 + 1 == 4 and (9 + 2 - 3) // 2 + 1 == 5
    assert pool2d(np.zeros((1, 1, 4, 4)), 2).shape[2:] == (2, 2)
    assert pool2d(np.zeros((1, 1, 28, 28)), 2).shape[2:] == (14, 14)
    assert pool2d(np.zeros((1, 1, 28, 28)), 3, 2).shape[2:] == (13, 13)


def test_pooling_has_no_parameters_and_keeps_the_channels():
    # prose: nn.MaxPool2d has 0 parameters;
    # exercise 2: (64, 56, 56) -> (64, 28, 28), FC weights 2 007 040 -> 501 760
    assert sum(p.numel() for p in torch.nn.MaxPool2d(2).parameters()) == 0
    assert sum(p.numel() for p in torch.nn.AvgPool2d(2).parameters()) == 0
    assert pool2d(np.zeros((1, 64, 56, 56)), 2).shape == (1, 64, 28, 28)
    assert 64 * 56 * 56 == 200_704 and 64 * 28 * 28 == 50_176
    assert torch.nn.Linear(200_704, 10, device="meta").weight.numel() == 2_007_040
    assert torch.nn.Linear(50_176, 10, device="meta").weight.numel() == 501_760


def test_max_pooling_pads_with_minus_infinity():
    x = -np.ones((1, 1, 2, 2))
    assert pool2d(x, 2, 2, 1).tolist() == [[[[-1, -1], [-1, -1]]]]          # the padded zeros never win
    assert pool2d(x, 2, 2, 1, "avg").tolist() == [[[[-0.25, -0.25], [-0.25, -0.25]]]]


@pytest.mark.parametrize(("args", "kwargs", "arg"), [
    ((np.zeros((4, 4)), 2), {}, "X"),              # the vectorised version wants (N, C, H, W)
    ((np.zeros((1, 1, 4, 4)), 0), {}, "K"),
    ((np.zeros((1, 1, 4, 4)), 2.0), {}, "K"),
    ((np.zeros((1, 1, 4, 4)), 2), {"S": 0}, "S"),
    ((np.zeros((1, 1, 4, 4)), 2), {"S": -1}, "S"),
    ((np.zeros((1, 1, 4, 4)), 2), {"P": -1}, "P"),
    ((np.zeros((1, 1, 4, 4)), 5), {}, "K"),        # window larger than the input
    ((np.zeros((1, 1, 4, 4)), 7), {"P": 1}, "K"),  # larger than the padded input
    ((np.zeros((1, 1, 4, 4)), 2), {"mode": "min"}, "mode"),
])
def test_bad_arguments_name_the_argument(args, kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg}[ =]"):
        pool2d(*args, **kwargs)


def test_loop_rejects_bad_arguments_too():
    with pytest.raises(ValueError, match=r"^X "):
        pool2d_loop(np.zeros((1, 4, 4)), 2)
    with pytest.raises(ValueError, match=r"^K="):
        pool2d_loop(np.zeros((3, 3)), 4)
    with pytest.raises(ValueError, match=r"^P "):
        pool2d_loop(np.zeros((3, 3)), 2, P=-1)
