"""提前停止：验证误差连续 patience 轮没有改进（至少 min_delta）就停止训练。"""

# --8<-- [start:early_stopping]
import copy
import math


class EarlyStopping:
    """每轮训练后调用 step(验证误差)；返回 True 表示该停了。轮数从 1 开始计。"""

    def __init__(self, patience=5, min_delta=0.0):
        if isinstance(patience, bool) or not isinstance(patience, int) or patience < 1:
            raise ValueError(f"patience 必须是正整数，收到 {patience!r}")
        if not min_delta >= 0:
            raise ValueError(f"min_delta 必须是非负数，收到 {min_delta!r}")
        self.patience, self.min_delta = patience, min_delta
        self.epoch = 0                   # 已经看过几轮的验证误差
        self.best_loss = math.inf        # 目前最好的验证误差
        self.best_epoch = 0              # 它出现在第几轮
        self.best_params = None          # 那一轮的参数副本，停止后用来恢复
        self.wait = 0                    # 已经连续多少轮没有改进

    def step(self, val_loss, params=None):
        if not math.isfinite(val_loss):
            raise ValueError(f"val_loss 必须是有限的数，收到 {val_loss!r}")
        self.epoch += 1
        if val_loss < self.best_loss - self.min_delta:   # 改进得足够多：记下这一轮
            self.best_loss, self.best_epoch, self.wait = val_loss, self.epoch, 0
            self.best_params = copy.deepcopy(params)
        else:                                            # 没有改进：耐心减一
            self.wait += 1
        return self.wait >= self.patience
# --8<-- [end:early_stopping]


def stopping_epoch(losses, patience, min_delta=0.0):
    """把一串验证误差依次交给 EarlyStopping，返回 (停止的轮, 最好的轮)；没有停止时停止轮为 None。"""
    stopper = EarlyStopping(patience, min_delta)
    for loss in losses:
        if stopper.step(loss):
            return stopper.epoch, stopper.best_epoch
    return None, stopper.best_epoch


def main():
    # --8<-- [start:usage]
    val_losses = [1.0, 0.8, 0.7, 0.72, 0.69, 0.695, 0.71, 0.70, 0.75, 0.68]
    for min_delta in [0.0, 0.02]:
        stopper = EarlyStopping(patience=3, min_delta=min_delta)
        for loss in val_losses:
            if stopper.step(loss):
                break
        print(min_delta, stopper.epoch, stopper.best_epoch, stopper.best_loss)
    #> 0.0 8 5 0.69
    #> 0.02 6 3 0.7
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
