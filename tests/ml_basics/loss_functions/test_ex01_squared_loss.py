import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.ml_basics.loss_functions.ex01_squared_loss import squared_loss


def test_page_values():
    # page: losses [0.125, 0.125, 0, 0.5], mean 0.1875
    y, f = [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]
    assert squared_loss(y, f).tolist() == [0.125, 0.125, 0.0, 0.5]
    assert squared_loss(y, f).mean() == 0.1875


def test_mean_is_half_torch_mse_loss():
    rng = np.random.default_rng(0)
    y, f = rng.standard_normal(50), rng.standard_normal(50)
    expected = F.mse_loss(torch.from_numpy(f), torch.from_numpy(y)).item() / 2
    assert squared_loss(y, f).mean() == pytest.approx(expected, rel=1e-12)
    per_sample = F.mse_loss(torch.from_numpy(f), torch.from_numpy(y), reduction="none").numpy() / 2
    np.testing.assert_allclose(squared_loss(y, f), per_sample, rtol=1e-12)


def test_minimised_exactly_at_the_target_and_grows_with_the_error():
    # prose: squared loss is 0 only at f = y and grows with |y - f| on both sides
    f = np.linspace(-5, 5, 1001)
    loss = squared_loss(np.full_like(f, 1.3), f)
    assert f[np.argmin(loss)] == pytest.approx(1.3)
    dist = np.abs(f - 1.3)
    order = np.argsort(dist)
    assert np.all(np.diff(loss[order]) >= 0)


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match=r"^f "):
        squared_loss([1.0, 2.0], [1.0])


def test_exercise_constant_model_mean_versus_median():
    # exercise 1: the best constant is the mean under squared loss and the median under absolute loss
    y = np.array([1.0, 2.0, 2.5, 4.0, 20.0])
    c = np.linspace(0, 25, 25001)
    sq = [squared_loss(y, np.full_like(y, ci)).mean() for ci in c]
    ab = [np.abs(y - ci).mean() for ci in c]
    assert c[np.argmin(sq)] == pytest.approx(y.mean(), abs=1e-3)
    assert c[np.argmin(ab)] == pytest.approx(np.median(y), abs=1e-3)
