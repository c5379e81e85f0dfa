import numpy as np
import pytest

from snippets.feedforward.universal_approximation.ex01_staircase import (
    check_width,
    max_error,
    sigmoid,
    staircase,
    target,
)

X = np.linspace(0.0, 1.0, 1001)


def test_page_table():
    # prose table of the staircase construction
    got = [round(max_error(lambda x, n=n: staircase(x, n)), 4) for n in [1, 2, 4, 8, 32, 128]]
    assert got == [1.1282, 1.1227, 0.7593, 0.4045, 0.1024, 0.0258]


def test_error_shrinks_like_one_over_n():
    # prose: doubling n roughly halves the error (the steps get half as high)
    errors = [max_error(lambda x, n=n: staircase(x, n)) for n in [8, 16, 32, 64, 128]]
    ratios = [a / b for a, b in zip(errors[:-1], errors[1:], strict=True)]
    assert all(1.8 < r < 2.2 for r in ratios)
    # the bound: error <= biggest step + what the sigmoid tails leak; f' is at most 2 pi + 0.5
    for n in [8, 32, 128]:
        assert max_error(lambda x, n=n: staircase(x, n)) <= (2 * np.pi + 0.5) / n


def test_staircase_is_exact_at_the_grid_points_away_from_the_steps():
    # at x = k/n the network has passed k full steps: value f(k/n)
    n = 10
    grid = np.arange(n + 1) / n
    np.testing.assert_allclose(staircase(grid, n), target(grid), atol=1e-6)


def test_works_for_any_continuous_function():
    f = np.abs                                   # |x - 0.5| shifted: a kink in the middle
    g = lambda x: f(x - 0.5)                     # noqa: E731
    err = [np.abs(staircase(X, n, f=g) - g(X)).max() for n in (4, 64)]
    assert err[1] < 0.1 * err[0]


def test_sigmoid_is_stable():
    with np.errstate(over="raise", invalid="raise"):
        assert sigmoid(np.array([-1e4, 0.0, 1e4])).tolist() == [0.0, 0.5, 1.0]


@pytest.mark.parametrize(("n", "error"), [(0, ValueError), (-3, ValueError), (2.0, TypeError),
                                          (True, TypeError)])
def test_bad_width_names_the_argument(n, error):
    with pytest.raises(error, match=r"^n "):
        check_width(n)
    with pytest.raises(error, match=r"^n "):
        staircase(X, n)


def test_numbers_of_the_prose_and_exercise_2():
    # prose: about 0.1 with 32 units, and 0.01 needs hundreds (128 is still above 0.02)
    assert round(max_error(lambda x: staircase(x, 32)), 2) == 0.10
    assert max_error(lambda x: staircase(x, 128)) > 0.02
    # exercise 2: |f'| <= 2 pi + 0.5 ~ 6.8, so n = 68 guarantees error <= 0.1
    assert round(2 * np.pi + 0.5, 1) == 6.8
    assert max_error(lambda x: staircase(x, 68)) <= 0.1
    fp = 2 * np.pi * np.cos(2 * np.pi * X) + 0.5
    assert np.abs(fp).max() <= 2 * np.pi + 0.5


def test_exercise_3_linear_activation_cannot_approximate():
    # exercise 3: with phi(x) = x the best fit is a straight line, whatever the width
    from snippets.feedforward.universal_approximation.ex02_least_squares import hidden_layer

    for n in (2, 32):
        w, b = hidden_layer(n)
        H = np.outer(X, w) + b
        A = np.hstack([H, np.ones((len(X), 1))])
        coef, *_ = np.linalg.lstsq(A, target(X), rcond=None)
        line = np.polyfit(X, target(X), 1)
        np.testing.assert_allclose(A @ coef, np.polyval(line, X), atol=1e-8)
        assert np.abs(A @ coef - target(X)).max() > 0.9


def test_exercise_2_midpoint_bound():
    # exercise 2: max|f'| = 2 pi + 0.5 = 6.78; steps at midpoints give error <= 6.78 / (2n) = 3.39 / n;
    # n = 32: bound 0.106 against 0.1024 measured; n = 34 suffices for 0.1 (measured 0.0968)
    fprime = np.abs(2 * np.pi * np.cos(2 * np.pi * X) + 0.5).max()
    assert round(fprime, 2) == 6.78 and round(fprime / 2, 2) == 3.39
    assert round(fprime / 2 / 32, 3) == 0.106
    assert round(max_error(lambda x: staircase(x, 32)), 4) == 0.1024
    assert int(np.ceil(fprime / 2 / 0.1)) == 34
    assert round(max_error(lambda x: staircase(x, 34)), 4) == 0.0968
    for n in [4, 8, 16, 32, 34, 64, 128]:
        assert max_error(lambda x, n=n: staircase(x, n)) <= fprime / (2 * n) + 1e-3
