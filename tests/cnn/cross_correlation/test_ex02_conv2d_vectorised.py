import itertools
import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from numpy.lib.stride_tricks import sliding_window_view

from snippets.cnn.cross_correlation.ex01_corr2d import corr2d
from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import as_pair, conv2d


def torch_conv2d(X, W, b=None, stride=1, padding=0):
    t = torch.from_numpy
    return F.conv2d(t(X), t(W), None if b is None else t(b), stride=stride, padding=padding).numpy()


def test_page_values():
    X = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([[0.0, 1], [2, 3]]).reshape(1, 1, 2, 2)
    assert conv2d(X, W)[0, 0].tolist() == [[19, 25], [37, 43]]
    # stride 2, padding 1: the padded 5×5 input gives [[0, 8], [21, 43]]
    assert conv2d(X, W, stride=2, padding=1)[0, 0].tolist() == [[0, 8], [21, 43]]
    assert torch_conv2d(X, W, stride=2, padding=1)[0, 0].tolist() == [[0, 8], [21, 43]]


def shapes():
    """Many shapes: batch, channels, rectangular inputs and kernels, strides and paddings."""
    rng = np.random.default_rng(7)
    for N, C_in, C_out, H, W_in, K_h, K_w, S, P in itertools.product(
            (1, 2), (1, 3), (4,), (5, 8), (6,), (1, 3), (2, 3), (1, 2, (2, 3)), (0, 1, (2, 0))):
        yield (rng.standard_normal((N, C_in, H, W_in)).astype(np.float32),
               rng.standard_normal((C_out, C_in, K_h, K_w)).astype(np.float32),
               rng.standard_normal(C_out).astype(np.float32), S, P)


def test_matches_torch_on_many_shapes_float32():
    count = 0
    for X, W, b, S, P in shapes():
        bias = b if count % 2 else None                 # every other case with a bias
        Y = conv2d(X, W, bias, stride=S, padding=P)
        Y_torch = torch_conv2d(X, W, bias, stride=S, padding=P)
        assert Y.shape == Y_torch.shape and Y.dtype == np.float32
        np.testing.assert_allclose(Y, Y_torch, atol=1e-5, rtol=0)
        count += 1
    assert count == 2 * 2 * 2 * 2 * 2 * 3 * 3


def test_float64_matches_torch_and_the_loop_tightly():
    rng = np.random.default_rng(8)
    X, W = rng.standard_normal((1, 1, 6, 7)), rng.standard_normal((1, 1, 3, 2))
    Y = conv2d(X, W)
    assert Y.dtype == np.float64
    np.testing.assert_allclose(Y, torch_conv2d(X, W), atol=1e-12)
    np.testing.assert_allclose(Y[0, 0], corr2d(X[0, 0], W[0, 0]), atol=1e-12)


def test_integer_input_and_list_input():
    Y = conv2d([[[[0, 1, 2], [3, 4, 5], [6, 7, 8]]]], [[[[0, 1], [2, 3]]]])
    assert Y.tolist() == [[[[19, 25], [37, 43]]]]


def test_multichannel_is_the_sum_of_single_channel_correlations():
    rng = np.random.default_rng(9)
    X, W = rng.standard_normal((1, 3, 5, 5)), rng.standard_normal((2, 3, 2, 2))
    Y = conv2d(X, W)
    for o in range(2):
        expected = sum(corr2d(X[0, c], W[o, c]) for c in range(3))
        np.testing.assert_allclose(Y[0, o], expected, atol=1e-12)


X_OK = np.zeros((1, 2, 4, 4))
W_OK = np.zeros((3, 2, 3, 3))


@pytest.mark.parametrize(("kwargs", "error", "arg"), [
    ({"stride": 0}, ValueError, "stride"),
    ({"stride": -1}, ValueError, "stride"),
    ({"stride": (1, 0)}, ValueError, "stride"),
    ({"stride": 1.5}, ValueError, "stride"),
    ({"stride": (1, 2, 3)}, ValueError, "stride"),
    ({"padding": -1}, ValueError, "padding"),
    ({"padding": (0, -2)}, ValueError, "padding"),
    ({"padding": True}, ValueError, "padding"),
    ({"X": np.zeros((2, 4, 4))}, ValueError, "X"),
    ({"X": np.zeros((1, 2, 0, 4))}, ValueError, "X"),
    ({"X": [[[["a"]]]]}, ValueError, "X"),
    ({"W": np.zeros((3, 3, 3))}, ValueError, "W"),
    ({"W": np.zeros((3, 1, 3, 3))}, ValueError, "W"),           # channel mismatch
    ({"W": np.zeros((3, 2, 5, 3))}, ValueError, "W"),           # kernel taller than the input
    ({"W": np.zeros((3, 2, 7, 3)), "padding": 1}, ValueError, "W"),   # larger than the padded input
    ({"b": np.zeros(2)}, ValueError, "b"),
    ({"b": np.zeros((3, 1))}, ValueError, "b"),
])
def test_bad_arguments_name_the_argument(kwargs, error, arg):
    args = {"X": X_OK, "W": W_OK, **kwargs}
    with pytest.raises(error, match=rf"^{arg} "):
        conv2d(args.pop("X"), args.pop("W"), **args)


def test_kernel_that_fits_only_after_padding_is_accepted():
    Y = conv2d(X_OK, np.zeros((3, 2, 6, 6)), padding=1)
    assert Y.shape == (1, 3, 1, 1)


def test_as_pair():
    assert as_pair(2, "stride", 1) == (2, 2)
    assert as_pair((1, np.int64(3)), "stride", 1) == (1, 3)
    assert as_pair(0, "padding", 0) == (0, 0)


def explorers(page):
    """(attributes, fallback text) of every conv-explorer block on a page."""
    text = (Path(__file__).resolve().parents[3] / "docs" / "cnn" / page).read_text(encoding="utf-8")
    found = []
    for attrs, body in re.findall(r'<div class="conv-explorer"([^>]*)>(.*?)</div>', text, flags=re.S):
        found.append(({k: v for k, v in re.findall(r'data-(\w+)="([^"]*)"', attrs)}, body))
    return found


def test_explorer_fallback_states_the_right_output():
    # the fallback: 3×3 input 0..8, 2×2 kernel, stride 1, no padding -> 2×2 [[19, 25], [37, 43]]
    [(attrs, body)] = explorers("cross_correlation.md")
    assert attrs == {"dim": "2", "h": "3", "w": "3", "k": "2", "s": "1", "p": "0"}
    h, w, k, s, p = (int(attrs[key]) for key in "hwksp")
    # the explorer's default numbers: x[i][j] = (i·W + j) mod 10, w[u][v] = (u·K + v) mod 10
    X = (np.arange(h * w, dtype=float) % 10).reshape(1, 1, h, w)
    W = (np.arange(k * k, dtype=float) % 10).reshape(1, 1, k, k)
    Y = conv2d(X, W, stride=s, padding=p)[0, 0]
    assert rf"${h}\times {w}$ 输入" in body and rf"${k}\times {k}$ 卷积核" in body
    assert f"步长 {s}" in body and ("无填充" in body) == (p == 0)
    assert rf"输出为 ${Y.shape[0]}\times {Y.shape[1]}$" in body
    assert f"${Y.astype(int).tolist()}$" in body
    assert Y.tolist() == torch_conv2d(X, W, stride=s, padding=p)[0, 0].tolist()


def test_exercise_diagonal_kernel():
    # exercise 1: [[1, 0], [0, -1]] on 0..8 gives -4 everywhere (0−4, 1−5, 3−7, 4−8)
    X = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([[1.0, 0], [0, -1]]).reshape(1, 1, 2, 2)
    assert conv2d(X, W)[0, 0].tolist() == [[-4, -4], [-4, -4]]
    assert corr2d(X[0, 0], W[0, 0]).tolist() == [[0 - 4, 1 - 5], [3 - 7, 4 - 8]]


def test_exercise_layer_shape_and_parameter_count():
    # exercise 3: (8, 3, 32, 32) with (16, 3, 5, 5) -> (8, 16, 28, 28); 16·3·5·5 + 16 = 1216 parameters
    Y = conv2d(np.zeros((8, 3, 32, 32), np.float32), np.zeros((16, 3, 5, 5), np.float32), np.zeros(16))
    assert Y.shape == (8, 16, 28, 28)
    layer = torch.nn.Conv2d(3, 16, 5)
    assert sum(p.numel() for p in layer.parameters()) == 16 * 3 * 5 * 5 + 16 == 1216


def test_exercise_im2col_size():
    # exercise 4: cols has 27 × 222 × 222 = 1 330 668 entries, about 8.84 times the 150 528 inputs
    windows = sliding_window_view(np.zeros((1, 3, 224, 224), np.float32), (3, 3), axis=(2, 3))
    cols = windows.size                         # the same numbers conv2d copies into cols
    assert windows.shape == (1, 3, 222, 222, 3, 3)
    assert cols == 1_330_668 and 3 * 224 * 224 == 150_528
    assert round(cols / 150_528, 2) == 8.84
