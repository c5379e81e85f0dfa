import json
import re
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv_types.ex01_conv_types import EXAMPLE_W, EXAMPLE_X, conv1d_kind, paddings
from snippets.cnn.stride_padding.ex01_stride_padding import output_length

PAGE = Path(__file__).resolve().parents[3] / "docs" / "cnn" / "conv_types.md"


def signals():
    rng = np.random.default_rng(21)
    for M in range(1, 13):
        for K in range(1, M + 1):
            yield rng.standard_normal(M), rng.standard_normal(K)


def test_lengths_narrow_wide_same():
    # narrow M-K+1, wide M+K-1, same M -- for odd and even K alike
    for x, w in signals():
        M, K = len(x), len(w)
        assert len(conv1d_kind(x, w, "narrow")) == M - K + 1
        assert len(conv1d_kind(x, w, "wide")) == M + K - 1
        assert len(conv1d_kind(x, w, "same")) == M


def test_lengths_follow_the_general_formula_with_the_lecture_paddings():
    for M in range(1, 13):
        for K in range(1, M + 1):
            assert output_length(M, K, 1, 0) == M - K + 1
            assert output_length(M, K, 1, K - 1) == M + K - 1
            if K % 2 == 1:
                assert output_length(M, K, 1, (K - 1) // 2) == M


def test_wide_is_numpy_full_and_narrow_is_numpy_valid():
    for x, w in signals():
        np.testing.assert_allclose(conv1d_kind(x, w, "wide"), np.convolve(x, w, mode="full"), atol=1e-12)
        np.testing.assert_allclose(conv1d_kind(x, w, "narrow"), np.convolve(x, w, mode="valid"), atol=1e-12)


def test_same_is_numpy_same_for_odd_kernels_only():
    for x, w in signals():
        ours, theirs = conv1d_kind(x, w, "same"), np.convolve(x, w, mode="same")
        if len(w) % 2 == 1:
            np.testing.assert_allclose(ours, theirs, atol=1e-12)
    # even K: numpy puts the extra zero on the left, so its result is shifted by one
    assert np.convolve([1, 2, 3, 4, 5], [1, 1], mode="same").tolist() == [1, 3, 5, 7, 9]
    assert conv1d_kind([1, 2, 3, 4, 5], [1, 1], "same").tolist() == [3, 5, 7, 9, 5]
    for x, w in signals():
        if len(w) % 2 == 0:
            full = np.convolve(x, w, mode="full")
            K = len(w)
            np.testing.assert_allclose(np.convolve(x, w, mode="same"), full[K // 2 - 1: K // 2 - 1 + len(x)],
                                       atol=1e-12)
            np.testing.assert_allclose(conv1d_kind(x, w, "same"), full[K // 2: K // 2 + len(x)], atol=1e-12)


def test_same_equals_torch_padding_same_for_every_kernel_length():
    # PyTorch's padding="same" pads (K-1)//2 on the left and K//2 on the right, like paddings()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)      # torch warns that even K needs a padded copy
        for x, w in signals():
            X, W = torch.from_numpy(x).view(1, 1, -1), torch.from_numpy(w).view(1, 1, -1)
            expected = F.conv1d(X, W.flip(-1), padding="same").flatten().numpy()
            np.testing.assert_allclose(conv1d_kind(x, w, "same"), expected, atol=1e-12)
            left, right = paddings("same", len(w))
            manual = F.conv1d(F.pad(X, (left, right)), W.flip(-1)).flatten().numpy()
            np.testing.assert_allclose(manual, expected, atol=1e-12)


def test_paddings_table():
    # prose: K=3 -> (1, 1); even K=4 -> (1, 2), K=2 -> (0, 1)
    assert paddings("narrow", 3) == (0, 0)
    assert paddings("wide", 3) == (2, 2)
    assert paddings("same", 3) == (1, 1)
    assert paddings("same", 4) == (1, 2)
    assert paddings("same", 2) == (0, 1)
    for K in range(1, 12):
        left, right = paddings("same", K)
        assert left + right == K - 1 and right - left == (K + 1) % 2


def test_page_example_values():
    x, w = EXAMPLE_X, EXAMPLE_W
    assert conv1d_kind(x, w, "narrow").tolist() == [10, 16, 22]
    assert conv1d_kind(x, w, "same").tolist() == [4, 10, 16, 22, 22]
    assert conv1d_kind(x, w, "wide").tolist() == [1, 4, 10, 16, 22, 22, 15]
    # prose: the first wide output 1 = w_1 * x_1, the last 15 = w_3 * x_5
    wide = conv1d_kind(x, w, "wide")
    assert wide[0] == w[0] * x[0] == 1 and wide[-1] == w[-1] * x[-1] == 15


def test_exercises():
    # exercise: M=32, K=5 -> narrow 28, wide 36, same 32 with P=2
    assert output_length(32, 5, 1, 0) == 28
    assert output_length(32, 5, 1, 4) == 36
    assert output_length(32, 5, 1, 2) == 32
    # exercise: ten narrow layers with K=3 shrink 100 to 80; same keeps 100
    n = 100
    for _ in range(10):
        n = output_length(n, 3, 1, 0)
    assert n == 80


def test_explorer_fallback_text_states_the_right_length_and_values():
    # fallback: same convolution of the page example, floor((5+2-3)/1)+1 = 5, output [4, 10, 16, 22, 22]
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="conv-explorer"([^>]*)>(.*?)</div>', text, re.S)
    assert len(blocks) == 1
    attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', blocks[0][0]))
    assert attrs["dim"] == "1" and attrs["preset"] == "same" and attrs["mode"] == "conv"
    M, K, S, P = (int(attrs[a]) for a in "mksp")
    assert (S, P) == (1, (K - 1) // 2)                     # the attributes really describe "same"
    x, w = json.loads(attrs["input"]), json.loads(attrs["kernel"])
    assert (x, w) == (EXAMPLE_X, EXAMPLE_W) and (len(x), len(w)) == (M, K)
    fallback = blocks[0][1]
    for name, value in zip("MKSP", (M, K, S, P), strict=True):
        assert f"${name}={value}$" in fallback
    assert f"\\lfloor ({M}+{2 * P}-{K})/{S} \\rfloor" in fallback
    stated = re.search(r"\\rfloor \+ 1 = (\d+)\$", fallback)
    assert stated and int(stated.group(1)) == output_length(M, K, S, P) == M == 5
    values = re.search(r"输出是 \$\[([^\]]*)\]\$", fallback).group(1)
    assert [float(v) for v in values.split(",")] == conv1d_kind(x, w, "same").tolist()


@pytest.mark.parametrize(("x", "w", "kind", "error", "arg"), [
    ([1, 2, 3], [1], "full", ValueError, "kind"),
    ([1, 2, 3], [1], None, ValueError, "kind"),
    ([1, 2], [1, 2, 3], "narrow", ValueError, "w"),        # narrow needs K <= M
    ([], [1], "same", ValueError, "x"),
    ([1, 2], [], "wide", ValueError, "w"),
    ([1, 2], [[1.0]], "wide", ValueError, "w"),
])
def test_bad_arguments_name_the_argument(x, w, kind, error, arg):
    with pytest.raises(error, match=rf"^{arg} "):
        conv1d_kind(x, w, kind)


@pytest.mark.parametrize("K", [0, -1, 2.0, True, None])
def test_paddings_rejects_bad_kernel_length(K):
    with pytest.raises(ValueError, match=r"^K "):
        paddings("same", K)


def test_wide_and_same_work_when_the_kernel_is_longer_than_the_input():
    assert conv1d_kind([1, 2], [1, 1, 1], "wide").tolist() == [1, 3, 3, 2]
    assert conv1d_kind([1, 2], [1, 1, 1], "same").tolist() == [3, 3]


def test_prose_claims_about_wide_and_same():
    x, w = EXAMPLE_X, EXAMPLE_W
    wide, same = conv1d_kind(x, w, "wide"), conv1d_kind(x, w, "same")
    # "等宽卷积的结果正好是宽卷积去掉两端各一个值" (K = 3)
    assert same.tolist() == wide[1:-1].tolist()
    # exercise 3: in the wide convolution x_1 meets every weight: an impulse at x_1 returns w
    assert conv1d_kind([1, 0, 0, 0, 0], w, "wide")[:3].tolist() == list(map(float, w))
    # numpy's default mode is "full", i.e. the wide convolution
    assert np.convolve(x, w).tolist() == np.convolve(x, w, mode="full").tolist() == wide.tolist()


def test_prose_on_the_explorer_with_an_even_kernel():
    # "把 K 改成 4 再点“等宽卷积”，左端补 1 个 0、右端补 2 个 0，输出仍是 5 个" -- tests/site/test_explorer.py
    # clicks it in a browser; here the numbers follow from paddings() and the widget's input length
    text = PAGE.read_text(encoding="utf-8")
    said = re.search(r"把 \$K\$ 改成 (\d+) 再点“等宽卷积”，左端补 (\d+) 个 0、右端补 (\d+) 个 0，"
                     r"输出仍是 (\d+) 个", text)
    K, left, right, n = map(int, said.groups())
    mount = re.search(r'<div class="conv-explorer"([^>]*)>', text).group(1)
    attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', mount))
    assert K % 2 == 0 and (left, right) == paddings("same", K) == (1, 2)
    # the widget keeps the page's input and, as the kernel no longer fits, uses k mod 10
    x, w = json.loads(attrs["input"]), np.arange(K) % 10
    assert n == int(attrs["m"]) == len(conv1d_kind(x, w, "same")) == 5


def test_wide_convolution_commutes_and_narrow_does_not_apply():
    # prose: the wide convolution of w and x equals that of x and w; narrow fails when K > M
    for x, w in signals():
        np.testing.assert_allclose(conv1d_kind(x, w, "wide"), conv1d_kind(w, x, "wide"), atol=1e-12)
    with pytest.raises(ValueError, match=r"^w "):
        conv1d_kind([1, 2, 3], [1, 2, 3, 4, 5], "narrow")


def test_input_gradient_is_a_wide_convolution_with_the_flipped_kernel():
    # prose: for y = narrow conv(x, w), dL/dx = wide conv(dL/dy, flipped w)
    rng = np.random.default_rng(5)
    for M, K in [(5, 3), (8, 4), (6, 1), (4, 4)]:
        x = torch.tensor(rng.standard_normal(M), requires_grad=True)
        w = torch.from_numpy(rng.standard_normal(K))
        y = F.conv1d(x.view(1, 1, -1), w.flip(0).view(1, 1, -1)).flatten()     # the book's narrow conv
        delta = torch.from_numpy(rng.standard_normal(M - K + 1))
        (y * delta).sum().backward()
        expected = conv1d_kind(delta.numpy(), w.flip(0).numpy(), "wide")
        np.testing.assert_allclose(x.grad.numpy(), expected, atol=1e-12)
