from snippets.feedforward.initialization import figures
from snippets.feedforward.initialization.ex03_depth import SCHEMES, signal_scales


def test_curves_are_the_depth_experiment():
    curves = figures.scale_curves()
    assert list(curves) == list(SCHEMES)
    for name, (act, init) in SCHEMES.items():
        a, d = signal_scales(act, init)
        assert curves[name] == (tuple(a), tuple(d)) and len(a) == len(d) == 20
    # the picture: N(0, 1) with ReLU climbs, small weights with tanh fall, He stays flat
    a, _ = curves["ReLU, N(0, 1)"]
    assert all(y > x for x, y in zip(a[:-1], a[1:], strict=True))
    a, _ = curves["tanh, N(0, 0.01^2)"]
    assert all(y < x for x, y in zip(a[:-1], a[1:], strict=True))
