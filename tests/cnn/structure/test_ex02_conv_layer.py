import pytest
import torch

from snippets.cnn.structure.ex01_conv_matrix import conv_matrix
from snippets.cnn.structure.ex02_conv_layer import layer_parameters


def count(layer):
    return sum(p.numel() for p in layer.parameters())


def test_page_counts():
    # prose: M = 6, K = 3 -> 28 parameters dense vs 4 conv; M = 1000 -> 998998 vs 4
    assert layer_parameters(6, 3) == (28, 4)
    assert layer_parameters(1000, 3) == (998_998, 4)
    assert layer_parameters(5, 3) == (18, 4)           # the figure: 15 weights + 3 biases vs 3 + 1


def test_counts_agree_with_torch_layers():
    for M in range(1, 15):
        for K in range(1, M + 1):
            dense, conv = torch.nn.Linear(M, M - K + 1), torch.nn.Conv1d(1, 1, K)
            assert layer_parameters(M, K) == (count(dense), count(conv))
            assert layer_parameters(M, K) == ((M - K + 1) * M + (M - K + 1), K + 1)


def test_dense_layer_with_banded_shared_weights_equals_conv1d_layer():
    torch.manual_seed(1)
    for M, K in [(6, 3), (10, 4), (7, 1), (5, 5)]:
        dense = torch.nn.Linear(M, M - K + 1, dtype=torch.float64)
        conv = torch.nn.Conv1d(1, 1, K, dtype=torch.float64)
        w = conv.weight.detach().flatten().flip(0).numpy()      # book kernel = flipped torch weight
        with torch.no_grad():
            dense.weight.copy_(torch.from_numpy(conv_matrix(w, M)))
            dense.bias.fill_(conv.bias.item())
        x = torch.randn(8, M, dtype=torch.float64)
        torch.testing.assert_close(dense(x), conv(x.unsqueeze(1)).squeeze(1))


@pytest.mark.parametrize(("M", "K", "arg"), [
    (0, 1, "M"), (3.0, 1, "M"), (3, 0, "K"), (3, None, "K"), (3, 4, "K"),
])
def test_bad_sizes_name_the_argument(M, K, arg):
    with pytest.raises(ValueError, match=rf"^{arg}[ =]"):
        layer_parameters(M, K)


def receptive_field_1d(layers, K, M=31):
    """Inputs that reach the centre output of `layers` stacked conv layers (tanh after each):
    the inputs with a non-zero gradient. Positive weights, so that no contributions cancel."""
    x = torch.randn(1, 1, M, generator=torch.Generator().manual_seed(0), requires_grad=True)
    h = x
    for _ in range(layers):
        h = torch.tanh(torch.nn.functional.conv1d(h, torch.rand(1, 1, K) + 0.1))
    h[0, 0, h.shape[-1] // 2].backward()
    return int((x.grad != 0).sum())


def test_receptive_field_grows_by_k_minus_1_per_layer():
    # prose: two K=3 layers see 3 + 2 = 5 inputs, three see 7; in general 1 + L(K-1)
    assert receptive_field_1d(1, 3) == 3
    assert receptive_field_1d(2, 3) == 5 == 3 + 2
    assert receptive_field_1d(3, 3) == 7
    for L, K in [(4, 3), (2, 5), (3, 4)]:
        assert receptive_field_1d(L, K) == 1 + L * (K - 1)
