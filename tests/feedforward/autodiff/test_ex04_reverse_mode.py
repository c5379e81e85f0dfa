import math

import pytest
import torch

from snippets.feedforward.autodiff.ex03_forward_mode import Dual
from snippets.feedforward.autodiff.ex04_reverse_mode import Var, backward, logistic_unit


def chain(x, w, b):
    """The book's graph node by node: h1 = w x, h2 = h1 + b, h3 = -h2, h4 = e^h3, h5 = h4 + 1, h6 = 1/h5."""
    h1 = w * x
    h2 = h1 + b
    h3 = -h2
    h4 = h3.exp()
    h5 = h4 + 1
    h6 = 1 / h5
    return [h1, h2, h3, h4, h5, h6]


def test_book_example_one_backward_pass_gives_every_partial():
    # prose: f = 0.5, df/dw = 0.25, df/db = 0.25, df/dx = 0 from one backward pass
    x, w, b = Var(1.0), Var(0.0), Var(0.0)
    f = logistic_unit(x, w, b)
    backward(f)
    assert (f.val, w.grad, b.grad, x.grad) == (0.5, 0.25, 0.25, 0.0)


def test_page_table_of_values_and_adjoints():
    # prose table: values 0, 0, 0, 1, 2, 0.5 and adjoints 0.25, 0.25, -0.25, -0.25, -0.25, 1;
    # local derivatives x = 1, 1, -1, e^0 = 1, 1, -1/h5^2 = -0.25
    x, w, b = Var(1.0), Var(0.0), Var(0.0)
    nodes = chain(x, w, b)
    backward(nodes[-1])
    assert [h.val for h in nodes] == [0.0, 0.0, 0.0, 1.0, 2.0, 0.5]
    assert [h.grad for h in nodes] == [0.25, 0.25, -0.25, -0.25, -0.25, 1.0]
    assert [h.parents[0][1] for h in nodes] == [1.0, 1.0, -1.0, 1.0, 1.0, -0.25]
    # the forward-mode row: tangents along w are d h_i / d w = 1, 1, -1, -1, -1, 0.25
    dual_nodes = chain(Dual(1.0), Dual(0.0, 1.0), Dual(0.0))
    assert [h.dot for h in dual_nodes] == [1.0, 1.0, -1.0, -1.0, -1.0, 0.25]


@pytest.mark.parametrize("seed", range(5))
def test_equals_torch_autograd(seed):
    g = torch.Generator().manual_seed(seed)
    values = torch.randn(3, generator=g, dtype=torch.float64).tolist()
    ours = [Var(v) for v in values]
    backward(logistic_unit(*ours))
    theirs = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in values]
    x, w, b = theirs
    (1 / (torch.exp(-(w * x + b)) + 1)).backward()
    for v, t in zip(ours, theirs, strict=True):
        assert v.grad == pytest.approx(t.grad.item(), abs=1e-12)


def test_shared_nodes_accumulate_their_adjoints():
    x = Var(3.0)
    y = x * x + x.exp() * x                 # x used four times
    backward(y)
    assert x.grad == pytest.approx(2 * 3.0 + math.exp(3.0) * (1 + 3.0))


def test_backprop_is_reverse_mode_on_a_two_layer_network():
    # prose: the adjoint of z^(l) is the error term delta^(l); checked on a 2-2-1 sigmoid network
    W1 = [[0.5, -1.0], [2.0, 0.3]]
    W2 = [1.5, -0.7]
    xs = [Var(0.2), Var(-0.4)]
    z1 = [W1[i][0] * xs[0] + W1[i][1] * xs[1] for i in range(2)]
    a1 = [1 / ((-z).exp() + 1) for z in z1]
    z2 = W2[0] * a1[0] + W2[1] * a1[1]
    backward(z2)                            # L = z2, so delta^(2) = 1
    for i in range(2):
        s = a1[i].val
        assert z1[i].grad == pytest.approx(s * (1 - s) * W2[i])      # delta^(1) = f'(z) W2^T delta^(2)
