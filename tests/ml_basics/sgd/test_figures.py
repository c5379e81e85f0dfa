import numpy as np

from snippets.ml_basics.elements.ex01_data import make_data
from snippets.ml_basics.elements.ex03_gradient_descent import gradient_descent
from snippets.ml_basics.sgd import figures
from snippets.ml_basics.sgd.ex01_sgd import sgd


def test_traces_are_the_sgd_runs():
    x, y = make_data(N=200)
    for B in figures.BATCH_SIZES:
        t, risks, params = figures.sgd_trace(B)
        np.testing.assert_allclose(params, sgd(x, y, batch_size=B, epochs=5), atol=1e-12)
        assert len(risks) == 1 + 5 * (200 // B) and t[-1] == 5.0
    _, _, params = figures.sgd_trace(200)
    np.testing.assert_allclose(params, gradient_descent(x, y, lr=0.1, steps=5), atol=1e-12)


def test_small_batches_fall_faster_per_epoch_but_are_noisy():
    # prose: after one epoch the risk is 0.0055 (batch 1, 200 updates), 0.16 (batch 10, 20 updates)
    # and 1.19 (full batch, 1 update); batch 1 does not fall monotonically, full batch does
    t1, r1, _ = figures.sgd_trace(1)
    t10, r10, _ = figures.sgd_trace(10)
    t200, r200, _ = figures.sgd_trace(200)
    at_one = [r[np.searchsorted(t, 1.0)] for t, r in ((t1, r1), (t10, r10), (t200, r200))]
    assert [round(at_one[0], 4), round(at_one[1], 2), round(at_one[2], 2)] == [0.0055, 0.16, 1.19]
    assert np.any(np.diff(r1) > 0) and np.all(np.diff(r200) < 0)
