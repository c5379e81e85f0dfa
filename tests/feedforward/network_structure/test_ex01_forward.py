import numpy as np
import pytest

from snippets.feedforward.network_structure.ex01_forward import W1, W2, b1, b2, forward, identity, relu


def test_page_example_by_hand():
    # prose: z1 = [1-2, 0.5+4-1, -1+2+0.5] = [-1, 3.5, 1.5], a1 = [0, 3.5, 1.5],
    #        z2 = 1*0 - 2*3.5 + 0.5*1.5 + 0.1 = -6.15
    zs, acts = forward([1.0, 2.0], [W1, W2], [b1, b2], [relu, identity])
    assert zs[0].tolist() == [-1.0, 3.5, 1.5]
    assert acts[1].tolist() == [0.0, 3.5, 1.5]
    assert zs[1].tolist() == pytest.approx([-6.15])
    assert acts[2].tolist() == pytest.approx([-6.15])
    assert acts[0].tolist() == [1.0, 2.0] and len(zs) == 2 and len(acts) == 3


def test_weight_shapes_follow_the_book():
    # W^(l) in R^{M_l x M_{l-1}}
    assert W1.shape == (3, 2) and W2.shape == (1, 3) and b1.shape == (3,) and b2.shape == (1,)


def test_batch_of_columns_equals_one_sample_at_a_time():
    rng = np.random.default_rng(1)
    Ws = [rng.standard_normal((4, 3)), rng.standard_normal((4, 4)), rng.standard_normal((2, 4))]
    bs = [rng.standard_normal(4), rng.standard_normal(4), rng.standard_normal(2)]
    fs = [np.tanh, relu, identity]
    X = rng.standard_normal((3, 7))                       # 7 samples as columns
    _, acts = forward(X, Ws, bs, fs)
    assert acts[-1].shape == (2, 7)
    for n in range(7):
        _, single = forward(X[:, n], Ws, bs, fs)
        np.testing.assert_allclose(acts[-1][:, n], single[-1], atol=1e-12)


@pytest.mark.parametrize(("args", "arg"), [
    (([1.0, 2.0], [W1, W2], [b1], [relu, identity]), "Ws"),
    (([1.0, 2.0], [], [], []), "Ws"),
    ((np.ones((2, 2, 2)), [W1, W2], [b1, b2], [relu, identity]), "x"),
    (([1.0, 2.0, 3.0], [W1, W2], [b1, b2], [relu, identity]), "Ws"),     # x has 3 inputs, W1 expects 2
    (([1.0, 2.0], [W1, W1], [b1, b2], [relu, identity]), "Ws"),          # second layer needs 3 columns
    (([1.0, 2.0], [W1, W2], [b2, b2], [relu, identity]), "bs"),
])
def test_bad_input_names_the_argument(args, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        forward(*args)
