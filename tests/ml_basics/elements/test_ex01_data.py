import numpy as np
import pytest

from snippets.ml_basics.elements.ex01_data import make_data


def test_page_values_and_shapes():
    # page: 20 samples, first three x and y as printed
    x, y = make_data()
    assert x.shape == y.shape == (20,)
    assert np.round(x[:3], 4).tolist() == [0.2739, -0.4604, -0.9181]
    assert np.round(y[:3], 4).tolist() == [1.535, 0.2158, -0.9026]


def test_same_seed_same_data_and_noise_free_line():
    np.testing.assert_array_equal(make_data(seed=3)[0], make_data(seed=3)[0])
    x, y = make_data(N=50, noise=0.0)
    np.testing.assert_allclose(y, 2 * x + 1)
    assert x.min() >= -1 and x.max() <= 1


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"N": 1}, "N"), ({"N": 2.5}, "N"), ({"N": True}, "N"),
    ({"noise": -0.1}, "noise"), ({"noise": float("nan")}, "noise"),
])
def test_bad_input_names_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        make_data(**kwargs)
