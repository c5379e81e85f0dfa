
import pytest
from torch import nn

from snippets.cnn.other_convolutions import ex05_grouped as ex
from snippets.cnn.other_convolutions.ex05_grouped import conv_params


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def numel(module):
    return sum(p.numel() for p in module.parameters())


def test_formula_matches_torch():
    for C_in, C_out in [(4, 8), (6, 6), (12, 4)]:
        for K in (1, 3, 5):
            for groups in (1, 2, 4):
                if C_in % groups or C_out % groups:
                    continue
                for bias in (True, False):
                    module = nn.Conv2d(C_in, C_out, K, groups=groups, bias=bias)
                    assert conv_params(C_in, C_out, K, groups, bias) == numel(module)


def test_page_numbers():
    # "73856 18560 8960"; 8.2 times fewer; depthwise 640 + pointwise 8320
    assert conv_params(64, 128, 3) == 128 * 64 * 9 + 128 == 73856
    assert conv_params(64, 128, 3, groups=4) == 128 * 16 * 9 + 128 == 18560
    assert conv_params(64, 64, 3, groups=64) == 64 * 9 + 64 == 640
    assert conv_params(64, 128, 1) == 64 * 128 + 128 == 8320 and 640 + 8320 == 8960
    assert round(73856 / 8960, 1) == 8.2
    # exercise: without biases the ratio is 1 / (1/C_out + 1/K²)
    separable = conv_params(64, 64, 3, 64, False) + conv_params(64, 128, 1, 1, False)
    ratio = conv_params(64, 128, 3, bias=False) / separable
    assert ratio == pytest.approx(1 / (1 / 128 + 1 / 9)) and round(ratio, 1) == 8.4


@pytest.mark.parametrize(("args", "name"), [
    ((0, 4, 3), "C_in"), ((4, 0, 3), "C_out"), ((4, 4, 0), "K"), ((4, 4, 3, 0), "groups"),
    ((4, 6, 3, 4), "groups"), ((4, 4, 3.0), "K"),
])
def test_bad_arguments_name_the_argument(args, name):
    with pytest.raises(ValueError, match=rf"^{name}"):
        conv_params(*args)
