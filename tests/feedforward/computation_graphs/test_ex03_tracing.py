import pytest
import torch
import torch.fx

from snippets.feedforward.computation_graphs.ex03_tracing import f

# torch 2.13 marks torch.jit.trace as deprecated; one test below checks that warning explicitly
pytestmark = pytest.mark.filterwarnings("ignore:`torch.jit.trace` is deprecated:DeprecationWarning")


def trace_with(example):
    with pytest.warns(torch.jit.TracerWarning):          # the tracer warns about the Python if
        return torch.jit.trace(f, torch.tensor(example))


def test_trace_freezes_the_branch_of_the_example_input():
    # prose: traced with a positive input, called with a negative one, it still squares
    traced = trace_with([1.0, 2.0])
    x = torch.tensor([-1.0, -2.0], requires_grad=True)
    y = traced(x)
    y.backward()
    assert y.item() == 5.0 and f(x).item() == -9.0
    assert x.grad.tolist() == [-2.0, -4.0]                 # gradient of the frozen branch: 2x
    assert traced.code == "def f(x: Tensor) -> Tensor:\n  return torch.sum(torch.pow(x, 2))\n"


def test_trace_with_a_negative_example_freezes_the_other_branch():
    traced = trace_with([-1.0, -2.0])
    assert traced(torch.tensor([1.0, 2.0])).item() == 9.0  # 3 * (1 + 2), not 1 + 4
    assert "pow" not in traced.code


def test_traced_agrees_with_f_where_the_branch_is_the_same():
    traced = trace_with([1.0, 2.0])
    g = torch.Generator().manual_seed(1)
    for _ in range(10):
        x = torch.rand(2, generator=g) + 0.1               # positive sum: same branch
        torch.testing.assert_close(traced(x), f(x))


def test_fx_symbolic_trace_refuses_data_dependent_control_flow():
    # prose: TraceError "symbolically traced variables cannot be used as inputs to control flow"
    with pytest.raises(torch.fx.proxy.TraceError, match="cannot be used as inputs to control flow"):
        torch.fx.symbolic_trace(f)


def test_fx_traces_a_function_without_branches():
    def g(x):
        return (x ** 2).sum() + 1

    gm = torch.fx.symbolic_trace(g)
    assert gm(torch.tensor([1.0, 2.0])).item() == 6.0


def test_torch_jit_trace_is_deprecated_in_this_torch():
    # prose note: torch.jit.trace still works in torch 2.13 but emits a DeprecationWarning
    import warnings

    assert torch.__version__.startswith("2.13")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        torch.jit.trace(f, torch.tensor([1.0, 2.0]))
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert any("torch.jit.trace" in m and "torch.export" in m for m in messages)
    assert any(issubclass(w.category, torch.jit.TracerWarning) for w in caught)


def test_torch_export_refuses_the_data_dependent_branch():
    # prose note: torch.export raises on this branch (it would need torch.cond)
    class Branchy(torch.nn.Module):
        def forward(self, x):
            return f(x)

    with pytest.raises(Exception, match="(?i)data.dependent"):
        torch.export.export(Branchy(), (torch.tensor([1.0, 2.0]),))


def test_exercise_3_torch_where_keeps_both_branches_in_the_trace():
    # exercise 3: with torch.where the traced function gives -9 for [-1, -2]
    def g(x):
        return torch.where(x.sum() > 0, (x ** 2).sum(), (3 * x).sum())

    traced = torch.jit.trace(g, torch.tensor([1.0, 2.0]))
    assert traced(torch.tensor([-1.0, -2.0])).item() == -9.0
    assert traced(torch.tensor([1.0, 2.0])).item() == 5.0
