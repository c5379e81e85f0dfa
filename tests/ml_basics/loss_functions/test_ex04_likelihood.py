import numpy as np
import pytest
import torch
import torch.nn.functional as F
from scipy import optimize, stats

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex03_gradient_descent import least_squares
from snippets.ml_basics.loss_functions.ex02_cross_entropy import binary_cross_entropy, cross_entropy
from snippets.ml_basics.loss_functions.ex04_likelihood import gaussian_nll, main


def design():
    x, y = make_data()
    return np.column_stack([x, np.ones_like(x)]), y


def test_page_output(capsys):
    main()
    assert capsys.readouterr().out.splitlines() == [
        "-23.1774 -27.6729", "-22.784 -27.6729", "337.3397 -27.6729", "-23.1774 True",
        "[0.417, 2.42, 1.0986]", "True True True"]


def test_nll_matches_scipy_normal_logpdf():
    rng = np.random.default_rng(0)
    y, f = rng.standard_normal(30), rng.standard_normal(30)
    for sigma in (0.1, 1.0, 3.0):
        assert gaussian_nll(y, f, sigma) == pytest.approx(-stats.norm.logpdf(y, loc=f, scale=sigma).sum(),
                                                          rel=1e-12)


def test_nll_is_sse_over_two_sigma_squared_plus_a_constant():
    # prose: -log-likelihood = SSE / (2 sigma^2) + (N/2) log(2 pi sigma^2);
    # the constant is -27.6729 for N = 20
    A, y = design()
    rng = np.random.default_rng(1)
    for theta in rng.standard_normal((10, 2)) * 3:
        f = A @ theta
        assert gaussian_nll(y, f, 0.1) - np.sum((y - f) ** 2) / (2 * 0.1 ** 2) == pytest.approx(
            20 / 2 * np.log(2 * np.pi * 0.1 ** 2), rel=1e-9)
    assert round(10 * np.log(2 * np.pi * 0.01), 4) == -27.6729


@pytest.mark.parametrize("sigma", [0.05, 0.1, 1.0])
def test_maximum_likelihood_is_least_squares_for_any_sigma(sigma):
    # prose: the minimiser of the Gaussian NLL is the least-squares solution, whatever sigma is
    A, y = design()
    res = optimize.minimize(lambda th: gaussian_nll(y, A @ th, sigma), x0=[0.0, 0.0], method="BFGS",
                            options={"gtol": 1e-10})
    np.testing.assert_allclose(res.x, least_squares(A[:, 0], y), atol=1e-6)


def test_likelihood_is_largest_at_the_least_squares_solution():
    # prose: NLL -23.1774 at least squares < -22.784 at the truth (2, 1) < 337.3397 at (1.5, 0.5)
    A, y = design()
    thetas = (least_squares(A[:, 0], y), (2.0, 1.0), (1.5, 0.5))
    values = [gaussian_nll(y, A @ np.array(th), 0.1) for th in thetas]
    assert values == sorted(values) and [round(v, 4) for v in values] == [-23.1774, -22.784, 337.3397]


def test_mle_of_sigma_is_the_mean_squared_residual():
    # exercise 3: minimising over sigma too gives sigma_hat^2 = SSE / N, sigma_hat = 0.067 < 0.1
    A, y = design()
    f = A @ np.array(least_squares(A[:, 0], y))
    res = optimize.minimize_scalar(lambda s: gaussian_nll(y, f, s), bounds=(0.01, 1.0), method="bounded",
                                   options={"xatol": 1e-10})
    assert res.x ** 2 == pytest.approx(np.mean((y - f) ** 2), rel=1e-6)
    assert round(float(np.sqrt(np.mean((y - f) ** 2))), 3) == 0.067
    # the noise of these 20 samples: mean square 0.0049 at the truth, 0.0045 after the fit
    assert round(float(np.mean((y - A @ np.array([2.0, 1.0])) ** 2)), 4) == 0.0049
    assert round(float(np.mean((y - f) ** 2)), 4) == 0.0045


def test_categorical_nll_is_cross_entropy_for_random_logits():
    rng = np.random.default_rng(2)
    logits, y = rng.standard_normal((40, 5)) * 3, rng.integers(0, 5, 40)
    z, t = torch.from_numpy(logits), torch.from_numpy(y)
    nll = -torch.distributions.Categorical(logits=z).log_prob(t)
    np.testing.assert_allclose(nll.numpy(), F.cross_entropy(z, t, reduction="none").numpy(), rtol=1e-12)
    np.testing.assert_allclose(nll.numpy(), cross_entropy(y, logits), rtol=1e-12)


def test_bernoulli_nll_is_binary_cross_entropy():
    # prose: for two classes the Bernoulli model p^y (1 - p)^(1 - y) gives the binary cross-entropy
    rng = np.random.default_rng(3)
    z, y = rng.standard_normal(30) * 3, rng.integers(0, 2, 30)
    nll = -torch.distributions.Bernoulli(logits=torch.from_numpy(z)).log_prob(torch.from_numpy(y).double())
    np.testing.assert_allclose(nll.numpy(), binary_cross_entropy(y, z), rtol=1e-12)


@pytest.mark.parametrize(("args", "arg"), [(([1.0, 2.0], [1.0], 0.1), "f"), (([1.0], [1.0], 0.0), "sigma"),
                                           (([1.0], [1.0], float("nan")), "sigma")])
def test_bad_input_names_the_argument(args, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        gaussian_nll(*args)


def test_laplace_noise_gives_the_absolute_loss():
    # prose: with Laplace noise the negative log-likelihood is |y - f| / b + log(2b)
    rng = np.random.default_rng(4)
    y, f = rng.standard_normal(20), rng.standard_normal(20)
    np.testing.assert_allclose(-stats.laplace.logpdf(y, loc=f, scale=0.5), np.abs(y - f) / 0.5 + np.log(1.0),
                               rtol=1e-12)
