"""提前停止页的插图：训练与验证误差随轮数的变化和停止点（上）；最好的一轮与训练到底时的拟合曲线（下）。"""

import matplotlib.pyplot as plt
import numpy as np

from snippets.figures import figure
from snippets.ml_basics.early_stopping.ex01_early_stopping import EarlyStopping
from snippets.ml_basics.early_stopping.ex02_training_run import rbf_features, train
from snippets.ml_basics.overfitting.ex01_polynomial import make_poly_data

PATIENCE = 50
MAX_EPOCHS = 3000


def runs():
    """一次带提前停止的训练与一次训练到底的训练（同样的数据和起点）。"""
    x_tr, y_tr, x_val, y_val = make_poly_data()
    X, X_val = rbf_features(x_tr), rbf_features(x_val)
    stopper = EarlyStopping(patience=PATIENCE)
    train(X, y_tr, X_val, y_val, max_epochs=MAX_EPOCHS, stopper=stopper)
    w_full, train_full, val_full = train(X, y_tr, X_val, y_val, max_epochs=MAX_EPOCHS)
    return stopper, w_full, np.array(train_full), np.array(val_full)


@figure("early-stopping")
def early_stopping_figure():
    stopper, w_full, train_full, val_full = runs()
    x_tr, y_tr, _, _ = make_poly_data()
    epochs = np.arange(1, MAX_EPOCHS + 1)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(4.6, 6.8), height_ratios=[1, 1.1])
    top.loglog(epochs, train_full, label="training MSE")
    top.loglog(epochs, val_full, label="validation MSE")
    top.axvline(stopper.epoch, color="C2", linestyle="--", label=f"stop (epoch {stopper.epoch})")
    top.plot(stopper.best_epoch, stopper.best_loss, "o", color="C3",
             label=f"best (epoch {stopper.best_epoch})")
    top.set_xlabel("epoch")
    top.set_ylabel("MSE")
    top.legend(ncol=2, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    grid = np.linspace(0, 1, 300)
    bottom.plot(grid, np.sin(2 * np.pi * grid), "--", color="C5", label="truth")
    bottom.plot(grid, rbf_features(grid) @ stopper.best_params, color="C3",
                label=f"epoch {stopper.best_epoch} (best)")
    bottom.plot(grid, rbf_features(grid) @ w_full, color="C1", label=f"epoch {MAX_EPOCHS}")
    bottom.scatter(x_tr, y_tr, s=22, color="C0", zorder=3, label="training data")
    bottom.set_ylim(-1.8, 1.8)
    bottom.set_xlabel("$x$")
    bottom.legend(ncol=2, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    fig.tight_layout(h_pad=0.8)
    return fig
