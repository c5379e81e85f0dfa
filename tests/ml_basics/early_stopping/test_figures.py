from snippets.ml_basics.early_stopping import figures


def test_plotted_runs_and_stopping_point():
    stopper, w_full, train_full, val_full = figures.runs()
    assert (stopper.epoch, stopper.best_epoch) == (393, 343)
    assert len(train_full) == len(val_full) == figures.MAX_EPOCHS
    assert val_full[stopper.best_epoch - 1] == stopper.best_loss == val_full.min()
    assert val_full[-1] > 3 * stopper.best_loss and train_full[-1] < train_full[stopper.best_epoch - 1]
