import inspect

import numpy as np
import pytest

from snippets.feedforward.backprop import ex01_backprop as bp
from snippets.feedforward.backprop.ex01_backprop import (
    cross_entropy,
    gradients,
    init_params,
    loss,
    softmax,
    step1_backward_errors,
    step2_update,
    step3_param_grads,
    step4_forward,
    train_step,
)


def batch():
    rng = np.random.default_rng(0)
    return rng.standard_normal((3, 5)), np.array([0, 1, 1, 0, 1])


def test_the_order_is_4_1_3_2():
    # prose / review question: forward (4), errors (1), parameter derivatives (3), update (2)
    X, y = batch()
    log = []
    train_step(X, y, init_params([3, 4, 2]), log=log)
    assert log == ["④", "①", "③", "②"]
    # the source of train_step calls the steps in that order too
    src = inspect.getsource(train_step)
    positions = [src.index(name + "(") for name in
                 ("step4_forward", "step1_backward_errors", "step3_param_grads", "step2_update")]
    assert positions == sorted(positions)


def test_each_step_needs_the_output_of_the_previous_ones():
    # exercise: the order is forced by data dependencies
    params = dict(inspect.signature(step1_backward_errors).parameters)
    assert {"zs", "acts"} <= set(params)                    # (1) needs z and a from (4)
    assert set(inspect.signature(step3_param_grads).parameters) == {"deltas", "acts"}   # (3) needs (1), (4)
    assert "grads" in inspect.signature(step2_update).parameters                       # (2) needs (3)


def test_one_sgd_step_lowers_the_loss():
    # prose: loss 0.7586 before and 0.7013 after one step with lr = 0.5
    X, y = batch()
    params = init_params([3, 4, 2])
    new_params, before = train_step(X, y, params, lr=0.5)
    assert round(before, 4) == 0.7586
    assert round(loss(X, y, new_params), 4) == 0.7013
    assert loss(X, y, new_params) < before
    # the original parameters are not modified in place
    assert all((W == W0).all() for (W, _), (W0, _) in zip(params, init_params([3, 4, 2]), strict=True))


def test_delta_equations_by_hand():
    # delta^(L) = y_hat - y; delta^(1) = f'(z^(1)) * W2^T delta^(2); dW = delta a^T / N
    X, y = batch()
    params = init_params([3, 4, 2])
    zs, acts = step4_forward(X, params)
    deltas = step1_backward_errors(zs, acts, y, params)
    Y = np.zeros((2, 5))
    Y[y, np.arange(5)] = 1
    np.testing.assert_allclose(deltas[1], acts[2] - Y)
    s = 1 / (1 + np.exp(-zs[0]))
    np.testing.assert_allclose(deltas[0], s * (1 - s) * (params[1][0].T @ deltas[1]))
    grads = step3_param_grads(deltas, acts)
    np.testing.assert_allclose(grads[0][0], sum(np.outer(deltas[0][:, n], X[:, n]) for n in range(5)) / 5)
    np.testing.assert_allclose(grads[1][1], deltas[1].mean(axis=1))


def test_per_sample_gradients_average_to_the_batch_gradient():
    # prose: per-sample gradients (the book's formulas, one column at a time) average to the batch gradient
    X, y = batch()
    params = init_params([3, 4, 4, 2], seed=3)
    _, g_batch = gradients(X, y, params)
    singles = [gradients(X[:, [n]], y[[n]], params)[1] for n in range(5)]
    for l in range(3):
        for k in range(2):
            np.testing.assert_allclose(g_batch[l][k], np.mean([s[l][k] for s in singles], axis=0), atol=1e-14)


def test_softmax_and_cross_entropy():
    Z = np.array([[1.0, 1000.0], [1.0, 0.0]])
    P = softmax(Z)
    np.testing.assert_allclose(P.sum(axis=0), [1, 1])
    np.testing.assert_allclose(P[:, 0], [0.5, 0.5])
    assert cross_entropy(np.full((2, 3), 0.5), np.array([0, 1, 0])) == pytest.approx(np.log(2))


def test_init_params_shapes_follow_the_book():
    params = init_params([3, 4, 2])
    assert [(W.shape, b.shape) for W, b in params] == [((4, 3), (4,)), ((2, 4), (2,))]
    assert sum(W.size + b.size for W, b in params) == 26


@pytest.mark.parametrize(("call", "arg"), [
    (lambda X, y, p: train_step(X.T, y, p), "X"),
    (lambda X, y, p: train_step(X[0], y, p), "X"),
    (lambda X, y, p: train_step(X, y[:3], p), "y"),
    (lambda X, y, p: train_step(X, y.astype(float), p), "y"),
    (lambda X, y, p: train_step(X, y + 1, p), "y"),
    (lambda X, y, p: train_step(X, y, p, lr=0.0), "lr"),
    (lambda X, y, p: train_step(X, y, p, lr=-1.0), "lr"),
    (lambda X, y, p: train_step(X, y, p, act="relu6"), "act"),
    (lambda X, y, p: init_params([3]), "sizes"),
    (lambda X, y, p: init_params([3, 0, 2]), "sizes"),
    (lambda X, y, p: init_params([3, 2.0]), "sizes"),
])
def test_bad_input_names_the_argument(call, arg):
    X, y = batch()
    with pytest.raises(ValueError, match=rf"^{arg} "):
        call(X, y, init_params([3, 4, 2]))


def test_module_has_no_side_effects_on_import():
    assert callable(bp.main)


def test_exercise_3_shapes_for_the_2_3_1_network():
    # exercise 3: delta^(1) has 3 entries, dL/dW^(1) is 3 x 2, and the gradients hold 13 numbers
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((2, 4)), np.zeros(4, dtype=int)
    params = init_params([2, 3, 1])
    zs, acts = step4_forward(X, params)
    deltas = step1_backward_errors(zs, acts, y, params)
    grads = step3_param_grads(deltas, acts)
    assert deltas[0].shape == (3, 4)                      # 3 entries per sample (column)
    assert grads[0][0].shape == (3, 2)
    assert sum(g.size for pair in grads for g in pair) == 13


def test_exercise_4_output_delta_is_y_hat_minus_y():
    # exercise 4: d(cross-entropy of softmax)/dz = y_hat - y, checked against autograd
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(4)
    Z = rng.standard_normal((5, 1))
    y = np.array([3])
    z = torch.tensor(Z[:, 0], requires_grad=True)
    F.cross_entropy(z[None, :], torch.tensor(y)).backward()
    expected = softmax(Z)[:, 0] - np.eye(5)[3]
    np.testing.assert_allclose(z.grad.numpy(), expected, atol=1e-12)


def test_numerical_differences_cost_two_passes_per_parameter():
    # prose: 26 parameters need 52 forward passes with central differences
    params = init_params([3, 4, 2])
    assert 2 * sum(W.size + b.size for W, b in params) == 52


def test_squared_loss_with_identity_output_has_the_same_output_delta():
    # prose: with an identity output layer and L = 1/2 ||y - y_hat||^2, delta^(L) = y_hat - y as well
    import torch

    z = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
    y = torch.tensor([1.0, 0.0, 2.5], dtype=torch.float64)
    (0.5 * ((y - z) ** 2).sum()).backward()
    assert torch.allclose(z.grad, z.detach() - y)
