"""不同的滤波器提取信号的不同特征：边缘、低频、高频。"""

import numpy as np

from snippets.cnn.conv1d.ex01_delayed_sum import as_signal  # noqa: F401  (conv1d 用到)
from snippets.cnn.conv1d.ex02_conv1d_vectorised import conv1d

# --8<-- [start:filters]
EDGE = [-1, 0, 1]              # y_t = x_{t-2} - x_t：信号跳变处不为 0
LOW_PASS = [1 / 3, 1 / 3, 1 / 3]  # 三点平均：保留缓慢变化（低频）
HIGH_PASS = [1, -2, 1]         # 二阶差分：保留快速起伏（高频）
# --8<-- [end:filters]


def main():
    # --8<-- [start:edge]
    step = [0, 0, 0, 1, 1, 1, 1, 0, 0]     # 先升后降的台阶
    print(conv1d(step, EDGE).tolist())
    #> [0.0, -1.0, -1.0, 0.0, 0.0, 1.0, 1.0]
    # --8<-- [end:edge]

    # --8<-- [start:low_high]
    ramp = [1, 2, 3, 4, 5]                 # 缓慢、均匀的变化
    zigzag = [1, -1, 1, -1, 1]             # 每一步都翻转的快速起伏
    for name, w in [("低通", LOW_PASS), ("高通", HIGH_PASS)]:
        print(name, np.round(conv1d(ramp, w), 4).tolist(),
              np.round(conv1d(zigzag, w), 4).tolist())
    #> 低通 [2.0, 3.0, 4.0] [0.3333, -0.3333, 0.3333]
    #> 高通 [0.0, 0.0, 0.0] [4.0, -4.0, 4.0]
    # --8<-- [end:low_high]


if __name__ == "__main__":
    main()
