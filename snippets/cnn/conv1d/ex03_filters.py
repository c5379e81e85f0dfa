"""不同的滤波器提取信号的不同特征：边缘、低频、高频。"""

# --8<-- [start:filters]
import numpy as np

EDGE = [-1, 0, 1]              # y_t = x_{t-2} - x_t：信号跳变处不为 0
LOW_PASS = [1 / 3, 1 / 3, 1 / 3]  # 三点平均：保留缓慢变化（低频）
HIGH_PASS = [1, -2, 1]         # 二阶差分：保留快速起伏（高频）
# --8<-- [end:filters]


def main():
    # --8<-- [start:edge]
    step = [0, 0, 0, 1, 1, 1, 1, 0, 0]     # 先升后降的台阶
    print(np.convolve(step, EDGE, mode="valid").tolist())   # 与上面的 conv1d 相同
    #> [0, -1, -1, 0, 0, 1, 1]
    # --8<-- [end:edge]

    # --8<-- [start:low_high]
    ramp = [1, 2, 3, 4, 5]                 # 缓慢、均匀的变化
    zigzag = [1, -1, 1, -1, 1]             # 每一步都翻转的快速起伏
    for name, w in [("低通", LOW_PASS), ("高通", HIGH_PASS)]:
        print(name, np.round(np.convolve(ramp, w, "valid"), 4).tolist(),
              np.round(np.convolve(zigzag, w, "valid"), 4).tolist())
    #> 低通 [2.0, 3.0, 4.0] [0.3333, -0.3333, 0.3333]
    #> 高通 [0, 0, 0] [4, -4, 4]
    # --8<-- [end:low_high]


if __name__ == "__main__":
    main()
