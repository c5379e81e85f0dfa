import numpy as np
import pytest

from snippets.feedforward.activations import figures


def test_plotted_curves_are_the_functions_and_their_derivatives():
    z, data = figures.curves("squashing")
    assert set(data) == {"sigmoid", "tanh"}
    f, df = data["sigmoid"]
    np.testing.assert_allclose(f, 1 / (1 + np.exp(-z)))
    np.testing.assert_allclose(df, f * (1 - f))
    z, data = figures.curves("rectifiers")
    assert len(data) == 6
    f, df = data["leaky ReLU (0.1)"]
    assert f[0] == pytest.approx(-0.4) and df[0] == pytest.approx(0.1)   # slope 0.1 on the left
    # every plotted derivative is the slope of the plotted function (away from the kink at 0)
    for f, df in data.values():
        slope = np.gradient(f, z)
        away = np.abs(z) > 0.05
        np.testing.assert_allclose(df[away], slope[away], atol=5e-3)


def test_curves_rejects_an_unknown_group():
    with pytest.raises(ValueError, match=r"^which "):
        figures.curves("linear")
