from snippets.feedforward.autodiff import figures
from snippets.feedforward.autodiff.ex01_numerical import errors
from snippets.feedforward.autodiff.ex05_cost import gradient_costs


def test_difference_error_curves_are_the_page_experiment():
    hs, forward, central = figures.error_curves()
    assert hs[0] == 1e-1 and hs[-1] == 1e-15 and len(hs) == 15
    assert list(zip(forward, central, strict=True)) == errors(hs)
    # the V shape: both fall, then rise; the central curve sits lower at its best
    assert forward.index(min(forward)) == 7 and central.index(min(central)) == 5     # h = 1e-8, 1e-6
    assert forward[0] > forward[7] < forward[-1] and central[0] > central[5] < central[-1]


def test_cost_curves_are_n_times_and_twice_f():
    sizes, f_ops, forward, reverse = figures.cost_curves()
    assert sizes == figures.SIZES
    for n, fo, fw, rv in zip(sizes, f_ops, forward, reverse, strict=True):
        assert (fo, fw, rv) == gradient_costs(n)[:3] and fw == n * fo and rv == 2 * fo
