import numpy as np
import pytest

from snippets.ml_basics.early_stopping.ex01_early_stopping import EarlyStopping
from snippets.ml_basics.early_stopping.ex02_training_run import rbf_features, train
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data


def setup():
    x_tr, y_tr, x_val, y_val = make_poly_data()
    return rbf_features(x_tr), y_tr, rbf_features(x_val), y_val


def test_stops_at_393_with_best_epoch_343():
    # page: patience 50 stops at epoch 393; the best epoch is 343 with validation MSE 0.0546
    X, y, Xv, yv = setup()
    stopper = EarlyStopping(patience=50)
    w, train_mse, val_mse = train(X, y, Xv, yv, stopper=stopper)
    assert (stopper.epoch, stopper.best_epoch, round(stopper.best_loss, 4)) == (393, 343, 0.0546)
    assert len(val_mse) == 393


def test_full_run_training_falls_while_validation_turns_up():
    # prose: training MSE falls every epoch; validation MSE falls until epoch 343, then rises every epoch;
    # after 3000 epochs training 0.0062 and validation 0.1965
    X, y, Xv, yv = setup()
    _, train_mse, val_mse = train(X, y, Xv, yv)
    assert np.all(np.diff(train_mse) < 0)
    best = int(np.argmin(val_mse))
    assert best + 1 == 343
    assert np.all(np.diff(val_mse[:best + 1]) < 0) and np.all(np.diff(val_mse[best:]) > 0)
    assert (round(train_mse[-1], 4), round(val_mse[-1], 4)) == (0.0062, 0.1965)
    assert round(train_mse[best], 4) == 0.0074      # prose: training MSE at the best epoch
    assert round(val_mse[-1] / val_mse[best], 1) == 3.6   # prose: 3.6 times the best value


def test_restored_parameters_are_those_of_the_best_epoch():
    X, y, Xv, yv = setup()
    stopper = EarlyStopping(patience=50)
    train(X, y, Xv, yv, stopper=stopper)
    w343, _, val343 = train(X, y, Xv, yv, max_epochs=343)
    np.testing.assert_array_equal(stopper.best_params, w343)
    assert stopper.best_loss == val343[-1]


def test_learning_rate_is_below_the_stability_limit():
    X, y, *_ = setup()
    lam_max = np.linalg.eigvalsh(X.T @ X / len(y)).max()
    assert 1.0 < 2 / lam_max


def test_features():
    F = rbf_features([0.0, 0.5], K=3, width=0.5)
    np.testing.assert_allclose(F, np.exp(-np.array([[0, 0.25, 1], [0.25, 0, 0.25]]) / 0.5))


@pytest.mark.parametrize(("kwargs", "arg"), [({"K": 0}, "K"), ({"K": 2.0}, "K"), ({"width": 0}, "width")])
def test_bad_input_names_the_argument(kwargs, arg):
    with pytest.raises(ValueError, match=rf"^{arg} "):
        rbf_features([0.1], **kwargs)
