"""全连接层处理照片要多少参数：12 M 像素的 RGB 照片接 100 个隐藏神经元。"""


# --8<-- [start:dense_parameters]
def dense_parameters(n_in, n_out):
    """全连接层 n_in -> n_out 的参数个数：(权重个数, 偏置个数)。"""
    for name, value in (("n_in", n_in), ("n_out", n_out)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} 必须是正整数，收到 {value!r}")
    return n_in * n_out, n_out      # 每对输入、输出一个权重；每个输出一个偏置
# --8<-- [end:dense_parameters]


def main():
    # --8<-- [start:usage]
    pixels = 12_000_000                      # 1200 万像素的相机
    channels = 3                             # 每个像素有 R、G、B 三个值
    hidden = 100                             # 只有一个隐藏层，100 个神经元

    inputs = pixels * channels
    weights, biases = dense_parameters(inputs, hidden)
    print(f"输入 {inputs:,} 个，权重 {weights:,} 个，偏置 {biases} 个")
    #> 输入 36,000,000 个，权重 3,600,000,000 个，偏置 100 个

    dogs, cats = 900_000_000, 600_000_000    # 全世界的狗和猫，大约数
    print(f"猫狗共 {dogs + cats:,} 只，权重是它的 {weights / (dogs + cats)} 倍")
    #> 猫狗共 1,500,000,000 只，权重是它的 2.4 倍
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
