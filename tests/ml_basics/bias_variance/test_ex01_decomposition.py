from functools import cache

import numpy as np
import pytest

from snippets.ml_basics.bias_variance.ex01_decomposition import bias_variance, main
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data, poly_features

X_TR = make_poly_data()[0]
TABLE = [(0.527, 0.0038, 0.5708, 0.571), (0.2178, 0.0071, 0.2649, 0.2647), (0.266, 0.0122, 0.3182, 0.3181),
         (0.0054, 0.0171, 0.0625, 0.0627), (0.0124, 0.0288, 0.0812, 0.0814), (0.0, 0.0606, 0.1007, 0.1012),
         (0.0001, 0.1481, 0.1882, 0.1889)]


@cache
def run(degree, seed=0):
    return bias_variance(X_TR, degree, seed=seed)


def exact(degree, M=101, noise=0.2):
    """Fixed inputs, Gaussian noise: the least-squares fit is linear in y, f_D(x) = h(x)^T y, so
    E_D f_D = h^T sin(2 pi x_train) and Var f_D(x) = noise^2 ||h(x)||^2, with no sampling at all."""
    x_test = np.linspace(0, 1, M)
    Hm = poly_features(x_test, degree) @ np.linalg.pinv(poly_features(X_TR, degree))   # (M, N)
    bias2 = np.mean((Hm @ np.sin(2 * np.pi * X_TR) - np.sin(2 * np.pi * x_test)) ** 2)
    return bias2, noise ** 2 * np.mean(np.sum(Hm ** 2, axis=1))


def test_page_table(capsys):
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{d} {b} {v} 0.04 {t} {e} True" for d, (b, v, t, e) in enumerate(TABLE)]


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("degree", range(7))
def test_bias_variance_and_noise_add_up_to_the_measured_error_within_one_percent(degree, seed):
    # prose: for every degree, bias^2 + variance + noise is within 1% of the measured expected error
    bias2, var, noise2, err = run(degree, seed)
    assert abs(bias2 + var + noise2 - err) < 0.01 * err


@pytest.mark.parametrize("degree", range(7))
def test_measured_parts_agree_with_the_exact_formulas(degree):
    # the Monte Carlo estimates against the exact bias^2 and variance of a linear smoother
    bias2, var, _, _ = run(degree)
    bias2_exact, var_exact = exact(degree)
    assert var == pytest.approx(var_exact, rel=0.1)   # 3 standard errors of a variance from 2000 draws
    assert abs(bias2 - bias2_exact) < 3 * var_exact / 2000 + 0.02 * bias2_exact + 1e-5


def test_trade_off_minimum_at_degree_3():
    # prose: bias^2 falls from 0.527 to about 0, variance rises at every degree, the error is smallest at 3
    parts = [run(d) for d in range(7)]
    var = [p[1] for p in parts]
    err = [p[3] for p in parts]
    assert all(b > a for a, b in zip(var, var[1:], strict=False))
    assert int(np.argmin(err)) == 3
    assert parts[3][0] < parts[3][1]              # at the best degree the variance already exceeds the bias^2
    assert parts[2][0] > parts[1][0]              # bias^2 does not fall at every step (measured on the grid)


def test_variance_of_degree_9_is_about_1400():
    # prose: at degree 9 the variance is about 1400 (exactly 1386 here), against 0.04 of noise
    _, var_exact = exact(9)
    assert round(var_exact, -2) == 1400
    assert run(9)[1] == pytest.approx(var_exact, rel=0.1)


def test_noise_only_limit():
    # with no noise every training set is the same: no variance, measured error = bias^2
    bias2, var, noise2, err = bias_variance(X_TR, 3, S=5, noise=0.0)
    assert var < 1e-25 and noise2 == 0 and err == pytest.approx(bias2, rel=1e-9)


@pytest.mark.parametrize(("kwargs", "arg"), [({"S": 1}, "S"), ({"S": 10.0}, "S"), ({"degree": -1}, "degree")])
def test_bad_input_names_the_argument(kwargs, arg):
    args = {"x_train": X_TR, "degree": 2, **kwargs}
    with pytest.raises(ValueError, match=rf"^{arg} "):
        bias_variance(**args)


def test_exercise_2_more_samples_shrink_the_variance_not_the_bias_of_a_constant():
    # exercise 2: 100 inputs instead of 10: much smaller variance; degree 0 keeps its bias of about 0.5
    x100 = np.random.default_rng(7).uniform(0, 1, 100)
    b10, v10, *_ = run(3)
    b100, v100, *_ = bias_variance(x100, 3, S=500)
    assert v100 < v10 / 5
    assert bias_variance(x100, 0, S=500)[0] > 0.45


def test_degree_9_validation_error_of_the_overfitting_page():
    # prose: "过拟合一节中 9 阶验证误差高达约 2970"
    from snippets.ml_basics.overfitting.ex01_polynomial import errors_by_degree

    assert f"{errors_by_degree([9])[9][1]:.3g}" == "2.97e+03"
