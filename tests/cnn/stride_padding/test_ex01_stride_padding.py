import json
import re
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.stride_padding.ex01_stride_padding import (
    EXAMPLE_W,
    EXAMPLE_X,
    check_int,
    conv1d,
    conv1d_loop,
    output_length,
)

PAGE = Path(__file__).resolve().parents[3] / "docs" / "cnn" / "stride_padding.md"


def all_cases():
    """Every M <= 12, P <= 3, K <= M + 2P, S <= 4."""
    for M in range(1, 13):
        for P in range(4):
            for K in range(1, M + 2 * P + 1):
                for S in range(1, 5):
                    yield M, K, S, P


def test_formula_matches_torch_output_shape_in_every_small_case():
    cases = list(all_cases())
    assert len(cases) == 1824
    for M, K, S, P in cases:
        out = F.conv1d(torch.zeros(1, 1, M), torch.zeros(1, 1, K), stride=S, padding=P)
        assert out.shape[-1] == output_length(M, K, S, P), (M, K, S, P)


def test_values_match_flipped_torch_in_every_small_case():
    rng = np.random.default_rng(11)
    for M, K, S, P in all_cases():
        x, w = rng.standard_normal(M), rng.standard_normal(K)
        X, W = torch.from_numpy(x).view(1, 1, -1), torch.from_numpy(w).view(1, 1, -1)
        expected = F.conv1d(X, W.flip(-1), stride=S, padding=P).flatten().numpy()
        y = conv1d(x, w, stride=S, padding=P)
        assert y.shape == (output_length(M, K, S, P),)
        np.testing.assert_allclose(y, expected, atol=1e-12, err_msg=str((M, K, S, P)))
        np.testing.assert_allclose(conv1d_loop(x, w, stride=S, padding=P), expected, atol=1e-12)


def test_window_starts_count_is_the_formula():
    # prose: range(0, M + 2P - K + 1, S) has floor((M + 2P - K) / S) + 1 elements
    for M, K, S, P in all_cases():
        assert len(range(0, M + 2 * P - K + 1, S)) == output_length(M, K, S, P)
    assert list(range(0, 7 + 2 - 3 + 1, 2)) == [0, 2, 4, 6]
    assert conv1d_loop(EXAMPLE_X, EXAMPLE_W, stride=2, padding=1).tolist() == [-1, 2, 1, -2]


def test_stride_one_no_padding_is_the_narrow_convolution():
    rng = np.random.default_rng(12)
    for M in range(1, 10):
        for K in range(1, M + 1):
            x, w = rng.standard_normal(M), rng.standard_normal(K)
            np.testing.assert_allclose(conv1d(x, w), np.convolve(x, w, mode="valid"), atol=1e-12)
            assert output_length(M, K) == M - K + 1


def test_page_example_values():
    # the page's (a) stride 2 and (b) padding 1 outputs, also drawn in the figure
    x, w = EXAMPLE_X, EXAMPLE_W
    assert conv1d(x, w).tolist() == [-1, 2, 1, 1, 0]
    assert conv1d(x, w, stride=2).tolist() == [-1, 1, 0]
    assert conv1d(x, w, padding=1).tolist() == [-1, -1, 2, 1, 1, 0, -2]
    assert conv1d(x, w, stride=2, padding=1).tolist() == [-1, 2, 1, -2]
    # "S=2 取出的正是 S=1 结果中下标为 0, 2, 4 的值"
    assert conv1d(x, w, stride=2).tolist() == conv1d(x, w)[::2].tolist()


def test_page_lengths():
    # prose: M=7, K=3 -> 5, 3, 7, 4 outputs for (S, P) = (1,0), (2,0), (1,1), (2,1)
    assert [output_length(7, 3, S, P) for S, P in [(1, 0), (2, 0), (1, 1), (2, 1)]] == [5, 3, 7, 4]
    # worked derivation: M=7, K=3, S=2, P=1 -> padded 9, remaining 6, 3 whole steps, 4 outputs
    assert 7 + 2 * 1 == 9 and 9 - 3 == 6 and 6 // 2 == 3
    # exercise: M=10, K=4, S=3, P=0 -> floor(6/3)+1 = 3; the last input is never used
    assert output_length(10, 4, 3, 0) == 3 and (3 - 1) * 3 + 4 == 10
    assert output_length(11, 4, 3, 0) == 3                 # 11: one input left over
    # exercise: keep length M with S=1 and K=5 -> P=2
    assert all(output_length(M, 5, 1, 2) == M for M in range(1, 20))
    # exercise: M=100, K=3, P=1, S=2 -> 50
    assert output_length(100, 3, 2, 1) == 50


def test_explorer_fallback_text_states_the_right_length_and_values():
    # the no-script fallback of the interactive explorer: floor((7+2-3)/2)+1 = 4, output [-1, 2, 1, -2]
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r'<div class="conv-explorer"([^>]*)>(.*?)</div>', text, re.S)
    assert len(blocks) == 1
    attrs = dict(re.findall(r'data-(\w+)="([^"]*)"', blocks[0][0]))
    assert attrs["dim"] == "1" and attrs["mode"] == "conv"          # the book's flipped convolution
    M, K, S, P = (int(attrs[a]) for a in "mksp")
    x, w = json.loads(attrs["input"]), json.loads(attrs["kernel"])
    assert (x, w) == (EXAMPLE_X, EXAMPLE_W) and (len(x), len(w)) == (M, K)   # the figure's example
    fallback = blocks[0][1]
    for name, value in zip("MKSP", (M, K, S, P), strict=True):
        assert f"${name}={value}$" in fallback
    assert f"\\lfloor ({M}+{2 * P}-{K})/{S} \\rfloor" in fallback
    stated = re.search(r"\\rfloor \+ 1 = (\d+)\$", fallback)
    assert stated and int(stated.group(1)) == output_length(M, K, S, P) == 4
    values = re.search(r"输出是 \$\[([^\]]*)\]\$", fallback).group(1)
    assert [float(v) for v in values.split(",")] == conv1d(x, w, stride=S, padding=P).tolist()


@pytest.mark.parametrize(("kwargs", "error", "arg"), [
    ({"stride": 0}, ValueError, "stride"),
    ({"stride": -1}, ValueError, "stride"),
    ({"stride": 1.5}, ValueError, "stride"),
    ({"stride": True}, ValueError, "stride"),
    ({"padding": -1}, ValueError, "padding"),
    ({"padding": 0.5}, ValueError, "padding"),
    ({"padding": None}, ValueError, "padding"),
    ({"w": [1, 2, 3, 4, 5, 6]}, ValueError, "w"),          # K=6 > M+2P = 5
    ({"w": [1, 2, 3, 4, 5, 6, 7, 8], "padding": 1}, ValueError, "w"),   # 8 > 7
    ({"x": []}, ValueError, "x"),
    ({"x": [[1, 2], [3, 4]]}, ValueError, "x"),
    ({"w": ["a"]}, TypeError, "w"),
])
def test_bad_arguments_name_the_argument(kwargs, error, arg):
    args = {"x": [1, 2, 3, 4, 5], "w": [1, 2], **kwargs}
    for function in (conv1d, conv1d_loop):
        with pytest.raises(error, match=rf"^{arg} "):
            function(**args)


def test_kernel_as_long_as_padded_input_is_allowed():
    assert conv1d([1, 2, 3], [1, 1, 1, 1, 1], padding=1).tolist() == [6.0]
    assert output_length(3, 5, 1, 1) == 1


@pytest.mark.parametrize(("args", "arg"), [
    ((0, 1, 1, 0), "M"), ((3, 0, 1, 0), "K"), ((3, 1, 0, 0), "S"), ((3, 1, 1, -1), "P"),
    ((3, 6, 1, 1), "K"), ((3.0, 1, 1, 0), "M"), ((3, 1, 2.0, 0), "S"),
])
def test_output_length_rejects_bad_sizes(args, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        output_length(*args)


def test_check_int_accepts_numpy_integers():
    assert check_int(np.int64(3), "S", 1) == 3
    assert output_length(np.int32(7), 3, np.int64(2), 1) == 4


def test_padding_lets_the_first_input_enter_more_windows():
    # prose: with S=1, x_1 enters 1 window without padding, K windows in the middle, P+1 with padding P
    M, K = 7, 3
    for P in range(K):
        x = np.zeros(M)
        x[0] = 1.0                                   # impulse at x_1: non-zero outputs = windows with x_1
        assert np.count_nonzero(conv1d(x, np.ones(K), padding=P)) == P + 1
    x = np.zeros(M)
    x[3] = 1.0
    assert np.count_nonzero(conv1d(x, np.ones(K))) == K
