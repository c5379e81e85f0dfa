import math

import numpy as np
import pytest

from snippets.ml_basics.early_stopping.ex01_early_stopping import EarlyStopping, stopping_epoch

HAND_MADE = [1.0, 0.8, 0.7, 0.72, 0.69, 0.695, 0.71, 0.70, 0.75, 0.68]


def test_hand_made_sequence_without_min_delta():
    # page: patience 3, min_delta 0: best at epoch 5 (0.69), epochs 6, 7, 8 do not improve -> stop at 8
    assert stopping_epoch(HAND_MADE, patience=3) == (8, 5)


def test_hand_made_sequence_with_min_delta():
    # page: min_delta 0.02: 0.69 is not 0.02 below 0.7, so the best stays at epoch 3 and we stop at 6
    assert stopping_epoch(HAND_MADE, patience=3, min_delta=0.02) == (6, 3)


def test_page_output_and_best_loss():
    stopper = EarlyStopping(patience=3)
    stops = [stopper.step(loss) for loss in HAND_MADE[:8]]
    assert stops == [False] * 7 + [True]
    assert (stopper.epoch, stopper.best_epoch, stopper.best_loss, stopper.wait) == (8, 5, 0.69, 3)


def test_other_patiences():
    assert stopping_epoch(HAND_MADE, patience=1) == (4, 3)
    assert stopping_epoch(HAND_MADE, patience=4) == (9, 5)
    assert stopping_epoch(HAND_MADE, patience=5) == (None, 10)     # epoch 10 (0.68) improves in time
    assert stopping_epoch(np.linspace(1, 0, 50), patience=1) == (None, 50)


def test_keeps_a_copy_of_the_best_parameters():
    stopper = EarlyStopping(patience=2)
    w = np.array([1.0, 2.0])
    stopper.step(0.5, params=w)
    w += 10                                # the training loop keeps changing w in place
    stopper.step(0.6, params=w)
    assert stopper.best_params.tolist() == [1.0, 2.0]


@pytest.mark.parametrize(("kwargs", "arg"), [
    ({"patience": 0}, "patience"), ({"patience": 2.5}, "patience"), ({"patience": True}, "patience"),
    ({"min_delta": -0.1}, "min_delta"), ({"min_delta": math.nan}, "min_delta"),
])
def test_bad_constructor_arguments_name_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        EarlyStopping(**kwargs)


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_non_finite_loss_names_the_argument(bad):
    with pytest.raises(ValueError, match=r"^val_loss "):
        EarlyStopping().step(bad)


def test_exercise_1():
    # exercise 1: patience 2 stops at epoch 5, patience 3 at epoch 6, best epoch 3 both times
    losses = [0.9, 0.6, 0.5, 0.52, 0.51, 0.53, 0.49]
    assert stopping_epoch(losses, patience=2) == (5, 3)
    assert stopping_epoch(losses, patience=3) == (6, 3)
