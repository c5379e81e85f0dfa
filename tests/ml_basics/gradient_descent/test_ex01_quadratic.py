import numpy as np
import pytest
import torch

from snippets.ml_basics.gradient_descent.ex01_quadratic import gd_quadratic, regime

L = 4.0


def test_page_table_of_iterates():
    # page: the printed trajectories for L = 4
    assert [round(x, 3) for x in gd_quadratic(L, 0.01)] == [1.0, 0.96, 0.922, 0.885, 0.849, 0.815, 0.783]
    assert gd_quadratic(L, 0.25) == [1.0] + [0.0] * 6
    assert gd_quadratic(L, 0.5) == [1.0, -1.0] * 3 + [1.0]
    assert [round(x, 3) for x in gd_quadratic(L, 0.6)] == [1.0, -1.4, 1.96, -2.744, 3.842, -5.378, 7.53]


@pytest.mark.parametrize("L", [0.5, 1.0, 4.0, 10.0])
@pytest.mark.parametrize("c", [0.3, 0.9, 1.0, 1.5, 1.99, 2.0, 2.01, 3.0])
def test_thresholds_on_the_iteration_x_t_equals_q_to_the_t(L, c):
    # prose: lr < 1/L monotone, 1/L < lr < 2/L oscillating but converging,
    # lr = 2/L oscillates forever with the same amplitude, lr > 2/L diverges
    lr = c / L
    xs = np.array(gd_quadratic(L, lr, x0=1.0, steps=100))
    q = 1 - lr * L
    np.testing.assert_allclose(xs, q ** np.arange(101), rtol=1e-9)
    a = np.abs(xs)
    if c < 1:
        assert regime(L, lr) == "单调收敛"
        assert np.all(xs > 0) and np.all(np.diff(xs) < 0) and xs[-1] < 1e-3
    elif c == 1:
        assert regime(L, lr) == "一步到达" and np.all(xs[1:] == 0)
    elif c < 2:
        assert regime(L, lr) == "振荡收敛"
        assert np.all(np.sign(xs[1:]) == -np.sign(xs[:-1]))      # the sign flips every step
        assert np.all(np.diff(a) < 0) and a[-1] < 0.5
    elif c == 2:
        assert regime(L, lr) == "等幅振荡"
        np.testing.assert_allclose(xs, (-1.0) ** np.arange(101), atol=1e-12)
    else:
        assert regime(L, lr) == "发散"
        assert np.all(np.diff(a) > 0) and a[-1] > 2


def test_matches_torch_sgd():
    for lr in (0.05, 0.3, 0.45, 0.6):
        x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([x], lr=lr)
        traj = [x.item()]
        for _ in range(8):
            opt.zero_grad()
            (L / 2 * x ** 2).backward()
            opt.step()
            traj.append(x.item())
        np.testing.assert_allclose(gd_quadratic(L, lr, steps=8), traj, rtol=1e-12)


@pytest.mark.parametrize(("args", "arg"), [
    ((0.0, 0.1), "L"), ((-1.0, 0.1), "L"), ((4.0, 0), "lr"), ((4.0, -0.1), "lr"), (("4", 0.1), "L"),
    ((4.0, None), "lr"), ((True, 0.1), "L"), ((float("nan"), 0.1), "L"),
])
def test_bad_input_names_the_argument(args, arg):
    for fn in (gd_quadratic, regime):
        with pytest.raises(ValueError, match=rf"^{arg} "):
            fn(*args)


def test_exercises():
    # exercise 1: f = 5x^2 means L = 10: lr = 0.1 reaches 0 in one step, lr = 0.2 oscillates, above diverges
    assert gd_quadratic(10.0, 0.1, steps=1) == [1.0, 0.0]
    assert regime(10.0, 0.2) == "等幅振荡" and regime(10.0, 0.21) == "发散"
    # exercise 2: f = (2x^2 + 50y^2)/2 has eigenvalues 2 and 50, lr < 0.04; with lr = 0.02 the x factor
    # is 0.96, and x needs 113 steps to shrink below 1% of its start
    assert regime(50.0, 0.039) == "振荡收敛" and regime(50.0, 0.041) == "发散"
    assert gd_quadratic(2.0, 0.02, steps=1)[1] == pytest.approx(0.96)
    xs = np.abs(gd_quadratic(2.0, 0.02, steps=200))
    assert int(np.argmax(xs < 0.01)) == 113
