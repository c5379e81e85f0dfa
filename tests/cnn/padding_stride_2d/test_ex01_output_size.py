import itertools
import re
import warnings
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.padding_stride_2d.ex01_output_size import conv_output_size, sizes_by_depth

PAGE = Path(__file__).resolve().parents[3] / "docs" / "cnn" / "padding_stride_2d.md"


def test_lecture_32_by_32_with_5_by_5_kernels():
    # prose: 28×28 after layer 1 and 4×4 after layer 7
    sizes = sizes_by_depth(32, 5, 7)
    assert sizes == [32, 28, 24, 20, 16, 12, 8, 4]
    assert sizes[1] == 28 and sizes[7] == 4
    # ... and an eighth layer is impossible: a 5×5 kernel does not fit in 4×4
    with pytest.raises(ValueError, match=r"^K="):
        conv_output_size(4, 5)


def test_the_same_by_stacking_torch_layers():
    X = torch.zeros(1, 1, 32, 32)
    shapes = []
    for _ in range(7):
        X = F.conv2d(X, torch.zeros(1, 1, 5, 5))
        shapes.append(tuple(X.shape[2:]))
    assert shapes[0] == (28, 28) and shapes[-1] == (4, 4)
    assert [s[0] for s in shapes] == sizes_by_depth(32, 5, 7)[1:]


def test_same_padding_for_odd_kernels():
    # prose: P = (K - 1) / 2 keeps 32×32 for K = 1, 3, 5, 7; with P = 2 seven 5×5 layers keep 32
    for K in (1, 3, 5, 7):
        assert conv_output_size(32, K, P=(K - 1) // 2) == 32
    assert sizes_by_depth(32, 5, 7, P=2) == [32] * 8
    # an even kernel cannot keep the size with equal padding on both sides
    for K in (2, 4, 6):
        assert all(conv_output_size(32, K, P=P) != 32 for P in range(4))


def test_stride_numbers_on_the_page():
    # prose: 224 with K=3, P=1 stays 224 at stride 1, halves to 112 at stride 2; K=7, S=4, P=3 gives 56
    assert conv_output_size(224, 3, 1, 1) == 224
    assert conv_output_size(224, 3, 2, 1) == 112
    assert conv_output_size(224, 7, 4, 3) == 56
    # prose: stride 2 with K=5, P=2 halves 32 -> 16 -> 8 -> 4
    assert sizes_by_depth(32, 5, 3, S=2, P=2) == [32, 16, 8, 4]


def test_floor_drops_the_last_rows_when_the_stride_does_not_divide():
    # exercise: 6×6 input, 3×3 kernel, stride 2, no padding -> (6 - 3) // 2 + 1 = 2; the last column is unused
    assert conv_output_size(6, 3, S=2) == 2
    assert F.conv2d(torch.zeros(1, 1, 6, 6), torch.zeros(1, 1, 3, 3), stride=2).shape[2:] == (2, 2)


def test_formula_equals_torch_output_shape_on_a_grid():
    grid = itertools.product((5, 8, 11), (6, 9), (1, 2, 3), (1, 4), (1, 2, 3), (0, 1, 2))
    for H, W, K_h, K_w, S, P in grid:
        if K_h > H + 2 * P or K_w > W + 2 * P:
            continue
        Y = F.conv2d(torch.zeros(1, 1, H, W), torch.zeros(1, 1, K_h, K_w), stride=S, padding=P)
        assert Y.shape[2:] == (conv_output_size(H, K_h, S, P), conv_output_size(W, K_w, S, P))


@pytest.mark.parametrize(("kwargs", "error", "arg"), [
    ({"H": 0}, ValueError, "H"),
    ({"K": 0}, ValueError, "K"),
    ({"S": 0}, ValueError, "S"),
    ({"S": -2}, ValueError, "S"),
    ({"P": -1}, ValueError, "P"),
    ({"H": 4.0}, TypeError, "H"),
    ({"S": True}, TypeError, "S"),
    ({"K": 40}, ValueError, "K"),
])
def test_bad_arguments_name_the_argument(kwargs, error, arg):
    args = {"H": 32, "K": 5, "S": 1, "P": 0, **kwargs}
    with pytest.raises(error, match=rf"^{arg}[ =]"):
        conv_output_size(**args)


def test_explorer_fallback_states_28_by_28():
    text = PAGE.read_text(encoding="utf-8")
    [(attrs, body)] = re.findall(r'<div class="conv-explorer"([^>]*)>(.*?)</div>', text, flags=re.S)
    data = dict(re.findall(r'data-(\w+)="([^"]*)"', attrs))
    assert data == {"dim": "2", "h": "32", "w": "32", "k": "5", "s": "1", "p": "0"}
    h, w, k, s, p = (int(data[key]) for key in "hwksp")
    out_h, out_w = conv_output_size(h, k, s, p), conv_output_size(w, k, s, p)
    assert (out_h, out_w) == (28, 28)
    assert rf"${h}\times {w}$ 输入" in body and rf"${k}\times {k}$ 卷积核" in body
    assert f"步长 {s}" in body and "无填充" in body
    assert rf"输出为 ${out_h}\times {out_w}$" in body


def test_exercise_stride_versus_many_layers():
    # exercise 2: one layer with S=2 (K=3, P=1) reaches 112; with S=1, P=0 it takes 56 layers
    assert conv_output_size(224, 3, S=2, P=1) == 112
    sizes = sizes_by_depth(224, 3, 56)
    assert sizes[-1] == 112 and sizes[-2] == 114


def test_exercise_even_kernel_padding():
    # exercise 1: K=5 needs P=2; K=4 gives 31 with P=1 and 33 with P=2
    assert conv_output_size(32, 5, P=2) == 32
    assert conv_output_size(32, 4, P=1) == 31 and conv_output_size(32, 4, P=2) == 33
    # one extra row on one side only keeps 32, and that is what PyTorch's padding="same" does
    g = torch.Generator().manual_seed(0)
    X, W = torch.randn(1, 1, 32, 32, generator=g), torch.randn(1, 1, 4, 4, generator=g)
    uneven = F.conv2d(F.pad(X, (1, 2, 1, 2)), W)
    assert uneven.shape[2:] == (32, 32)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Using padding='same'")
        same = F.conv2d(X, W, padding="same")
    torch.testing.assert_close(same, uneven)


def test_exercise_stride_2_padding_2_layers():
    # exercise 4: 32 -> 16 -> 8 -> 4 -> 2 -> 1, then 1×1 from layer 5 on
    assert sizes_by_depth(32, 5, 7, S=2, P=2) == [32, 16, 8, 4, 2, 1, 1, 1]
