import pytest
import torch

from snippets.feedforward.autodiff.ex04_reverse_mode import Var, backward
from snippets.feedforward.autodiff.ex05_cost import f, gradient_costs


def test_page_table():
    # prose table: f takes 3n - 1 operations; forward mode n times that, reverse mode twice that
    rows = [gradient_costs(n) for n in (1, 10, 100)]
    assert [r[:3] for r in rows] == [(2, 2, 4), (29, 290, 58), (299, 29900, 598)]
    assert all(r[3] < 1e-12 for r in rows)


@pytest.mark.parametrize("n", [1, 3, 7, 20, 64])
def test_ratios_are_n_and_2(n):
    f_ops, forward, reverse, gap = gradient_costs(n)
    assert f_ops == 3 * n - 1 and forward == n * f_ops and reverse == 2 * f_ops and gap < 1e-12


def test_gradient_equals_torch_autograd():
    n = 100
    point = [0.01 * i for i in range(n)]
    xs = [Var(p) for p in point]
    backward(f(*xs))
    t = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    (torch.exp(t) * torch.roll(t, 1)).sum().backward()
    torch.testing.assert_close(torch.tensor([x.grad for x in xs], dtype=torch.float64), t.grad)


@pytest.mark.parametrize("n", [0, -1, 2.0])
def test_bad_size_names_the_argument(n):
    with pytest.raises(ValueError, match=r"^n "):
        gradient_costs(n)
