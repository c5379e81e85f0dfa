import pytest
import torch

from snippets.feedforward.computation_graphs.ex02_define_by_run import double_until, f, recorded_ops


@pytest.mark.parametrize(("values", "value", "grad", "ops"), [
    ([1.0, 2.0], 5.0, [2.0, 4.0], ["SumBackward0", "PowBackward0", "AccumulateGrad"]),
    ([-1.0, -2.0], -9.0, [3.0, 3.0], ["SumBackward0", "MulBackward0", "AccumulateGrad"]),
])
def test_autograd_follows_the_branch_taken(values, value, grad, ops):
    # prose: positive sum -> gradient 2x; otherwise gradient 3; the recorded graph differs
    x = torch.tensor(values, requires_grad=True)
    y = f(x)
    y.backward()
    assert y.item() == value and x.grad.tolist() == grad and recorded_ops(y) == ops


def test_gradient_matches_each_branch_on_random_inputs():
    g = torch.Generator().manual_seed(0)
    for _ in range(20):
        x = torch.randn(5, generator=g, dtype=torch.float64, requires_grad=True)
        f(x).backward()
        expected = 2 * x.detach() if x.sum() > 0 else torch.full_like(x, 3.0)
        torch.testing.assert_close(x.grad, expected)


@pytest.mark.parametrize(("values", "steps"), [([3.0, 4.0], 1), ([0.3, 0.4], 5), ([6.0, 8.0], 0)])
def test_loop_count_depends_on_data_and_gradient_is_two_to_the_steps(values, steps):
    # prose: [3, 4] doubles once (gradient 2), [0.3, 0.4] five times (gradient 32)
    x = torch.tensor(values, requires_grad=True)
    y, k = double_until(x)
    assert k == steps
    if steps:
        y.backward()
        assert x.grad.tolist() == [2.0 ** steps] * 2
        assert recorded_ops(y).count("MulBackward0") == steps


@pytest.mark.parametrize(("args", "arg"), [((torch.zeros(3),), "x"), ((torch.ones(2), 0.0), "limit"),
                                           ((torch.ones(2), -1.0), "limit")])
def test_bad_input_names_the_argument(args, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        double_until(*args)
