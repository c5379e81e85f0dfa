import numpy as np
import pytest
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

from snippets.ml_basics.bias_variance.ex02_cross_validation import k_fold_mse, main
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


def test_page_output(capsys):
    main()
    assert capsys.readouterr().out.splitlines() == [
        "5 0.665 0.439 0.853 0.0485 0.0387 0.779 6.4 -> 阶数 4",
        "10 0.629 0.445 0.846 0.0357 0.0584 0.607 1.78 -> 阶数 3",
        "验证集 0.607 0.302 0.333 0.0593 0.0627 0.0633 0.0823 -> 阶数 3"]


# every degree whose fit is determined by the training part of each fold (5 points for K = 2)
CASES = [(2, d) for d in range(5)] + [(K, d) for K in (5, 10) for d in range(7)]


@pytest.mark.parametrize(("K", "degree"), CASES)
def test_same_folds_same_scores_as_sklearn_cross_val_score(K, degree):
    # prose: on the same folds, scikit-learn's cross_val_score gives the same K scores
    x, y, _, _ = make_poly_data()
    model = make_pipeline(PolynomialFeatures(degree), LinearRegression())
    sk = -cross_val_score(model, x[:, None], y, cv=KFold(n_splits=K), scoring="neg_mean_squared_error")
    np.testing.assert_allclose(k_fold_mse(x, y, degree, K), sk, rtol=1e-6)


def test_folds_are_those_of_kfold():
    # np.array_split gives KFold's folds: the first N % K folds have one extra sample
    for N, K in [(10, 3), (10, 5), (7, 7), (11, 4)]:
        ours = [f.tolist() for f in np.array_split(np.arange(N), K)]
        theirs = [test.tolist() for _, test in KFold(n_splits=K).split(np.zeros(N))]
        assert ours == theirs


def test_leave_one_out_is_ten_fits():
    # exercise: leave-one-out on 10 samples is 10 fits per degree, each on 9 points
    x, y, _, _ = make_poly_data()
    assert len(k_fold_mse(x, y, 3, 10)) == 10


@pytest.mark.parametrize("K", [1, 11, 2.0])
def test_bad_k_names_the_argument(K):
    x, y, _, _ = make_poly_data()
    with pytest.raises(ValueError, match=r"^K "):
        k_fold_mse(x, y, 2, K)
