import numpy as np
import pytest

from snippets.feedforward.computation_graphs.ex01_static_graph import Node, cond, ops_in, placeholder, run


def branchy():
    x = placeholder("x")
    return x, cond(x.sum() > 0, (x * x).sum(), (x * 3).sum())


def test_define_then_run_both_branches():
    # prose: the same graph gives 5.0 for [1, 2] and -9.0 for [-1, -2]
    _, y = branchy()
    assert run(y, {"x": [1.0, 2.0]}) == 5.0
    assert run(y, {"x": [-1.0, -2.0]}) == -9.0
    rng = np.random.default_rng(0)
    for _ in range(20):
        v = rng.standard_normal(4)
        expected = (v ** 2).sum() if v.sum() > 0 else (3 * v).sum()
        assert run(y, {"x": v}) == pytest.approx(expected)


def test_the_whole_graph_is_known_before_running():
    # prose: both branches are in the graph before any data exists
    _, y = branchy()
    assert ops_in(y) == ["placeholder", "sum", "const", "gt", "mul", "sum", "const", "mul", "sum", "cond"]
    assert ops_in(y).count("placeholder") == 1            # x is one shared node


def test_only_the_chosen_branch_runs():
    calls = []
    x = placeholder("x")

    class Spy(Node):
        def __init__(self, tag, inner):
            super().__init__("spy", inner)
            self.tag = tag

    from snippets.feedforward.computation_graphs import ex01_static_graph as g

    g.OPS["spy"] = lambda v: v
    try:
        y = cond(x.sum() > 0, Spy("then", x.sum()), Spy("else", x.sum()))
        original = g.run

        def spying_run(node, feed):
            if isinstance(node, Spy):
                calls.append(node.tag)
            return original(node, feed)

        g.run = spying_run
        g.run(y, {"x": [1.0]})
        g.run(y, {"x": [-1.0]})
    finally:
        g.run = original
        del g.OPS["spy"]
    assert calls == ["then", "else"]


def test_python_if_on_a_node_is_refused():
    # prose: at definition time a node has no value, so `if node:` raises TypeError
    x, _ = branchy()
    with pytest.raises(TypeError, match="cond"):
        bool(x.sum() > 0)


def test_missing_feed_names_the_argument():
    _, y = branchy()
    with pytest.raises(ValueError, match=r"^feed "):
        run(y, {"z": [1.0]})
