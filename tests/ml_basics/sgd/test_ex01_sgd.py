import numpy as np
import pytest
import torch

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex03_gradient_descent import gradient_descent, least_squares
from snippets.ml_basics.sgd.ex01_sgd import sgd


def test_page_values():
    # page: w = 1.9862, b = 0.9959 against the closed form 1.9873, 0.9921
    x, y = make_data(N=200)
    assert tuple(round(v, 4) for v in sgd(x, y)) == (1.9862, 0.9959)
    assert tuple(round(v, 4) for v in least_squares(x, y)) == (1.9873, 0.9921)


@pytest.mark.parametrize("seed", range(50))
def test_within_the_stated_tolerance_for_every_seed(seed):
    # prose: lr = 0.1, batch 10, 20 epochs ends within 0.02 of the closed form (50 seeds tested)
    x, y = make_data(N=200)
    np.testing.assert_allclose(sgd(x, y, seed=seed), least_squares(x, y), atol=0.02)


def test_smaller_learning_rate_gets_closer():
    # prose: lr = 0.01 with 200 epochs ends within 0.001
    x, y = make_data(N=200)
    for seed in range(5):
        np.testing.assert_allclose(sgd(x, y, lr=0.01, epochs=200, seed=seed), least_squares(x, y), atol=1e-3)


def test_full_batch_is_gradient_descent():
    # batch_size = N: one update per epoch on the whole set, whatever the order
    x, y = make_data(N=50)
    np.testing.assert_allclose(sgd(x, y, lr=0.3, batch_size=50, epochs=7),
                               gradient_descent(x, y, lr=0.3, steps=7), atol=1e-12)


def test_every_update_matches_torch_on_the_same_batches():
    x, y = make_data(N=40)
    params = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([params], lr=0.2)
    rng = np.random.default_rng(3)
    X, Y = torch.from_numpy(x), torch.from_numpy(y)
    for _ in range(3):
        order = torch.from_numpy(rng.permutation(40))
        for start in range(0, 40, 8):
            idx = order[start:start + 8]
            opt.zero_grad()
            (((Y[idx] - (params[0] * X[idx] + params[1])) ** 2).mean() / 2).backward()
            opt.step()
    np.testing.assert_allclose(sgd(x, y, lr=0.2, batch_size=8, epochs=3, seed=3), params.detach().numpy(),
                               atol=1e-12)


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"lr": 0}, "lr"), ({"batch_size": 0}, "batch_size"), ({"batch_size": 21}, "batch_size"),
    ({"batch_size": 2.0}, "batch_size"), ({"epochs": -1}, "epochs"), ({"y": [1.0, 2.0]}, "x, y"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    x, y = make_data()
    args = {"x": x, "y": y, **kwargs}
    with pytest.raises(ValueError, match=rf"^{arg} "):
        sgd(**args)


def test_exercise_number_of_updates():
    # exercise 1: N = 1000, K = 32: 32 updates per epoch (the last batch has 8 samples), 320 in 10 epochs
    batches = [len(range(1000)[s:s + 32]) for s in range(0, 1000, 32)]
    assert len(batches) == 32 and batches[-1] == 8 and 10 * len(batches) == 320
