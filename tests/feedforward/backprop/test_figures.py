import numpy as np

from snippets.feedforward.backprop import figures


def test_manual_training_follows_torch_sgd_step_by_step():
    # prose: 300 steps of the numpy backprop and of autograd + torch.optim.SGD give the same losses
    manual, auto = figures.manual_losses(), figures.torch_losses()
    assert len(manual) == len(auto) == 300
    np.testing.assert_allclose(manual, auto, rtol=0, atol=1e-10)
    # prose: the loss falls from 0.85 to 0.23
    assert round(manual[0], 2) == 0.85 and round(manual[-1], 2) == 0.23


def test_toy_batch_is_not_linearly_separable_but_balanced():
    X, y = figures.toy_batch()
    assert X.shape == (3, 40) and set(y) == {0, 1}
    assert 10 < y.sum() < 30
