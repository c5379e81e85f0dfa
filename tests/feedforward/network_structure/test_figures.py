import pytest

from snippets.feedforward.network_structure import figures


def test_layout_has_full_connections_between_adjacent_layers_only():
    nodes, edges = figures.layout([2, 3, 1])
    assert len(nodes) == 6
    assert len(edges) == 2 * 3 + 3 * 1                   # 9 weights; the 4 biases are not edges
    assert len(set(edges)) == len(edges)
    for (l0, _), (l1, _) in edges:
        assert l1 == l0 + 1                              # no edge inside a layer, none backwards
    # every neuron of layer l-1 meets every neuron of layer l
    assert {(e[0][1], e[1][1]) for e in edges if e[1][0] == 1} == {(i, j) for i in range(2) for j in range(3)}
    assert nodes[(1, 1)] == (figures.GAP, 0.0)          # the middle hidden neuron sits on the axis


def test_layout_rejects_bad_sizes():
    with pytest.raises(ValueError, match=r"^sizes "):
        figures.layout([3])


def test_figure_names_13_parameters():
    fig = figures.network_figure()
    assert fig.axes[0].get_title() == "2-3-1 network: 13 parameters"
