import numpy as np
import pytest

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk
from snippets.ml_basics.elements.ex03_gradient_descent import least_squares
from snippets.ml_basics.elements.ex04_expected_risk import expected_risk, main


def test_page_output(capsys):
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["学到的 0.0022 0.0052 0.0052", "真实的 0.0024 0.005 0.005"]


@pytest.mark.parametrize(("w", "b"), [(2.0, 1.0), (0.0, 0.0), (1.5, 1.3), (3.0, -0.5)])
def test_closed_form_agrees_with_a_million_new_samples(w, b):
    # the formula against the average loss on fresh samples from the same distribution
    x, y = make_data(N=1_000_000, seed=5)
    assert expected_risk(w, b) == pytest.approx(empirical_risk(w, b, x, y), rel=5e-3)


def test_truth_minimises_the_expected_risk_at_half_the_noise_variance():
    # prose: the true parameters have expected risk sigma^2 / 2 = 0.005, the smallest possible
    assert expected_risk(2.0, 1.0) == pytest.approx(0.005)
    w, b = np.meshgrid(np.linspace(1, 3, 41), np.linspace(0, 2, 41))
    assert expected_risk(w, b).min() == pytest.approx(0.005)


def test_learned_parameters_are_worse_on_new_data_though_better_on_the_training_set():
    # prose: learned R_emp 0.0022 < 0.0024 (truth), but R 0.0052 > 0.005; gap R - R_emp about 0.003
    x, y = make_data()
    w, b = least_squares(x, y)
    assert empirical_risk(w, b, x, y) < empirical_risk(2.0, 1.0, x, y)
    assert expected_risk(w, b) > expected_risk(2.0, 1.0)
    assert round(expected_risk(w, b) - empirical_risk(w, b, x, y), 3) == 0.003


def test_structural_risk_paragraph_numbers():
    # prose: a penalty of lambda = 1e-6 on the degree-9 polynomial of the overfitting page brings the
    # validation error from about 2970 down to 0.0606
    from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data, mse, poly_features
    from snippets.ml_basics.overfitting.ex02_ridge import ridge

    x_tr, y_tr, x_val, y_val = make_poly_data()
    X = poly_features(x_tr, 9)
    assert f"{mse(ridge(X, y_tr, 0), x_val, y_val):.3g}" == "2.97e+03"
    assert f"{mse(ridge(X, y_tr, 1e-6), x_val, y_val):.3g}" == "0.0606"
