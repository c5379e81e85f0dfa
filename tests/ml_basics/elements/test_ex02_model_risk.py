import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex02_model_risk import empirical_risk, f


def test_model_is_linear():
    np.testing.assert_allclose(f([0.0, 1.0, -2.0], 2.0, 1.0), [1.0, 3.0, -3.0])


def test_risk_equals_half_torch_mse():
    x, y = make_data()
    for w, b in [(0.0, 0.0), (2.0, 1.0), (-1.5, 0.3)]:
        expected = F.mse_loss(torch.from_numpy(f(x, w, b)), torch.from_numpy(y)).item() / 2
        assert empirical_risk(w, b, x, y) == pytest.approx(expected, rel=1e-12)


def test_page_values():
    # page: risk 1.3621 with w = b = 0, 0.0024 with the true w = 2, b = 1
    x, y = make_data()
    assert round(empirical_risk(0.0, 0.0, x, y), 4) == 1.3621
    assert round(empirical_risk(2.0, 1.0, x, y), 4) == 0.0024


@pytest.mark.parametrize(("x", "y"), [([], []), ([[1.0]], [[1.0]]), ([1.0, 2.0], [1.0])])
def test_bad_input_names_the_argument(x, y):
    with pytest.raises(ValueError, match=r"^x, y "):
        empirical_risk(1.0, 0.0, x, y)
