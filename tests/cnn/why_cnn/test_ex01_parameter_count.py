import pytest
import torch

from snippets.cnn.why_cnn.ex01_parameter_count import dense_parameters


def test_photo_numbers_from_the_lecture():
    # "12 M 像素的 RGB 照片有 36 M 个输入；100 个隐藏神经元需要 3.6 B 个权重"
    inputs = 12_000_000 * 3
    assert inputs == 36_000_000
    assert dense_parameters(inputs, 100) == (3_600_000_000, 100)


def test_more_weights_than_cats_and_dogs():
    # "9 亿只狗加 6 亿只猫共 15 亿只，权重是它的 2.4 倍"
    weights, _ = dense_parameters(36_000_000, 100)
    animals = 900_000_000 + 600_000_000
    assert animals == 1_500_000_000
    assert weights / animals == 2.4
    assert weights > animals


def test_agrees_with_torch_linear_without_allocating():
    # the meta device builds the 3.6 B-weight layer without allocating its memory
    layer = torch.nn.Linear(36_000_000, 100, device="meta")
    assert (layer.weight.numel(), layer.bias.numel()) == dense_parameters(36_000_000, 100)
    for n_in, n_out in [(1, 1), (2, 3), (3, 1), (784, 100)]:
        layer = torch.nn.Linear(n_in, n_out)
        assert (layer.weight.numel(), layer.bias.numel()) == dense_parameters(n_in, n_out)


@pytest.mark.parametrize(("n_in", "n_out", "arg"), [
    (0, 3, "n_in"), (-1, 3, "n_in"), (2.5, 3, "n_in"), (True, 3, "n_in"),
    (3, 0, "n_out"), (3, "3", "n_out"),
])
def test_bad_sizes_name_the_argument(n_in, n_out, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        dense_parameters(n_in, n_out)


def test_memory_of_the_weights():
    # "用 32 位浮点数存储……约 14.4 GB"；exercise 4: 16-bit floats -> 7.2 GB
    weights, _ = dense_parameters(36_000_000, 100)
    assert weights * 4 == 14_400_000_000
    assert weights * 2 == 7_200_000_000
    assert torch.empty(0, dtype=torch.float32).element_size() == 4
    assert torch.empty(0, dtype=torch.float16).element_size() == 2


def test_a_million_photos_give_less_than_a_thousandth_sample_per_weight():
    # "哪怕收集一百万张照片，每个参数平均分到的样本还不到千分之一"
    weights, _ = dense_parameters(36_000_000, 100)
    assert 1_000_000 / weights < 1 / 1000
