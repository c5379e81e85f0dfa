import pytest
import torch
from torch import nn

from snippets.feedforward.network_structure.ex03_param_count import check_sizes, count_params, torch_count


def test_the_review_question_2_3_1_has_13_parameters():
    # prose: 2x3 + 3 + 3x1 + 1 = 13, by the rule and by summing numel() of a torch model
    assert count_params([2, 3, 1]) == 2 * 3 + 3 + 3 * 1 + 1 == 13
    assert torch_count([2, 3, 1]) == 13
    model = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1))
    assert sum(p.numel() for p in model.parameters()) == 13


@pytest.mark.parametrize(("sizes", "expected"), [
    ([3, 4, 4, 2], 46),                    # prose table: (3+1)4 + (4+1)4 + (4+1)2
    ([784, 100, 10], 79_510),              # prose table: 785*100 + 101*10
    ([36_000_000, 100], 3_600_000_100),    # prose: 12-megapixel RGB image, 100 hidden units
])
def test_table(sizes, expected):
    assert count_params(sizes) == expected == torch_count(sizes)


def test_twelve_megapixel_example_splits_into_weights_and_biases():
    # prose: 36e6 x 100 = 3.6e9 weights plus 100 biases
    assert 12_000_000 * 3 == 36_000_000
    assert count_params([36_000_000, 100]) - 100 == 36_000_000 * 100 == 3.6e9


def test_meta_device_allocates_nothing():
    layer = nn.Linear(36_000_000, 100, device="meta")
    assert layer.weight.is_meta and layer.weight.numel() == 3_600_000_000


def test_rule_matches_torch_on_random_shapes():
    g = torch.Generator().manual_seed(0)
    for _ in range(20):
        depth = int(torch.randint(2, 6, (1,), generator=g))
        sizes = torch.randint(1, 50, (depth,), generator=g).tolist()
        assert count_params(sizes) == torch_count(sizes)


@pytest.mark.parametrize(("sizes", "error"), [
    ([5], ValueError),
    ([], ValueError),
    ([2, 0, 1], ValueError),
    ([2, -3], ValueError),
    ([2, 3.0], TypeError),
    ([True, 3], TypeError),
    (["2", 3], TypeError),
])
def test_bad_input_names_the_argument(sizes, error):
    for f in (check_sizes, count_params, torch_count):
        with pytest.raises(error, match=r"^sizes "):
            f(sizes)


def test_exercise_extra_hidden_layer():
    # exercise 3: one more 100-unit hidden layer adds (100+1)*100 = 10100 parameters: 79510 -> 89610
    assert count_params([784, 100, 100, 10]) - count_params([784, 100, 10]) == 10_100
    assert count_params([784, 100, 100, 10]) == 89_610 == torch_count([784, 100, 100, 10])


def test_the_big_weight_matrix_would_take_about_14_gb():
    # prose: 3.6e9 float32 weights would need about 14 GB
    weight = nn.Linear(36_000_000, 100, device="meta").weight
    assert weight.dtype == torch.float32
    assert round(weight.numel() * weight.element_size() / 1e9) == 14
