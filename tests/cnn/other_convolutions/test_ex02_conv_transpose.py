
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.other_convolutions import ex02_conv_transpose as ex
from snippets.cnn.other_convolutions.ex02_conv_transpose import (
    check_transposed,
    conv_transpose1d,
    conv_transpose2d,
)


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def cases_1d():
    for M in range(1, 7):
        for K in range(1, 5):
            for S in range(1, 4):
                for P in range(3):
                    for op in range(S):
                        if (M - 1) * S - 2 * P + K + op >= 1:
                            yield M, K, S, P, op


def test_1d_matches_torch_and_the_length_formula():
    rng = np.random.default_rng(0)
    count = 0
    for M, K, S, P, op in cases_1d():
        x, w = rng.standard_normal(M), rng.standard_normal(K)
        T = F.conv_transpose1d(torch.tensor(x).view(1, 1, -1), torch.tensor(w).view(1, 1, -1),
                               stride=S, padding=P, output_padding=op).flatten().numpy()
        y = conv_transpose1d(x, w, stride=S, padding=P, output_padding=op)
        assert len(y) == len(T) == (M - 1) * S - 2 * P + K + op == check_transposed(M, K, S, P, op)
        np.testing.assert_allclose(y, T, atol=1e-12)
        count += 1
    assert count > 300


def test_2d_matches_torch():
    rng = np.random.default_rng(1)
    for N, C_in, C_out in [(1, 1, 1), (2, 3, 2)]:
        for H, W_in in [(1, 1), (3, 4), (5, 2)]:
            for Kh, Kw in [(1, 1), (3, 3), (2, 4)]:
                for S, P, op in [(1, 0, 0), (2, 0, 1), (2, 1, 0), (3, 1, 2)]:
                    if min((H - 1) * S + Kh, (W_in - 1) * S + Kw) + op - 2 * P < 1:
                        continue
                    X = rng.standard_normal((N, C_in, H, W_in))
                    W = rng.standard_normal((C_in, C_out, Kh, Kw))
                    T = F.conv_transpose2d(torch.tensor(X), torch.tensor(W), stride=S, padding=P,
                                           output_padding=op).numpy()
                    np.testing.assert_allclose(conv_transpose2d(X, W, S, P, op), T, atol=1e-12)


def test_page_1d_example_is_linear_interpolation():
    # prose: [0.5, 1, 1.5, 2, 2.5, 3, 1.5]; with P=1: [1, 1.5, 2, 2.5, 3]; output_padding=1 adds 1.5
    x, w = [1, 2, 3], [0.5, 1, 0.5]
    assert conv_transpose1d(x, w, stride=2).tolist() == [0.5, 1, 1.5, 2, 2.5, 3, 1.5]
    assert (3 - 1) * 2 + 3 == 7 and (3 - 1) * 2 - 2 + 3 == 5
    assert conv_transpose1d(x, w, stride=2, padding=1).tolist() == np.interp(np.arange(0, 2.5, 0.5),
                                                                             [0, 1, 2], x).tolist()
    assert conv_transpose1d(x, w, stride=2, padding=1, output_padding=1).tolist() == [1, 1.5, 2, 2.5, 3, 1.5]


def test_transposed_convolution_is_the_adjoint_and_the_gradient_of_convolution():
    # <conv(x), y> = <x, conv_transpose(y)>, and conv_transpose(y) = autograd's dL/dx for L = <conv(x), y>
    rng = np.random.default_rng(2)
    for S, P, size in [(1, 0, 6), (1, 1, 5), (2, 1, 7), (2, 1, 8), (3, 2, 9)]:
        V = rng.standard_normal((4, 3, 3, 3))
        x = rng.standard_normal((2, 3, size, size + 1))
        z = F.conv2d(torch.tensor(x), torch.tensor(V), stride=S, padding=P).numpy()
        y = rng.standard_normal(z.shape)
        op = tuple(int(n - ((m - 1) * S - 2 * P + 3)) for n, m in zip(x.shape[2:], z.shape[2:], strict=True))
        assert all(0 <= o < S for o in op)
        T = F.conv_transpose2d(torch.tensor(y), torch.tensor(V), stride=S, padding=P, output_padding=op)
        if op[0] == op[1]:
            np.testing.assert_allclose(conv_transpose2d(y, V, S, P, op[0]), T.numpy(), atol=1e-12)
        assert np.isclose((z * y).sum(), (x * T.numpy()).sum())
        xt = torch.tensor(x, requires_grad=True)
        (grad,) = torch.autograd.grad(F.conv2d(xt, torch.tensor(V), stride=S, padding=P), xt,
                                      grad_outputs=torch.tensor(y))
        np.testing.assert_allclose(grad.numpy(), T.numpy(), atol=1e-12)


def test_output_padding_picks_one_of_the_input_sizes_that_give_the_same_output():
    # prose: inputs 7 and 8 both give 4 with K=3, S=2, P=1;
    # transposed from 4 gives 7, and with output_padding=1 gives 8
    assert [(M + 2 - 3) // 2 + 1 for M in (7, 8)] == [4, 4]
    assert check_transposed(4, 3, 2, 1, 0) == 7 and check_transposed(4, 3, 2, 1, 1) == 8


@pytest.mark.parametrize(("kwargs", "name"), [
    ({"stride": 0}, "stride"), ({"stride": 1.5}, "stride"), ({"stride": True}, "stride"),
    ({"padding": -1}, "padding"), ({"padding": 0.5}, "padding"),
    ({"output_padding": -1}, "output_padding"), ({"output_padding": 2, "stride": 2}, "output_padding"),
    ({"output_padding": 1}, "output_padding"),            # stride 1 admits no output padding
    ({"padding": 3}, "padding"),                          # output length (3-1)+3-6 = -1
    ({"x": [[1.0, 2.0]]}, "x"), ({"w": []}, "w"),
])
def test_bad_arguments_name_the_argument_1d(kwargs, name):
    args = {"x": [1.0, 2.0, 3.0], "w": [1.0, 1.0, 1.0], **kwargs}
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv_transpose1d(**args)


@pytest.mark.parametrize(("X", "W", "kwargs", "name"), [
    (np.ones((3, 4, 4)), np.ones((3, 2, 3, 3)), {}, "X"),
    (np.ones((1, 3, 4, 4)), np.ones((3, 2, 3)), {}, "W"),
    (np.ones((1, 3, 4, 4)), np.ones((2, 2, 3, 3)), {}, "W"),               # channels do not match
    (np.ones((1, 3, 4, 4)), np.ones((3, 2, 3, 3)), {"stride": 0}, "stride"),
    (np.ones((1, 3, 4, 4)), np.ones((3, 2, 3, 3)), {"padding": -1}, "padding"),
    (np.ones((1, 3, 4, 4)), np.ones((3, 2, 3, 3)), {"padding": 4}, "padding"),
    (np.ones((1, 3, 4, 4)), np.ones((3, 2, 3, 3)), {"stride": 2, "output_padding": 2}, "output_padding"),
])
def test_bad_arguments_name_the_argument_2d(X, W, kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv_transpose2d(X, W, **kwargs)


def test_exercise_1_upsampling_by_two():
    # K=4, S=2, P=1: 4 -> 8 -> 16, and in general M -> 2M
    assert check_transposed(4, 4, 2, 1, 0) == 8 and check_transposed(8, 4, 2, 1, 0) == 16
    assert all(check_transposed(M, 4, 2, 1, 0) == 2 * M for M in range(1, 50))
    shape = F.conv_transpose2d(torch.zeros(1, 1, 4, 4), torch.zeros(1, 1, 4, 4), stride=2, padding=1).shape
    assert tuple(shape) == (1, 1, 8, 8)


def test_exercise_5_transposed_gradient_has_the_input_shape():
    from snippets.cnn.other_convolutions.ex01_conv_matrix import conv_matrix

    C = conv_matrix([1, 2, 3], 9)
    assert C.shape == (7, 9) and (C.T @ np.ones(7)).shape == (9,)
