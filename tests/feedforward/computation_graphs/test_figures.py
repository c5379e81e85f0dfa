from collections import Counter

from snippets.feedforward.computation_graphs import figures


def test_static_graph_holds_both_branches_and_the_cond_node():
    nodes, edges = figures.static_graph()
    labels = Counter(label for label, _ in nodes.values())
    assert labels == Counter({"sum": 3, "*": 2, "x": 1, "0": 1, ">": 1, "3": 1, "cond": 1})
    (cond_id,) = [k for k, (label, _) in nodes.items() if label == "cond"]
    assert sum(1 for _, b in edges if b == cond_id) == 3            # condition, then, else
    assert nodes[cond_id][1] == max(layer for _, layer in nodes.values())


def test_dynamic_graphs_show_only_the_branch_taken():
    # figure caption: Pow, Sum for x = [1, 2]; Mul, Sum for x = [-1, -2]
    assert figures.dynamic_graphs() == {(1.0, 2.0): ["x", "Pow", "Sum"], (-1.0, -2.0): ["x", "Mul", "Sum"]}
