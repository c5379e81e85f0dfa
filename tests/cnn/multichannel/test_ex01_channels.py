import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d
from snippets.cnn.multichannel.ex01_channels import W, X, b, conv_multi, conv_multi_loop, conv_parameters


def torch_conv(X, W, b):
    t = lambda a: torch.tensor(np.asarray(a), dtype=torch.float64)  # noqa: E731
    return F.conv2d(t(X)[None], t(W), t(b))[0].numpy()


def test_page_example_by_hand():
    # prose: channel 0 gives 1×1 + 2×0 + 0×0 + 1×1 = 2, channel 1 gives 3, plus b_0 = 0 -> 5;
    # output channel 1: 4 + 0 + b_1 = 5
    assert np.sum(X[0, :2, :2] * W[0, 0]) == 2 and np.sum(X[1, :2, :2] * W[0, 1]) == 3
    assert np.sum(X[0, :2, :2] * W[1, 0]) == 4 and np.sum(X[1, :2, :2] * W[1, 1]) == 0
    Y = conv_multi_loop(X, W, b)
    assert Y[0, 0, 0] == 2 + 3 + 0 == 5 and Y[1, 0, 0] == 4 + 0 + 1 == 5
    assert Y.tolist() == [[[5, 6], [2, 6]], [[5, 6], [3, 7]]]
    assert Y.tolist() == torch_conv(X, W, b).tolist()


def test_loop_vectorised_torch_and_conv2d_agree_on_random_shapes():
    rng = np.random.default_rng(0)
    for C_in, C_out, H, W_in, K in [(1, 1, 4, 4, 2), (3, 2, 5, 7, 3), (4, 5, 6, 6, 1), (2, 3, 3, 3, 3)]:
        x, w, bias = rng.standard_normal((C_in, H, W_in)), rng.standard_normal((C_out, C_in, K, K)), \
            rng.standard_normal(C_out)
        expected = torch_conv(x, w, bias)
        np.testing.assert_allclose(conv_multi_loop(x, w, bias), expected, atol=1e-12)
        np.testing.assert_allclose(conv_multi(x, w, bias), expected, atol=1e-12)
        np.testing.assert_allclose(conv2d(x[None], w, bias)[0], expected, atol=1e-12)


def test_each_output_channel_is_the_sum_over_input_channels():
    rng = np.random.default_rng(1)
    x, w = rng.standard_normal((3, 5, 5)), rng.standard_normal((2, 3, 3, 3))
    Y = conv_multi(x, w, np.zeros(2))
    for o in range(2):
        per_channel = [conv_multi(x[c:c + 1], w[o:o + 1, c:c + 1], np.zeros(1))[0] for c in range(3)]
        np.testing.assert_allclose(Y[o], sum(per_channel), atol=1e-12)


def test_parameter_count_formula_matches_numel():
    # prose: 18, 1216, 73 856; two 3×3 layers (64 -> 64) 73 856 vs one 5×5 layer 102 464
    for C_in, C_out, K in [(2, 2, 2), (3, 16, 5), (64, 128, 3), (1, 1, 1), (7, 3, 4)]:
        layer = torch.nn.Conv2d(C_in, C_out, K)
        assert sum(p.numel() for p in layer.parameters()) == conv_parameters(C_in, C_out, K)
        assert tuple(layer.weight.shape) == (C_out, C_in, K, K)
    assert [conv_parameters(*a) for a in [(2, 2, 2), (3, 16, 5), (64, 128, 3)]] == [18, 1216, 73_856]
    assert 2 * conv_parameters(64, 64, 3) == 73_856 and conv_parameters(64, 64, 5) == 102_464
    # exercises 1 and 3: 224 parameters, 65 664 parameters
    assert conv_parameters(3, 8, 3) == 224 and conv_parameters(512, 128, 1) == 65_664


def test_exercise_output_shape():
    # exercise 1: (3, 32, 32) with 8 kernels 3×3, stride 1, padding 1 -> (8, 32, 32)
    Y = conv2d(np.zeros((1, 3, 32, 32)), np.zeros((8, 3, 3, 3)), padding=1)
    assert Y.shape == (1, 8, 32, 32)


@pytest.mark.parametrize("args", [
    (np.zeros((3, 3)), W, b),                     # X is not (C_in, H, W)
    (X, np.zeros((2, 3, 2, 2)), b),               # W has 3 input channels, X has 2
    (X, W, np.zeros(3)),                          # b does not match C_out
    (X, np.zeros((2, 2, 2)), b),                  # W is not 4-D
])
def test_bad_shapes_are_rejected(args):
    for function in (conv_multi_loop, conv_multi):
        with pytest.raises(ValueError, match=r"^X, W, b "):
            function(*args)
