import math

import pytest

from snippets.feedforward.autodiff.ex01_numerical import central_difference, cube, errors, forward_difference

PAGE_STEPS = [1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10, 1e-12]


def test_page_table():
    # prose table: errors of the forward and central differences of x^3 at x = 1
    shown = [(f"{a:.1e}", f"{b:.1e}") for a, b in errors(PAGE_STEPS)]
    assert shown == [("3.1e-01", "1.0e-02"), ("3.0e-02", "1.0e-04"), ("3.0e-04", "1.0e-08"),
                     ("3.0e-06", "2.5e-11"), ("4.0e-09", "7.1e-09"), ("2.5e-07", "2.5e-07"),
                     ("2.7e-04", "1.0e-04")]


def test_large_steps_follow_the_truncation_error_exactly():
    # prose: for x^3 the forward difference is 3 + 3h + h^2 and the central one 3 + h^2
    for h in [1e-1, 1e-2, 1e-3]:
        assert forward_difference(cube, 1.0, h) - 3 == pytest.approx(3 * h + h * h, rel=1e-9)
        assert central_difference(cube, 1.0, h) - 3 == pytest.approx(h * h, rel=1e-6)


def test_small_steps_are_ruined_by_rounding():
    # prose: below the best step the error grows like eps / h; best h near 1e-8 (forward) and 1e-6 (central)
    eps = 2.0 ** -52
    steps = [float(f"1e-{k}") for k in range(1, 16)]
    table = errors(steps)
    best_forward = steps[min(range(15), key=lambda i: table[i][0])]
    best_central = steps[min(range(15), key=lambda i: table[i][1])]
    assert best_forward == 1e-8 and best_central == 1e-6
    assert f"{math.sqrt(eps):.2g}" == "1.5e-08" and f"{eps ** (1 / 3):.2g}" == "6.1e-06"
    for k in (11, 12, 13):
        h = float(f"1e-{k}")
        assert table[k - 1][0] < 10 * eps / h and table[k - 1][0] > 3 * h
    # at the best step, the central difference is about 160 times more accurate
    assert min(e for _, e in table) < min(e for e, _ in table) / 100


def test_the_printed_cube_is_the_module_cube():
    assert all(cube(x) == x * x * x for x in (0.5, 1.0, 1.0 + 1e-8))


@pytest.mark.parametrize("h", [0.0, -1e-3, float("nan")])
def test_bad_step_names_the_argument(h):
    with pytest.raises(ValueError, match=r"^h "):
        forward_difference(cube, 1.0, h)
    with pytest.raises(ValueError, match=r"^h "):
        central_difference(cube, 1.0, h)


def test_exercise_2_the_step_actually_taken():
    # exercise 2: at h = 1e-10 both differences err by 2.5e-7 because 1 + h is rounded:
    # the step taken is 1.0000000827e-10, a relative error of 8.27e-8, times 3
    h = 1e-10
    taken = (1.0 + h) - 1.0
    assert taken == 1.0 - (1.0 - h) and f"{taken:.10e}" == "1.0000000827e-10"
    assert f"{taken / h - 1:.2e}" == "8.27e-08"
    forward = forward_difference(cube, 1.0, h)
    assert forward == central_difference(cube, 1.0, h)
    assert f"{forward - 3:.1e}" == "2.5e-07" and forward - 3 == pytest.approx(3 * (taken / h - 1), rel=1e-3)
    # with the step actually taken in the denominator the error falls far below 1e-7
    assert abs((cube(1.0 + h) - cube(1.0)) / taken - 3) < 1e-8
    # prose: at h = 1e-12 the forward difference is right to the third decimal only
    at_1e_12 = forward_difference(cube, 1.0, 1e-12)
    assert round(at_1e_12, 3) == 3.0 and abs(at_1e_12 - 3) > 1e-4
