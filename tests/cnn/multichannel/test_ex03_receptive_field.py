import contextlib
import io

import pytest

from snippets.cnn.multichannel.ex03_receptive_field import main, receptive_field, traced_receptive_field


def test_page_table():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main()
    rows = [line.rsplit(maxsplit=2) for line in out.getvalue().splitlines()]
    # prose: 3, 5, 7 for one, two, three 3×3 layers; 5 for one 5×5;
    # 7 with two stride-2 layers; 8 with a 2×2/2 layer
    assert [(int(a), int(b)) for _, a, b in rows] == [(3, 3), (5, 5), (7, 7), (5, 5), (7, 7), (8, 8)]


@pytest.mark.parametrize("layers", [
    [(3, 1)] * 4, [(5, 2), (3, 1)], [(2, 2), (2, 2), (2, 2)], [(7, 2), (3, 2), (3, 1)], [(1, 1), (3, 3)],
])
def test_formula_equals_the_traced_gradient(layers):
    assert receptive_field(layers) == traced_receptive_field(layers, size=96)


def test_formula_by_hand():
    assert receptive_field([(3, 2), (3, 2)]) == 1 + 2 + 2 * 2 == 7
    assert receptive_field([(3, 1), (2, 2), (3, 1)]) == 1 + 2 + 1 + 2 * 2 == 8
    # exercise 4: three 3×3, a 2×2/2 pooling window, one more 3×3 -> 12
    assert receptive_field([(3, 1), (3, 1), (3, 1), (2, 2), (3, 1)]) == 12
    assert receptive_field([]) == 1


@pytest.mark.parametrize("layers", [[(0, 1)], [(3, 0)], [(3.0, 1)], [(3, True)]])
def test_bad_layers_name_the_argument(layers):
    with pytest.raises(ValueError, match=r"^layers "):
        receptive_field(layers)
