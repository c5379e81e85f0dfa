import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.why_cnn.ex02_shift import dense_correlation, shift_right, stroke


def test_shift_moves_every_pixel_one_column_right():
    X = torch.arange(12.0).view(3, 4)
    assert shift_right(X).tolist() == [[0, 0, 1, 2], [0, 4, 5, 6], [0, 8, 9, 10]]
    assert torch.equal(shift_right(X, 0), X)
    assert torch.equal(shift_right(X, 4), torch.zeros(3, 4))


def test_thin_stroke_and_its_shift_share_no_pixel():
    X = stroke()
    assert X.sum() == 8 and X[:, 5].sum() == 8          # 8 pixels in column 5
    assert (X * shift_right(X)).sum() == 0


def test_dense_outputs_before_and_after_the_shift_are_unrelated():
    # prose: one random layer gives -0.1639; the mean over 200 layers is 0.0021
    X = stroke()
    X_shift = shift_right(X)
    assert round(dense_correlation(X, X_shift, seed=0), 4) == -0.1639
    corr = [dense_correlation(X, X_shift, seed) for seed in range(200)]
    assert round(sum(corr) / 200, 4) == 0.0021
    # spread of a correlation of 100 independent pairs is about 1/sqrt(100) = 0.1
    assert 0.07 < np.std(corr) < 0.13


def test_dense_correlation_equals_overlap_for_a_wide_stroke():
    # exercise: a 3-pixel-wide stroke overlaps its shift in 2 of 3 columns -> about 2/3
    X = stroke(width=3)
    X_shift = shift_right(X)
    overlap = ((X * X_shift).sum() / (X * X).sum()).item()
    assert overlap == pytest.approx(2 / 3)
    mean = sum(dense_correlation(X, X_shift, seed) for seed in range(200)) / 200
    assert abs(mean - overlap) < 0.03
    assert round(mean, 2) == 0.66


def test_dense_layer_is_not_equivariant():
    # no shift of the dense output reproduces the output of the shifted image
    torch.manual_seed(0)
    dense = torch.nn.Linear(144, 100, bias=False, dtype=torch.float64)
    with torch.no_grad():
        h, h_shift = dense(stroke().flatten()), dense(shift_right(stroke()).flatten())
    for d in range(-5, 6):
        assert not torch.allclose(torch.roll(h, d), h_shift, atol=1e-3)
    assert (h_shift - h).norm() / h.norm() > 1          # a change as large as the output itself


def test_convolution_feature_map_shifts_with_the_input_exactly():
    # prose: conv(shift(X)) == shift(conv(X)) on the interior, for any kernel
    rng = np.random.default_rng(5)
    for _ in range(20):
        X = torch.from_numpy(rng.integers(0, 2, (9, 11)).astype(float))
        W = torch.from_numpy(rng.integers(-3, 4, (1, 1, 3, 3)).astype(float))
        Y = F.conv2d(X[None, None], W)[0, 0]
        Y_shift = F.conv2d(shift_right(X)[None, None], W)[0, 0]
        assert torch.equal(Y_shift[:, 1:], Y[:, :-1])


def test_page_convolution_example():
    torch.manual_seed(0)
    W = torch.randint(-2, 3, (1, 1, 3, 3)).double()
    Y = F.conv2d(stroke()[None, None], W)[0, 0]
    Y_shift = F.conv2d(shift_right(stroke())[None, None], W)[0, 0]
    assert Y.shape == (10, 10)
    assert torch.equal(Y_shift[:, 1:], Y[:, :-1])
    assert Y.max() == Y_shift.max() and Y.max() > 0


@pytest.mark.parametrize(("X", "d", "arg"), [
    (torch.zeros(3), 1, "X"),
    (np.zeros((3, 3)), 1, "X"),
    (torch.zeros(3, 3), -1, "d"),
    (torch.zeros(3, 3), 4, "d"),
    (torch.zeros(3, 3), 1.0, "d"),
])
def test_bad_input_names_the_argument(X, d, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        shift_right(X, d)
