import math

import pytest
import torch
from torch.func import jvp as torch_jvp

from snippets.feedforward.autodiff.ex03_forward_mode import Dual, jvp, lift, logistic_unit

# torch.func.jvp compiles a helper with torch.jit.script internally, which torch 2.13 marks deprecated
pytestmark = pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated:DeprecationWarning")


def torch_unit(x, w, b):
    return 1 / (torch.exp(-(w * x + b)) + 1)


def test_book_example():
    # prose: at x = 1, w = 0, b = 0, f = 0.5 and df/dw = df/db = 0.25, one pass per direction
    assert jvp(logistic_unit, (1.0, 0.0, 0.0), (0.0, 1.0, 0.0)) == (0.5, 0.25)
    assert jvp(logistic_unit, (1.0, 0.0, 0.0), (0.0, 0.0, 1.0)) == (0.5, 0.25)
    assert jvp(logistic_unit, (1.0, 0.0, 0.0), (1.0, 0.0, 0.0)) == (0.5, 0.0)      # df/dx = sigma' w = 0


@pytest.mark.parametrize("seed", range(5))
def test_jvp_equals_torch_func_jvp(seed):
    g = torch.Generator().manual_seed(seed)
    primals = torch.randn(3, generator=g, dtype=torch.float64)
    tangents = torch.randn(3, generator=g, dtype=torch.float64)
    value, dot = torch_jvp(torch_unit, tuple(primals), tuple(tangents))
    ours = jvp(logistic_unit, primals.tolist(), tangents.tolist())
    assert ours[0] == pytest.approx(value.item(), abs=1e-12)
    assert ours[1] == pytest.approx(dot.item(), abs=1e-12)


def test_page_torch_check_point():
    primals, tangents = (0.7, -1.3, 0.4), (0.2, 1.0, -0.5)
    value, dot = torch_jvp(torch_unit, tuple(torch.tensor(p, dtype=torch.float64) for p in primals),
                           tuple(torch.tensor(t, dtype=torch.float64) for t in tangents))
    ours = jvp(logistic_unit, primals, tangents)
    assert abs(ours[0] - value.item()) < 1e-12 and abs(ours[1] - dot.item()) < 1e-12


def test_dual_rules():
    u, v = Dual(2.0, 3.0), Dual(5.0, -1.0)
    s, p, n, q, e = u + v, u * v, -u, 1 / u, u.exp()
    assert (s.val, s.dot) == (7.0, 2.0)
    assert (p.val, p.dot) == (10.0, 3.0 * 5.0 + 2.0 * -1.0)
    assert (n.val, n.dot) == (-2.0, -3.0)
    assert (q.val, q.dot) == (0.5, -3.0 / 4.0)
    assert (e.val, e.dot) == (math.exp(2.0), 3.0 * math.exp(2.0))
    assert (2 + u).val == 4.0 and (2 + u).dot == 3.0 and (u * 2).dot == 6.0
    assert lift(3.0).dot == 0.0 and lift(u) is u


def test_ops_are_counted():
    Dual.ops = 0
    jvp(logistic_unit, (1.0, 0.0, 0.0), (0.0, 1.0, 0.0))
    assert Dual.ops == 6            # mul, add, neg, exp, add, reciprocal: h1 .. h6


def test_bad_tangents_name_the_argument():
    with pytest.raises(ValueError, match=r"^tangents "):
        jvp(logistic_unit, (1.0, 0.0, 0.0), (1.0, 0.0))
