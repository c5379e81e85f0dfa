"""向量化的二维互相关（PyTorch 意义下的 conv2d）：多通道、多个卷积核、步长、填充、偏置。"""

# --8<-- [start:checks]
import numpy as np


def as_pair(value, name, minimum):
    """整数或 (行, 列) 两个整数 -> 一对整数；不是整数或小于 minimum 时报错。"""
    pair = (value, value) if np.ndim(value) == 0 else tuple(value)
    ok = [isinstance(p, int | np.integer) and not isinstance(p, bool) and p >= minimum for p in pair]
    if len(pair) != 2 or not all(ok):
        raise ValueError(f"{name} 必须是不小于 {minimum} 的整数或两个这样的整数，收到 {value!r}")
    return int(pair[0]), int(pair[1])


def as_array(a, name, ndim):
    """把 a 转成非空的 ndim 维浮点数组（float32 保持 float32）。"""
    a = np.asarray(a)
    if a.dtype.kind not in "biuf" or a.ndim != ndim or a.size == 0:
        raise ValueError(f"{name} 必须是非空的 {ndim} 维数值数组，收到形状 {a.shape}、类型 {a.dtype}")
    return a.astype(np.result_type(a.dtype, np.float32), copy=False)
# --8<-- [end:checks]


# --8<-- [start:conv2d]
from numpy.lib.stride_tricks import sliding_window_view


def conv2d(X, W, b=None, stride=1, padding=0):
    """互相关（不翻转核），与 torch.nn.functional.conv2d 的结果相同。

    X: (N, C_in, H_in, W_in)，W: (C_out, C_in, K_h, K_w)，b: (C_out,) 或 None；
    返回 Y: (N, C_out, H_out, W_out)，H_out = (H_in + 2P - K_h) // S + 1，W_out 同理。
    """
    X, W = as_array(X, "X", 4), as_array(W, "W", 4)
    (S_h, S_w), (P_h, P_w) = as_pair(stride, "stride", 1), as_pair(padding, "padding", 0)
    N, C, H_in, W_in = X.shape
    C_out, C_in, K_h, K_w = W.shape
    if C_in != C or K_h > H_in + 2 * P_h or K_w > W_in + 2 * P_w:
        padded = (C, H_in + 2 * P_h, W_in + 2 * P_w)
        raise ValueError(f"W 的形状 {W.shape} 与填充后的输入 {padded} 不匹配")

    X = np.pad(X, ((0, 0), (0, 0), (P_h, P_h), (P_w, P_w)))   # 四周补零
    windows = sliding_window_view(X, (K_h, K_w), axis=(2, 3))
    windows = windows[:, :, ::S_h, ::S_w]        # (N, C, H_out, W_out, K_h, K_w)
    H_out, W_out = windows.shape[2:4]
    # im2col：每个窗口排成一列 (N, C·K_h·K_w, H_out·W_out)，复制成连续内存
    cols = np.ascontiguousarray(windows.transpose(0, 1, 4, 5, 2, 3))
    cols = cols.reshape(N, C * K_h * K_w, H_out * W_out)
    Y = W.reshape(C_out, C * K_h * K_w) @ cols   # 一次矩阵乘法算完所有输出
    Y = Y.reshape(N, C_out, H_out, W_out)
    if b is not None:
        b = as_array(b, "b", 1)
        if b.shape != (C_out,):
            raise ValueError(f"b 的形状必须是 ({C_out},)，收到 {b.shape}")
        Y = Y + b.reshape(1, C_out, 1, 1)
    return Y
# --8<-- [end:conv2d]


def main():
    # --8<-- [start:usage]
    X = np.arange(9.0).reshape(1, 1, 3, 3)                # (N, C_in, H, W)
    W = np.array([[0.0, 1], [2, 3]]).reshape(1, 1, 2, 2)  # (C_out, C_in, 2, 2)
    print(conv2d(X, W)[0, 0].tolist())
    #> [[19.0, 25.0], [37.0, 43.0]]
    print(conv2d(X, W, stride=2, padding=1)[0, 0].tolist())
    #> [[0.0, 8.0], [21.0, 43.0]]
    # --8<-- [end:usage]

    # --8<-- [start:torch_check]
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(0)
    X = rng.standard_normal((2, 3, 7, 9)).astype(np.float32)  # (N, C_in, H, W)
    W = rng.standard_normal((4, 3, 3, 2)).astype(np.float32)  # (C_out, C_in, K_h, K_w)
    b = rng.standard_normal(4).astype(np.float32)
    Y = conv2d(X, W, b, stride=(2, 1), padding=1)
    Y_torch = F.conv2d(torch.from_numpy(X), torch.from_numpy(W), torch.from_numpy(b),
                       stride=(2, 1), padding=1).numpy()
    print(Y.shape, Y_torch.shape)
    #> (2, 4, 4, 10) (2, 4, 4, 10)
    print(bool(np.abs(Y - Y_torch).max() < 1e-5))
    #> True
    # --8<-- [end:torch_check]


if __name__ == "__main__":
    main()
