import numpy as np
import pytest
import torch

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import H, f_quad, gd_path, grad_quad


def test_page_values():
    # page: the printed path; after 100 steps θ1 = -5 * 0.981^100 = -0.7343 and f = 0.2696
    path = gd_path(grad_quad, [-5.0, 1.0], lr=0.019, steps=100)
    rows = [(np.round(path[t], 4).tolist(), round(float(f_quad(path[t])), 4)) for t in (0, 1, 2, 3, 100)]
    assert rows == [([-5.0, 1.0], 62.5), ([-4.905, -0.9], 52.5295), ([-4.8118, 0.81], 44.3817),
                    ([-4.7204, -0.729], 37.713), ([-0.7343, 0.0], 0.2696)]


def test_each_direction_is_the_one_dimensional_case():
    # prose: along each eigenvector the factor is 1 - lr * h_i: 0.981 for θ1 and -0.9 for θ2
    path = gd_path(grad_quad, [-5.0, 1.0], lr=0.019, steps=60)
    t = np.arange(61)
    np.testing.assert_allclose(path[:, 0], -5.0 * (1 - 0.019 * 1) ** t, rtol=1e-12)
    np.testing.assert_allclose(path[:, 1], (1 - 0.019 * 100) ** t, rtol=1e-9, atol=1e-15)
    assert (round(1 - 0.019 * H[0], 3), round(1 - 0.019 * H[1], 3)) == (0.981, -0.9)


def test_limit_is_two_over_the_largest_eigenvalue():
    # prose: lr must stay below 2/100 = 0.02, set by the steep direction alone
    assert np.abs(gd_path(grad_quad, [-5.0, 1.0], lr=0.0199, steps=3000)[-1]).max() < 1e-6
    assert np.abs(gd_path(grad_quad, [-5.0, 1.0], lr=0.0201, steps=3000)[-1, 1]) > 1e6


def test_gradient_and_path_match_torch():
    theta = torch.tensor([-5.0, 1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([theta], lr=0.019)
    traj = [theta.detach().clone().numpy()]
    for _ in range(30):
        opt.zero_grad()
        loss = 0.5 * (torch.from_numpy(H) * theta ** 2).sum()
        loss.backward()
        np.testing.assert_allclose(grad_quad(traj[-1]), theta.grad.numpy(), rtol=1e-15)
        assert f_quad(traj[-1]) == pytest.approx(loss.item(), rel=1e-14)
        opt.step()
        traj.append(theta.detach().clone().numpy())
    np.testing.assert_allclose(gd_path(grad_quad, [-5.0, 1.0], 0.019, 30), traj, rtol=1e-12, atol=1e-15)


def test_steps_to_reach_one_in_a_million():
    # prose: about 426 steps until f < 1e-6, all spent crawling along θ1
    f = f_quad(gd_path(grad_quad, [-5.0, 1.0], lr=0.019, steps=1000))
    assert int(np.argmax(f < 1e-6)) == 426


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"lr": 0.0}, "lr"), ({"lr": float("nan")}, "lr"), ({"steps": -1}, "steps"), ({"steps": 2.0}, "steps"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    args = {"grad": grad_quad, "theta0": [1.0, 1.0], "lr": 0.01, "steps": 3, **kwargs}
    with pytest.raises(ValueError, match=rf"^{arg} "):
        gd_path(**args)


def test_level_sets_are_ellipses_ten_times_longer_than_wide():
    # prose: the semi-axes of a contour have ratio sqrt(100) = 10
    c = 2.0
    assert f_quad([np.sqrt(2 * c), 0.0]) == pytest.approx(c)
    assert f_quad([0.0, np.sqrt(2 * c / 100)]) == pytest.approx(c)
    assert np.sqrt(2 * c) / np.sqrt(2 * c / 100) == pytest.approx(10)
