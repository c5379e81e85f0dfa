import pytest
import torch
import torch._dynamo

from snippets.feedforward.computation_graphs.ex04_compile import f


@pytest.fixture(autouse=True)
def fresh_dynamo():
    torch._dynamo.reset()
    yield
    torch._dynamo.reset()


def test_compile_takes_the_right_branch_for_both_inputs():
    # prose: torch.compile gives 5 and -9 (gradients 2x and 3), unlike jit.trace which gave 5 for [-1, -2]
    compiled = torch.compile(f, backend="eager")
    results = []
    for values in ([1.0, 2.0], [-1.0, -2.0]):
        x = torch.tensor(values, requires_grad=True)
        y = compiled(x)
        y.backward()
        results.append((y.item(), x.grad.tolist()))
    assert results == [(5.0, [2.0, 4.0]), (-9.0, [3.0, 3.0])]
    # and again in the other order, after both branches have been compiled
    assert compiled(torch.tensor([-3.0, 1.0])).item() == -6.0
    assert compiled(torch.tensor([3.0, 1.0])).item() == 10.0


def test_explain_counts_two_graphs_and_one_break_at_the_if():
    # prose: 2 graphs and 1 graph break; the first graph computes the condition x.sum() > 0,
    # the second the branch taken; the break reason is the jump on a tensor value
    explanation = torch._dynamo.explain(f)(torch.tensor([-1.0, -2.0]))
    assert (explanation.graph_count, explanation.graph_break_count) == (2, 1)
    assert "jump" in explanation.break_reasons[0].reason
    first, second = (g.code for g in explanation.graphs)
    assert "sum" in first and "> 0" in first and "3 *" not in first
    assert "3 *" in second
    positive = torch._dynamo.explain(f)(torch.tensor([1.0, 2.0]))
    assert (positive.graph_count, positive.graph_break_count) == (2, 1)
    assert "pow" in positive.graphs[1].code or "**" in positive.graphs[1].code


def test_torch_version_of_the_page():
    assert torch.__version__.startswith("2.13")
