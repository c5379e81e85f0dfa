import contextlib
import io

import torch

from snippets.cnn.multichannel.ex02_one_by_one import main


def test_page_output():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main()
    # prose: same result as a per-pixel Linear layer; 8 parameters; 16 448 vs 147 520
    assert out.getvalue().splitlines() == ["torch.Size([2, 2, 4, 5]) True", "8", "16448 147520"]
    assert 256 * 64 + 64 == 16_448 and 256 * 9 * 64 + 64 == 147_520


def test_one_by_one_convolution_is_a_per_pixel_matrix_product():
    torch.manual_seed(1)
    X = torch.randn(1, 5, 3, 4, dtype=torch.float64)
    conv = torch.nn.Conv2d(5, 7, 1, dtype=torch.float64)
    expected = torch.einsum("oc,nchw->nohw", conv.weight[:, :, 0, 0], X) + conv.bias.view(1, 7, 1, 1)
    torch.testing.assert_close(conv(X), expected)
