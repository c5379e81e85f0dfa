import numpy as np

from snippets.ml_basics.loss_functions import figures


def test_margin_curves_values():
    m, curves = figures.margin_curves([-1.0, 0.0, 0.5, 1.0, 2.0])
    assert curves["0-1"].tolist() == [1.0, 1.0, 0.0, 0.0, 0.0]
    np.testing.assert_allclose(curves["hinge"], [2.0, 1.0, 0.5, 0.0, 0.0])
    ce = curves["cross-entropy / log 2"]
    np.testing.assert_allclose(ce, np.log2(1 + np.exp(-m)))
    assert ce[1] == 1.0                      # passes through (0, 1) like the 0-1 loss
    np.testing.assert_allclose(curves["squared $(1 - m)^2$"], [4.0, 1.0, 0.25, 0.0, 1.0])


def test_hinge_and_cross_entropy_bound_the_zero_one_loss_from_above():
    # prose: hinge and (scaled) cross-entropy are convex upper bounds of the 0-1 loss
    m, curves = figures.margin_curves()
    for name in ("hinge", "cross-entropy / log 2"):
        assert np.all(curves[name] >= curves["0-1"] - 1e-12)
