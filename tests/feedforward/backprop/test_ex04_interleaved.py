import numpy as np
import pytest

from snippets.feedforward.backprop.ex01_backprop import (
    gradients,
    init_params,
    step1_backward_errors,
    step3_param_grads,
    step4_forward,
)
from snippets.feedforward.backprop.ex04_interleaved import backward_interleaved


@pytest.mark.parametrize("act", ["sigmoid", "tanh"])
@pytest.mark.parametrize("sizes", [[3, 4, 2], [3, 4, 4, 2], [2, 3, 6, 5, 4]])
def test_interleaved_gives_the_same_gradients_as_whole_steps(act, sizes):
    # prose: computing dW^(l) as soon as delta^(l) exists gives the same gradients as 1 then 3
    rng = np.random.default_rng(sizes[1])
    X = rng.standard_normal((sizes[0], 7))
    y = rng.integers(0, sizes[-1], 7)
    params = init_params(sizes, seed=3)
    zs, acts = step4_forward(X, params, act)
    ours = backward_interleaved(zs, acts, y, params, act)
    stepwise = step3_param_grads(step1_backward_errors(zs, acts, y, params, act), acts)
    _, reference = gradients(X, y, params, act)
    for (dW, db), (sW, sb), (rW, rb) in zip(ours, stepwise, reference, strict=True):
        np.testing.assert_allclose(dW, sW, rtol=0, atol=1e-15)
        np.testing.assert_allclose(db, sb, rtol=0, atol=1e-15)
        np.testing.assert_allclose(dW, rW, rtol=0, atol=1e-15)
        np.testing.assert_allclose(db, rb, rtol=0, atol=1e-15)


def test_page_log_alternates_1_and_3_layer_by_layer():
    # prose: the log reads ①3 ③3 ①2 ③2 ①1 ③1
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((3, 5)), np.array([0, 1, 1, 0, 1])
    params = init_params([3, 4, 4, 2])
    zs, acts = step4_forward(X, params)
    log = []
    backward_interleaved(zs, acts, y, params, log=log)
    assert log == ["①3", "③3", "①2", "③2", "①1", "③1"]
