import numpy as np
from sklearn.linear_model import Ridge

from snippets.ml_basics.early_stopping.ex02_training_run import rbf_features
from snippets.ml_basics.early_stopping.ex03_like_l2 import gd_weights, ridge_weights
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


def setup():
    x_tr, y_tr, _, _ = make_poly_data()
    return rbf_features(x_tr), y_tr


def test_page_table():
    # page: norms of w_gd 0.899, 0.985, 1.22, 1.75; relative gap to ridge with lam = 1/(lr t) at most 0.151
    X, y = setup()
    rows = []
    for t in (10, 100, 1000, 3000):
        w_gd, w_r = gd_weights(X, y, 1.0, t), ridge_weights(X, y, 1 / t)
        rows.append((round(np.linalg.norm(w_gd), 3), round(np.linalg.norm(w_r), 3),
                     round(np.linalg.norm(w_gd - w_r) / np.linalg.norm(w_gd), 3)))
    assert rows == [(0.899, 0.77, 0.151), (0.985, 0.947, 0.062), (1.22, 1.157, 0.109), (1.75, 1.681, 0.059)]


def test_weight_norm_grows_every_step_from_zero():
    # prose: the longer gradient descent runs, the further w moves from 0 (norm strictly increasing)
    X, y = setup()
    w, norms = np.zeros(X.shape[1]), []
    for _ in range(3000):
        w = w - X.T @ (X @ w - y) / len(y)
        norms.append(np.linalg.norm(w))
    assert np.all(np.diff(norms) > 0)
    np.testing.assert_allclose(w, gd_weights(X, y, 1.0, 3000), atol=1e-12)


def test_ridge_weights_match_sklearn():
    X, y = setup()
    N = len(y)
    for lam in (1e-3, 1e-1):
        expected = Ridge(alpha=N * lam, fit_intercept=False, solver="svd").fit(X, y).coef_
        np.testing.assert_allclose(ridge_weights(X, y, lam), expected, rtol=1e-6, atol=1e-9)
