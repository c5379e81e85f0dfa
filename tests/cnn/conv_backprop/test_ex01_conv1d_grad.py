
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.conv_backprop import ex01_conv1d_grad as ex
from snippets.cnn.conv_backprop.ex01_conv1d_grad import conv1d_grads


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def autograd(x, w, delta):
    X = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    W = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    Z = F.conv1d(X.view(1, 1, -1), W.view(1, 1, -1)).flatten()
    (torch.tensor(delta, dtype=torch.float64) * Z).sum().backward()
    return X.grad.numpy(), W.grad.numpy()


def test_page_example():
    # prose: z = [14, 20, 26]; dL/dw = [5, 7, 9]; dL/dx = [1, 1, 3, 1, 6]
    x, w, delta = [1, 2, 3, 4, 5], [1, 2, 3], [1, -1, 2]
    assert np.correlate(x, w, mode="valid").tolist() == [14, 20, 26]
    dx, dw = conv1d_grads(x, w, delta)
    assert dw.tolist() == [5, 7, 9] and dx.tolist() == [1, 1, 3, 1, 6]
    # "∂L/∂x_1 = w_1 δ_1 = 1"; "∂L/∂x_3 = 3·1 + 2·(−1) + 1·2 = 3"
    assert dx[0] == w[0] * delta[0] == 1 and dx[2] == 3 * 1 + 2 * (-1) + 1 * 2 == 3
    ax, aw = autograd(x, w, delta)
    assert ax.tolist() == dx.tolist() and aw.tolist() == dw.tolist()


def test_formulas_match_autograd_for_every_small_case():
    rng = np.random.default_rng(0)
    for M in range(1, 10):
        for K in range(1, M + 1):
            x, w, delta = rng.standard_normal(M), rng.standard_normal(K), rng.standard_normal(M - K + 1)
            dx, dw = conv1d_grads(x, w, delta)
            ax, aw = autograd(x, w, delta)
            np.testing.assert_allclose(dx, ax, atol=1e-12)
            np.testing.assert_allclose(dw, aw, atol=1e-12)
            # the loop formulas of the page: dL/dw_k = sum_t δ_t x_{t+k-1}, dL/dx_s = sum_k w_k δ_{s-k+1}
            loop_dw = [sum(delta[t] * x[t + k] for t in range(M - K + 1)) for k in range(K)]
            loop_dx = [sum(w[k] * delta[s - k] for k in range(K) if 0 <= s - k < M - K + 1)
                       for s in range(M)]
            np.testing.assert_allclose(dw, loop_dw, atol=1e-12)
            np.testing.assert_allclose(dx, loop_dx, atol=1e-12)
            assert len(dx) == M and len(dw) == K


def test_exercise_1_lengths():
    # M=32, K=5: δ has 28; ∂L/∂x wide, 4 zeros each side, length 32; ∂L/∂w length 32-28+1 = 5
    x, w = np.ones(32), np.ones(5)
    delta = np.ones(32 - 5 + 1)
    dx, dw = conv1d_grads(x, w, delta)
    assert len(delta) == 28 and len(dx) == 28 + 5 - 1 == 32 and len(dw) == 32 - 28 + 1 == 5
    assert np.array_equal(dx, np.correlate(np.pad(delta, 4), w[::-1], mode="valid"))


def test_exercise_2_flipped_forward():
    # forward Z = W * X (flipped): dX = wide xcorr with the unflipped W; dW = rot180(xcorr(X, δ))
    rng = np.random.default_rng(1)
    x, w, delta = rng.standard_normal(9), rng.standard_normal(4), rng.standard_normal(6)
    X = torch.tensor(x, requires_grad=True)
    W = torch.tensor(w, requires_grad=True)
    Z = F.conv1d(X.view(1, 1, -1), W.flip(0).view(1, 1, -1)).flatten()   # the book's convolution
    np.testing.assert_allclose(Z.detach().numpy(), np.convolve(x, w, mode="valid"), atol=1e-12)
    (torch.tensor(delta) * Z).sum().backward()
    np.testing.assert_allclose(X.grad.numpy(), np.correlate(np.pad(delta, 3), w, mode="valid"), atol=1e-12)
    np.testing.assert_allclose(W.grad.numpy(), np.correlate(x, delta, mode="valid")[::-1], atol=1e-12)


def test_exercise_3_wide_convolution_commutes():
    a, b = [1, 2, 3], [1, -1, 2]
    assert np.convolve(a, b).tolist() == np.convolve(b, a).tolist() == [1, 1, 3, 1, 6]
    # polynomial product (1 + 2t + 3t²)(1 - t + 2t²) = 1 + t + 3t² + t³ + 6t⁴
    assert np.polynomial.polynomial.polymul(a, b).tolist() == [1, 1, 3, 1, 6]


def test_exercise_4_stride_2_lengths():
    # M=7, K=3, S=2: δ has 3; zeros inserted: 5 = M-K+1; wide convolution: 7 = M
    x = torch.zeros(1, 1, 7, requires_grad=True)
    Z = F.conv1d(x, torch.ones(1, 1, 3, dtype=x.dtype), stride=2)
    assert Z.shape[-1] == (7 - 3) // 2 + 1 == 3
    delta = np.array([1.0, 2.0, 3.0])
    inserted = np.zeros(7 - 3 + 1)
    inserted[::2] = delta
    assert inserted.tolist() == [1, 0, 2, 0, 3]
    (Z * torch.tensor(delta, dtype=x.dtype)).sum().backward()
    assert x.grad.flatten().tolist() == np.convolve(inserted, np.ones(3)).tolist()
    assert len(np.convolve(inserted, np.ones(3))) == 5 + 3 - 1 == 7


@pytest.mark.parametrize(("args", "name"), [
    (([[1, 2]], [1], [1, 2]), "x"),
    (([1, 2, 3], [[1]], [1, 2, 3]), "w"),
    (([1, 2, 3], [1], [[1, 2, 3]]), "delta"),
    (([1, 2], [1, 2, 3], [1]), "w"),          # kernel longer than the input
    (([1, 2, 3], [], [1]), "w"),
    (([1, 2, 3], [1, 2], [1, 2, 3]), "delta"),  # wrong length
])
def test_bad_arguments_name_the_argument(args, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        conv1d_grads(*args)
