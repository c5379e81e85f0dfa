
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv_backprop import ex02_conv2d_backward as ex
from snippets.cnn.conv_backprop.ex02_conv2d_backward import conv2d, conv2d_backward


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def torch_grads(X, W, b, delta, S, P):
    Xt, Wt, bt = (torch.tensor(a, requires_grad=True) for a in (X, W, b))
    Z = F.conv2d(Xt, Wt, bt, stride=S, padding=P)
    (Z * torch.tensor(delta)).sum().backward()
    return Z.detach().numpy(), Xt.grad.numpy(), Wt.grad.numpy(), bt.grad.numpy()


def cases():
    """Batches, channels, rectangular inputs and kernels, strides 1-3, paddings 0-2."""
    for N, C_in, C_out in [(1, 1, 1), (2, 3, 4), (3, 2, 1)]:
        for H, W_in in [(5, 5), (6, 4), (7, 9)]:
            for Kh, Kw in [(1, 1), (3, 3), (2, 3)]:
                for S in (1, 2, 3):
                    for P in (0, 1, 2):
                        if Kh <= H + 2 * P and Kw <= W_in + 2 * P:
                            yield N, C_in, C_out, H, W_in, Kh, Kw, S, P


def test_forward_and_gradients_match_torch_in_every_case():
    rng = np.random.default_rng(0)
    count = 0
    for N, C_in, C_out, H, W_in, Kh, Kw, S, P in cases():
        X = rng.standard_normal((N, C_in, H, W_in))
        W = rng.standard_normal((C_out, C_in, Kh, Kw))
        b = rng.standard_normal(C_out)
        Z = conv2d(X, W, b, stride=S, padding=P)
        delta = rng.standard_normal(Z.shape)
        tZ, tX, tW, tb = torch_grads(X, W, b, delta, S, P)
        dX, dW, db = conv2d_backward(X, W, delta, stride=S, padding=P)
        for mine, theirs in ((Z, tZ), (dX, tX), (dW, tW), (db, tb)):
            assert mine.shape == theirs.shape
            np.testing.assert_allclose(mine, theirs, atol=1e-10)
        count += 1
    assert count == 243


def test_page_formulas_as_loops():
    # ∂L/∂W[o,c,u,v] = Σ δ[n,o,i,j] X[n,c,i+u,j+v]; ∂L/∂X[n,c,s,t] = Σ δ[n,o,i,j] W[o,c,s-i,t-j]
    rng = np.random.default_rng(1)
    X, W = rng.standard_normal((2, 2, 4, 5)), rng.standard_normal((3, 2, 2, 3))
    delta = rng.standard_normal((2, 3, 3, 3))
    dX, dW, db = conv2d_backward(X, W, delta)
    loop_dW, loop_dX = np.zeros_like(W), np.zeros_like(X)
    for n, o, i, j in np.ndindex(delta.shape):
        for c, u, v in np.ndindex(W.shape[1:]):
            loop_dW[o, c, u, v] += delta[n, o, i, j] * X[n, c, i + u, j + v]
            loop_dX[n, c, i + u, j + v] += delta[n, o, i, j] * W[o, c, u, v]
    np.testing.assert_allclose(dW, loop_dW, atol=1e-12)
    np.testing.assert_allclose(dX, loop_dX, atol=1e-12)
    np.testing.assert_allclose(db, delta.sum(axis=(0, 2, 3)))


def test_input_gradient_is_the_wide_convolution_with_the_rotated_kernel():
    # ∂L/∂X^(c) = Σ_o xcorr(pad_{K-1}(δ^(o)), rot180(W^(o,c)))
    rng = np.random.default_rng(2)
    X, W = rng.standard_normal((1, 2, 5, 5)), rng.standard_normal((3, 2, 3, 3))
    delta = rng.standard_normal((1, 3, 3, 3))
    dX, _, _ = conv2d_backward(X, W, delta)
    padded = np.pad(delta, ((0, 0), (0, 0), (2, 2), (2, 2)))
    expected = sum(conv2d(padded[:, o:o + 1], W[o:o + 1, :, ::-1, ::-1].transpose(1, 0, 2, 3))
                   for o in range(3))
    np.testing.assert_allclose(dX, expected, atol=1e-12)
    # it is also torch's transposed convolution with the same kernel
    transposed = F.conv_transpose2d(torch.tensor(delta), torch.tensor(W)).numpy()
    np.testing.assert_allclose(dX, transposed, atol=1e-12)


def test_lecture_example_gradients():
    # prose: [[19, 25], [37, 43]]; with δ = 1: dX = [[0,1,1],[2,6,4],[2,5,3]], centre 0+1+2+3 = 6,
    # corner W[0,0] = 0; dW = window sums [[8, 12], [20, 24]]; db = 4
    X = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([[[[0.0, 1], [2, 3]]]])
    assert conv2d(X, W)[0, 0].tolist() == [[19, 25], [37, 43]]
    dX, dW, db = conv2d_backward(X, W, np.ones((1, 1, 2, 2)))
    assert dX[0, 0].tolist() == [[0, 1, 1], [2, 6, 4], [2, 5, 3]]
    assert dX[0, 0, 1, 1] == 0 + 1 + 2 + 3 and dX[0, 0, 0, 0] == W[0, 0, 0, 0] == 0
    assert dW[0, 0].tolist() == [[8, 12], [20, 24]] and db.tolist() == [4]
    windows = [X[0, 0, i:i + 2, j:j + 2].sum() for i in range(2) for j in range(2)]
    assert windows == [8, 12, 20, 24]


def test_stride_puts_the_error_term_back_with_zeros_between():
    # "把误差项放回这些窗口在步长 1 时的位置，中间空着的 S-1 个位置补 0"
    rng = np.random.default_rng(3)
    X, W = rng.standard_normal((1, 1, 7, 8)), rng.standard_normal((1, 1, 3, 3))
    delta = rng.standard_normal(conv2d(X, W, stride=2).shape)
    dilated = np.zeros((1, 1, 5, 6))
    dilated[:, :, ::2, ::2] = delta
    for mine, stride_one in zip(conv2d_backward(X, W, delta, stride=2), conv2d_backward(X, W, dilated),
                                strict=True):
        np.testing.assert_allclose(mine, stride_one, atol=1e-12)


GOOD = {"X": np.ones((1, 2, 5, 5)), "W": np.ones((3, 2, 3, 3)), "stride": 1, "padding": 0}


@pytest.mark.parametrize(("change", "name"), [
    ({"X": np.ones((2, 5, 5))}, "X"),
    ({"W": np.ones((2, 3, 3))}, "W"),
    ({"stride": 0}, "stride"), ({"stride": -1}, "stride"), ({"stride": 1.5}, "stride"),
    ({"stride": True}, "stride"),
    ({"padding": -1}, "padding"), ({"padding": 0.5}, "padding"),
    ({"W": np.ones((3, 1, 3, 3))}, "W"),                       # channels do not match
    ({"W": np.ones((3, 2, 6, 3))}, "W"),                       # larger than the padded input
    ({"W": np.ones((3, 2, 8, 8)), "padding": 1}, "W"),
])
def test_bad_arguments_name_the_argument(change, name):
    args = {**GOOD, **change}
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv2d(args["X"], args["W"], stride=args["stride"], padding=args["padding"])
    delta = np.ones((1, 3, 3, 3))
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv2d_backward(args["X"], args["W"], delta, stride=args["stride"], padding=args["padding"])


@pytest.mark.parametrize("delta", [np.ones((1, 3, 2, 3)), np.ones((1, 2, 3, 3)), np.ones((2, 3, 3, 3)),
                                   np.ones((3, 3, 3))])
def test_delta_of_the_wrong_shape_is_refused(delta):
    with pytest.raises(ValueError, match=r"^delta "):
        conv2d_backward(GOOD["X"], GOOD["W"], delta)


def test_kernel_as_large_as_the_padded_input_is_allowed():
    Z = conv2d(np.ones((1, 1, 3, 3)), np.ones((1, 1, 5, 5)), padding=1)
    assert Z.shape == (1, 1, 1, 1) and Z.item() == 9
