
import pytest
import torch
from torch import nn

from snippets.cnn.lenet import ex01_lenet as ex
from snippets.cnn.lenet.ex01_lenet import layer_by_layer, lenet5, output_size


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_every_row_matches_the_forward_pass_and_numel():
    model = lenet5()
    x = torch.zeros(2, 1, 32, 32)
    for layer, (name, shape, params) in zip(model, layer_by_layer(model, (1, 32, 32)), strict=True):
        x = layer(x)
        assert name == type(layer).__name__
        assert tuple(x.shape[1:]) == shape
        assert sum(p.numel() for p in layer.parameters()) == params


def test_page_numbers():
    # prose: 28, 14, 10, 5, 1; 156, 2416, 48120, 10164, 850; 61706; C1's weights used at 784 positions
    assert [output_size(32, 5), output_size(28, 2, 2), output_size(14, 5), output_size(10, 2, 2),
            output_size(5, 5)] == [28, 14, 10, 5, 1]
    assert (1 * 25 + 1) * 6 == 156 and (6 * 25 + 1) * 16 == 2416 and (16 * 25 + 1) * 120 == 48120
    assert (120 + 1) * 84 == 10164 and (84 + 1) * 10 == 850
    assert 156 + 2416 + 48120 + 10164 + 850 == 61706 == sum(p.numel() for p in lenet5().parameters())
    assert 28 * 28 == 784
    # "合计 61 706 个参数，其中 C5 就占了约 78%"
    assert round(100 * 48120 / 61706) == 78


def test_exercise_mnist_with_padding_2():
    # exercise 1: 28×28 inputs with padding 2 in C1 give the same shapes and parameters
    model = lenet5()
    model[0] = nn.Conv2d(1, 6, 5, padding=2)
    rows = layer_by_layer(model, (1, 28, 28))
    assert [r[1] for r in rows] == [r[1] for r in layer_by_layer(lenet5(), (1, 32, 32))]
    assert output_size(28, 5, 1, 2) == 28 and sum(r[2] for r in rows) == 61706


def test_exercise_3x3_kernel_in_c1():
    # exercise 2: C1 with 3×3: (1·9+1)·6 = 60; 30 -> 15 -> 11 -> 5 -> 1; total 61706 - 96 = 61610
    model = lenet5()
    model[0] = nn.Conv2d(1, 6, 3)
    rows = layer_by_layer(model, (1, 32, 32))
    assert rows[0][2] == 60 and [rows[i][1][1] for i in (0, 2, 3, 5, 6)] == [30, 15, 11, 5, 1]
    assert sum(r[2] for r in rows) == 61706 - 96 == 61610
    assert model(torch.zeros(1, 1, 32, 32)).shape == (1, 10)


def test_exercise_larger_input_makes_c5_a_map():
    # exercise 6: 36×36 -> 32 -> 16 -> 12 -> 6 -> 2: C5 gives 120@2×2 and Flatten 480, so F6 no longer fits
    rows = layer_by_layer(lenet5()[:9], (1, 36, 36))
    assert [rows[i][1] for i in (0, 2, 3, 5, 6)] == [(6, 32, 32), (6, 16, 16), (16, 12, 12), (16, 6, 6),
                                                      (120, 2, 2)]
    assert rows[-1][1] == (480,)
    with pytest.raises(RuntimeError):
        lenet5()(torch.zeros(1, 1, 36, 36))


@pytest.mark.parametrize(("args", "name"), [((5, 3, 0, 0), "S"), ((5, 3, 1, -1), "P"), ((5, 8, 1, 1), "K")])
def test_output_size_rejects_bad_sizes(args, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        output_size(*args)


def test_layer_by_layer_rejects_bad_shapes_and_channels():
    with pytest.raises(ValueError, match="^shape "):
        layer_by_layer(lenet5(), (32, 32))
    with pytest.raises(ValueError, match="^model "):
        layer_by_layer(lenet5(), (3, 32, 32))           # mismatched channels
    with pytest.raises(ValueError, match="^K"):
        layer_by_layer(lenet5(), (1, 12, 12))           # 12 -> 8 -> 4, and C3's 5×5 window does not fit
