from itertools import pairwise

import numpy as np
import pytest
import torch
from sklearn.linear_model import Ridge

from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data, mse, poly_features
from snippets.ml_basics.overfitting.ex02_ridge import ridge


def setup():
    x_tr, y_tr, x_val, y_val = make_poly_data()
    return poly_features(x_tr, 9), y_tr, x_tr, x_val, y_val


def test_matches_sklearn_ridge_and_the_normal_equations():
    X, y, *_ = setup()
    for lam in (1e-3, 1e-1, 1.0):
        expected = Ridge(alpha=lam, fit_intercept=False, solver="svd").fit(X, y).coef_
        np.testing.assert_allclose(ridge(X, y, lam), expected, rtol=1e-6, atol=1e-8)
        np.testing.assert_allclose(ridge(X, y, lam), np.linalg.solve(X.T @ X + lam * np.eye(10), X.T @ y),
                                   rtol=1e-5, atol=1e-7)


def test_weights_shrink_as_lambda_grows():
    # prose: a larger lambda gives smaller weights (the norm falls monotonically)
    X, y, *_ = setup()
    norms = [np.linalg.norm(ridge(X, y, lam)) for lam in np.geomspace(1e-8, 10, 30)]
    assert all(b < a for a, b in pairwise(norms))
    assert np.linalg.norm(ridge(X, y, 1e4)) < 1e-3


def test_page_table():
    # at the printed precision. page: max |w| "约 2644 万" (2.64e+07) -> 38.6 -> 9.19 -> 1.36;
    # lambda = 1e-6 brings validation MSE from about 2970 to 0.0606
    X, y, x_tr, x_val, y_val = setup()
    rows = []
    for lam in (0, 1e-6, 1e-3, 1e-1):
        w = ridge(X, y, lam)
        rows.append((f"{np.abs(w).max():.3g}", round(mse(w, x_tr, y), 4), f"{mse(w, x_val, y_val):.3g}"))
    assert rows == [("2.64e+07", 0.0, "2.97e+03"), ("38.6", 0.0119, "0.0606"), ("9.19", 0.0312, "0.101"),
                    ("1.36", 0.1585, "0.178")]
    assert 2.64e7 < np.abs(ridge(X, y, 0)).max() < 2.65e7  # "约 2644 万", "超过 2600 万"


def test_condition_number_explains_the_few_digits():
    # page: cond(X) = 6.9e+08, so a relative rounding error of 1e-16 can grow to about 7e-8: the 9th
    # significant digit of the unregularised weights is noise and only 3 digits are printed
    X, y, x_tr, x_val, y_val = setup()
    assert f"{np.linalg.cond(X):.1e}" == "6.9e+08"
    # what another BLAS kernel does: round X differently, at the level of float rounding (1e-16)
    rng = np.random.default_rng(0)
    w0 = np.abs(ridge(X, y, 0)).max()
    moved = []
    for _ in range(5):
        w = ridge(X * (1 + 1e-16 * rng.standard_normal(X.shape)), y, 0)
        moved.append(abs(np.abs(w).max() - w0))
        assert f"{np.abs(w).max():.3g}" == "2.64e+07" and f"{mse(w, x_val, y_val):.3g}" == "2.97e+03"
    assert max(moved) > 0.05  # the first decimal of 26441765.6 (its 9th digit) is not determined


def test_weight_decay_in_torch_sgd_is_the_l2_gradient():
    # prose: weight_decay=lam adds lam * w to the gradient, i.e. the gradient of lam/2 * ||w||^2
    rng = np.random.default_rng(0)
    X, y = torch.from_numpy(rng.standard_normal((8, 3))), torch.from_numpy(rng.standard_normal(8))
    w0 = torch.from_numpy(rng.standard_normal(3))
    lam, lr = 0.3, 0.1
    w1 = w0.clone().requires_grad_(True)
    opt = torch.optim.SGD([w1], lr=lr, weight_decay=lam)
    ((X @ w1 - y) ** 2).mean().backward()
    opt.step()
    w2 = w0.clone().requires_grad_(True)
    (((X @ w2 - y) ** 2).mean() + lam / 2 * (w2 ** 2).sum()).backward()
    np.testing.assert_allclose(w1.detach().numpy(), (w0 - lr * w2.grad).numpy(), rtol=1e-12)


@pytest.mark.parametrize(("X", "y", "lam", "arg"), [
    (np.ones((3, 2)), np.ones(3), -1.0, "lam"), (np.ones((3, 2)), np.ones(3), float("nan"), "lam"),
    (np.ones(3), np.ones(3), 0.1, "X"), (np.ones((3, 2)), np.ones(2), 0.1, "X"),
])
def test_bad_input_names_the_argument(X, y, lam, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        ridge(X, y, lam)


def test_regularisation_removes_the_sensitivity():
    # page: "加上正则化后条件数迅速变小": the least-squares problem the ridge solves is well conditioned
    X, *_ = setup()
    conds = [np.linalg.cond(np.vstack([X, np.sqrt(lam) * np.eye(10)])) for lam in (1e-6, 1e-3, 1e-1)]
    assert conds[0] < 1e4 < np.linalg.cond(X) / 1e4 and conds[0] > conds[1] > conds[2]
