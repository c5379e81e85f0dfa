import numpy as np
import pytest
import scipy.signal
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.cnn.conv2d.ex01_conv2d_loop import conv2d_loop
from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d
from snippets.cnn.cross_correlation.ex03_flip_identity import conv2d_book, conv2d_book_loop, rot180


def test_page_values():
    X = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([[0.0, 1], [2, 3]]).reshape(1, 1, 2, 2)
    assert rot180(W)[0, 0].tolist() == [[3, 2], [1, 0]]
    # prose: the book's convolution of the same example is [[5, 11], [23, 29]]
    assert conv2d_book(X, W)[0, 0].tolist() == [[5, 11], [23, 29]]
    assert scipy.signal.convolve2d(X[0, 0], W[0, 0], mode="valid").tolist() == [[5, 11], [23, 29]]
    assert conv2d_book_loop(X[0, 0], W[0, 0]).tolist() == [[5, 11], [23, 29]]
    # prose: the top-left entry of the convolution is 0×3 + 1×2 + 3×1 + 4×0 = 5
    assert 0 * 3 + 1 * 2 + 3 * 1 + 4 * 0 == 5


@st.composite
def problems(draw):
    """A random single-channel problem: input, kernel, stride and padding that fit together."""
    S = draw(st.integers(1, 3))
    P = draw(st.integers(0, 2))
    K_h, K_w = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    H = draw(st.integers(max(1, K_h - 2 * P), 9))
    W_in = draw(st.integers(max(1, K_w - 2 * P), 9))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    return rng.standard_normal((H, W_in)), rng.standard_normal((K_h, K_w)), S, P


@settings(max_examples=60, deadline=None)
@given(problems())
def test_convolution_is_correlation_with_the_rotated_kernel(problem):
    x, w, S, P = problem
    X, W = x[None, None], w[None, None]                      # (1, 1, H, W) and (1, 1, K_h, K_w)
    x_pad = np.pad(x, P)
    # the book's convolution, computed by scipy, then subsampled by the stride
    conv_scipy = scipy.signal.convolve2d(x_pad, w, mode="valid")[::S, ::S]
    corr_scipy = scipy.signal.correlate2d(x_pad, w, mode="valid")[::S, ::S]
    Xt, Wt = torch.from_numpy(X), torch.from_numpy(W)
    conv_torch = F.conv2d(Xt, Wt.flip(-2, -1), stride=S, padding=P)[0, 0].numpy()
    corr_torch = F.conv2d(Xt, Wt, stride=S, padding=P)[0, 0].numpy()

    # identity: conv(X, W) = xcorr(X, rot180(W)), from four independent computations
    np.testing.assert_allclose(conv2d(X, rot180(W), stride=S, padding=P)[0, 0], conv_scipy, atol=1e-10)
    np.testing.assert_allclose(conv_torch, conv_scipy, atol=1e-10)
    np.testing.assert_allclose(conv2d_book(X, W, stride=S, padding=P)[0, 0], conv_torch, atol=1e-10)
    # and the other way round: xcorr(X, W) = conv(X, rot180(W))
    np.testing.assert_allclose(conv2d(X, W, stride=S, padding=P)[0, 0], corr_scipy, atol=1e-10)
    np.testing.assert_allclose(corr_torch, corr_scipy, atol=1e-10)
    np.testing.assert_allclose(
        scipy.signal.convolve2d(x_pad, rot180(w), mode="valid")[::S, ::S], corr_scipy, atol=1e-10)
    if S == 1 and P == 0:
        np.testing.assert_allclose(conv2d_loop(x, w), conv_scipy, atol=1e-10)
        np.testing.assert_allclose(conv2d_book_loop(x, w), conv_scipy, atol=1e-10)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3), st.integers(1, 3), st.integers(0, 2**32 - 1))
def test_identity_with_several_channels_and_bias(C_in, C_out, seed):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((2, C_in, 6, 5))
    W = rng.standard_normal((C_out, C_in, 3, 2))
    b = rng.standard_normal(C_out)
    expected = F.conv2d(torch.from_numpy(X), torch.from_numpy(W).flip(-2, -1), torch.from_numpy(b),
                        stride=2, padding=1).numpy()
    np.testing.assert_allclose(conv2d_book(X, W, b, stride=2, padding=1), expected, atol=1e-10)


def test_rot180_twice_is_the_identity_and_rejects_vectors():
    W = np.arange(12).reshape(3, 4)
    assert np.array_equal(rot180(rot180(W)), W)
    assert rot180(W)[0].tolist() == [11, 10, 9, 8]
    with pytest.raises(ValueError, match=r"^W "):
        rot180([1, 2, 3])
