# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 实验：用 PyTorch 搭建卷积神经网络
#
# 这一章讲了卷积神经网络的各个部件：[卷积](conv2d.md)、[汇聚](pooling.md)、
# [多通道卷积](multichannel.md)，以及把它们串起来的[典型结构](lenet.md)。
# 这个实验把这些部件装成一个小卷积网络，在第 2 章实验 2.8（见[前馈神经网络](../feedforward/index.md)一章）
# 用过的 8×8 手写数字上训练它，
# 并和那里的多层感知器（MLP）放在**同一个**训练/验证/测试划分上比较：
#
# - 谁的参数更少、测试准确率更高；
# - 把测试图像平移一个像素以后，谁的准确率掉得更多。这一项直接度量[为什么需要卷积](why_cnn.md)一节说的
#   **局部不变性**（local invariance）：全连接网络“看不到”平移，卷积网络呢？
# - 卷积网络的第一层学到了什么样的特征映射。
#
# 本页由一个 jupytext 格式的 `.py` 文件生成，构建网站时从头到尾执行了一遍，下面的输出就是这次执行的真实输出。
# 页首的按钮可以下载 `.ipynb`，或者直接在 Colab 中打开。两个网络加起来在普通笔记本电脑的 CPU 上
# 十几秒就能训练完。页面上的数字是在 CPU、单线程、下面第一个单元打印的版本下得到的；
# 换用 GPU 或其他版本的 PyTorch，浮点运算的顺序不同，准确率等数字会略有出入，但结论不变。
#
# 运行前需要安装 `torch`、`numpy`、`scikit-learn` 和 `matplotlib`（Colab 已经自带），数据随 scikit-learn
# 一起安装，不需要联网下载。

# %% [markdown]
# ## 准备：版本、随机种子与设备
#
# 和实验 2.8 一样：固定随机种子，CPU 上只用一个线程（网络很小，多线程反而慢，
# 单线程也让浮点累加的顺序固定），有 GPU 时自动使用 GPU。`MAX_EPOCHS` 是最多训练的轮数，
# 平时用默认值即可。

# %%
import copy
import os
import platform

import matplotlib.pyplot as plt
import numpy as np
import sklearn
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

print("Python", platform.python_version())
print("torch", torch.__version__, "| numpy", np.__version__, "| scikit-learn", sklearn.__version__)

SEED = 0
MAX_EPOCHS = int(os.environ.get("LAB_MAX_EPOCHS", "60"))
torch.set_num_threads(1)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("设备:", device)

# %% [markdown]
# ## 数据：与实验 2.8 相同的划分
#
# 数据是 scikit-learn 自带的 1797 张 8×8 灰度手写数字，像素除以 16 缩放到 $[0, 1]$。
# 划分方法与实验 2.8 一字不差：同一个种子、分层抽样、60% / 20% / 20%。唯一的区别是不再把图像拉平成
# 64 维向量，而是保留它的二维形状：卷积层的输入是 $(N, C, H, W)$ 形状的张量，这里只有一个灰度通道，
# 所以是 $(N, 1, 8, 8)$。MLP 需要向量时，由它的第一层 `nn.Flatten()` 自己拉平。
#
# `TensorDataset` 把输入张量和标签张量按第一维配成对，作用和实验 2.8 手写的 `DigitsDataset` 相同。

# %%
digits = load_digits()
images = digits.images / 16.0                      # (1797, 8, 8)，取值 [0, 1]
labels = digits.target

X_train, X_rest, y_train, y_rest = train_test_split(
    images, labels, test_size=0.4, stratify=labels, random_state=SEED)
X_val, X_test, y_val, y_test = train_test_split(
    X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=SEED)


def as_dataset(X, y):
    """NumPy 图像 (N, 8, 8) 与标签 (N,) -> 数据集：输入 (N, 1, 8, 8) float32，标签 int64。"""
    features = torch.as_tensor(X, dtype=torch.float32).unsqueeze(1)   # 加上通道维
    return TensorDataset(features, torch.as_tensor(y, dtype=torch.int64))


train_set = as_dataset(X_train, y_train)
val_set = as_dataset(X_val, y_val)
test_set = as_dataset(X_test, y_test)
print("训练/验证/测试:", len(train_set), len(val_set), len(test_set))
print("一个样本的输入形状:", tuple(train_set[0][0].shape))

# %% [markdown]
# ## 两个模型
#
# **MLP** 就是实验 2.8 的 64 → 100 → 10 网络，激活函数 ReLU。前面多了一个没有参数的 `nn.Flatten()`，
# 把 $(N, 1, 8, 8)$ 拉成 $(N, 64)$。
#
# **CNN** 按[典型的卷积网络](lenet.md)的套路“卷积 → 激活 → 汇聚”重复两次，最后接一个全连接层：
#
# - 两个卷积层都用 $3\times 3$ 的核、每边补 $P=1$ 圈 0，也就是[等宽卷积](conv_types.md)，
#   特征映射的大小不变；通道数从 1 变成 16，再变成 32；
# - 每个卷积层后面是 ReLU 和 $2\times 2$、步长 2 的最大汇聚，把特征映射的边长减半：$8 \to 4 \to 2$；
# - 最后 $32 \times 2 \times 2 = 128$ 个数拉平，经一个全连接层得到 10 个类别的得分。
#
# `make_cnn` 的参数留给后面的练习：换通道数、换核的大小、去掉汇聚层。

# %%
def make_mlp():
    return nn.Sequential(nn.Flatten(), nn.Linear(64, 100), nn.ReLU(), nn.Linear(100, 10))


def make_cnn(channels=(16, 32), kernel_size=3, pool=True):
    """卷积 → ReLU → 汇聚，重复两次，再接一个全连接层。输入 (N, 1, 8, 8)，输出 (N, 10)。"""
    if kernel_size % 2 != 1:
        raise ValueError(f"kernel_size 必须是正奇数（等宽卷积），收到 {kernel_size}")
    c1, c2 = channels
    P = kernel_size // 2                               # 等宽卷积：P = (K-1)/2
    layers = [nn.Conv2d(1, c1, kernel_size, padding=P), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool2d(2))                 # 8×8 -> 4×4
    layers += [nn.Conv2d(c1, c2, kernel_size, padding=P), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool2d(2))                 # 4×4 -> 2×2
    side = 2 if pool else 8
    layers += [nn.Flatten(), nn.Linear(c2 * side * side, 10)]
    return nn.Sequential(*layers)


def n_params(model):
    return sum(p.numel() for p in model.parameters())


torch.manual_seed(SEED)
mlp = make_mlp().to(device)
torch.manual_seed(SEED)
cnn = make_cnn().to(device)
print(cnn)

# %% [markdown]
# 让一张全零的“图像”走一遍 CNN，逐层打印输出形状和参数量（这一步只用于查看形状，不消耗任何随机数）。
# 卷积层的参数量是 $(C_\text{in} K^2 + 1)\,C_\text{out}$：每个输出通道一个 $C_\text{in}\times K\times K$
# 的核加一个偏置；全连接层是 $(\text{输入数} + 1)\times \text{输出数}$。ReLU、汇聚和拉平都没有参数。
#
# - 第一个卷积层：$(1\cdot 9 + 1)\cdot 16 = 160$；
# - 第二个卷积层：$(16\cdot 9 + 1)\cdot 32 = 4640$；
# - 全连接层：$(128 + 1)\cdot 10 = 1290$；
# - 合计 $160 + 4640 + 1290 = 6090$。

# %%
x = torch.zeros(1, 1, 8, 8, device=device)        # x: (N=1, C=1, H=8, W=8)
for layer in cnn:
    x = layer(x)
    print(f"{type(layer).__name__:9s} -> {str(tuple(x.shape)):15s} 参数 {n_params(layer)}")

print("CNN 参数总数:", n_params(cnn))
print("MLP 参数总数:", n_params(mlp))

# %% [markdown]
# CNN 的参数比 MLP 少约五分之一。它的大部分参数在第二个卷积层（4640 个），
# 而 MLP 的 7510 个参数里，第一层 $64\times 100$ 的权重就占了 6400 个：每个隐藏神经元都要为 64 个像素
# 各准备一个权重。卷积层的参数量却与图像大小无关，同一个 $3\times 3$ 的核在所有位置共享。

# %% [markdown]
# ## 训练：同一个优化器、同一种提前停止
#
# 两个网络用完全相同的训练函数，也就是实验 2.8 的配方：交叉熵损失，批量 64，
# 带动量 0.9、学习率 0.1 的随机梯度下降，每轮结束在验证集上评估，验证损失连续 5 轮没有刷新最低值就停止，
# 最后恢复验证损失最低的那一轮的参数（见[提前停止](../ml_basics/early_stopping.md)）。
#
# 每个网络都从一个新的、固定种子的随机数生成器开始打乱训练集，所以两个网络看到的批次顺序相同，
# 彼此也不会影响对方的随机数。参数 `augment` 留给最后一个练习。

# %%
loss_fn = nn.CrossEntropyLoss()


@torch.no_grad()
def evaluate(model, dataset):
    """一个数据集上的平均损失和准确率。"""
    model.eval()
    features, targets = (t.to(device) for t in dataset.tensors)
    logits = model(features)
    accuracy = (logits.argmax(dim=1) == targets).float().mean().item()
    return loss_fn(logits, targets).item(), accuracy


def fit(model, max_epochs=MAX_EPOCHS, patience=5, augment=False):
    """实验 2.8 的训练配方；返回每轮的 (轮次, 验证损失, 验证准确率) 和验证损失最低的轮次。"""
    loader = DataLoader(train_set, batch_size=64, shuffle=True,
                        generator=torch.Generator().manual_seed(SEED))
    shifts = torch.Generator().manual_seed(SEED)      # 只在 augment=True 时使用
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    history, best_loss, best_epoch, best_state = [], float("inf"), 0, None
    for epoch in range(1, max_epochs + 1):
        model.train()
        for features, targets in loader:
            if augment:
                features = random_shift(features, shifts)
            features, targets = features.to(device), targets.to(device)
            loss = loss_fn(model(features), targets)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        val_loss, val_acc = evaluate(model, val_set)
        history.append((epoch, val_loss, val_acc))
        if val_loss < best_loss:
            best_loss, best_epoch = val_loss, epoch
            best_state = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= patience:
            break
    model.load_state_dict(best_state)
    print(f"共训练 {epoch} 轮，验证损失最低的是第 {best_epoch} 轮：{best_loss:.4f}")
    return history, best_epoch


mlp_history, mlp_best = fit(mlp)
cnn_history, cnn_best = fit(cnn)

# %% [markdown]
# 下图是两个网络每一轮的验证准确率，圆点标出最终保留的那一轮。

# %%
fig, ax = plt.subplots(figsize=(4.6, 3.0))
for name, history, best, color in [("MLP", mlp_history, mlp_best, "C0"),
                                   ("CNN", cnn_history, cnn_best, "C1")]:
    ax.plot([h[0] for h in history], [h[2] for h in history], color=color, label=name)
    ax.plot(best, history[best - 1][2], "o", color=color)
ax.set_xlabel("epoch")
ax.set_ylabel("validation accuracy")
ax.set_ylim(0.8, 1.0)
ax.legend()
fig.tight_layout()

# %% [markdown]
# ## 测试集上的比较
#
# 网络和训练方法都已定下，现在才第一次用测试集（360 张图）。

# %%
mlp_test_loss, mlp_test_acc = evaluate(mlp, test_set)
cnn_test_loss, cnn_test_acc = evaluate(cnn, test_set)
print(f"MLP: 参数 {n_params(mlp)}，测试准确率 {mlp_test_acc:.4f}")
print(f"CNN: 参数 {n_params(cnn)}，测试准确率 {cnn_test_acc:.4f}")

# %% [markdown]
# 参数更少的 CNN 测试准确率更高。在 360 张测试图上，准确率每差 0.0028 就是一张图，
# 所以两者的差距是几张图的量级：在这样小而干净的数据上，MLP 本来就已经很好了。
# 卷积的优势在下一个实验里才真正显现。

# %% [markdown]
# ## 平移一个像素：度量局部不变性
#
# 把每张测试图像整体向上、下、左、右平移一个像素，空出来的一行或一列补 0，
# 再用训练好的网络去识别。对人来说数字没有变；对 8×8 的图像来说，一个像素却是整幅图宽度的八分之一。
#
# `shift` 先在四周补一圈 0，再从补零后的图里截出错开一格的 8×8 窗口。`random_shift` 把一批图像各自随机平移，
# 留给练习 4 的数据增强用。

# %%
def shift(images, dy, dx):
    """把图像 (N, 1, H, W) 向下平移 dy、向右平移 dx 个像素（-1、0 或 1；负数为向上、向左），空位补 0。"""
    if dy not in (-1, 0, 1) or dx not in (-1, 0, 1):
        raise ValueError(f"dy、dx 必须取 -1、0、1，收到 dy={dy}, dx={dx}")
    H, W = images.shape[-2:]
    padded = F.pad(images, (1, 1, 1, 1))              # 四周各补一圈 0
    return padded[..., 1 - dy : 1 - dy + H, 1 - dx : 1 - dx + W]


def random_shift(images, generator):
    """数据增强（练习 4）：把一批图像中的每一张随机平移 -1、0 或 1 个像素。"""
    moves = torch.randint(-1, 2, (len(images), 2), generator=generator)
    return torch.cat([shift(image[None], int(dy), int(dx))
                      for image, (dy, dx) in zip(images, moves, strict=True)])


DIRECTIONS = {"上移": (-1, 0), "下移": (1, 0), "左移": (0, -1), "右移": (0, 1)}


def shifted_accuracies(model):
    """每个方向平移一个像素后，模型在测试集上的准确率。"""
    features, targets = test_set.tensors
    return {name: evaluate(model, TensorDataset(shift(features, dy, dx), targets))[1]
            for name, (dy, dx) in DIRECTIONS.items()}


mlp_shifted = shifted_accuracies(mlp)
cnn_shifted = shifted_accuracies(cnn)
print("方向     MLP     CNN")
print(f"原图   {mlp_test_acc:.4f}  {cnn_test_acc:.4f}")
for name in DIRECTIONS:
    print(f"{name}   {mlp_shifted[name]:.4f}  {cnn_shifted[name]:.4f}")
mlp_shift_mean = np.mean(list(mlp_shifted.values()))
cnn_shift_mean = np.mean(list(cnn_shifted.values()))
print(f"平均   {mlp_shift_mean:.4f}  {cnn_shift_mean:.4f}")

# %% [markdown]
# 平移一个像素之后，MLP 的准确率从 0.97 多掉到平均 0.44：一半以上的数字认错了。
# 这正是[为什么需要卷积](why_cnn.md)一节预言的现象：平移后，同一道笔画落到了另一批像素上，
# 由另一批毫不相干的权重处理。CNN 平均还有 0.65，好得多，但也远没有做到“不变”。原因有三：
#
# 1. 卷积层只是**等变**的：图像平移，特征映射跟着平移，并不保持原样；
# 2. $2\times 2$ 的最大汇聚只提供**近似**的不变性：平移一个像素后，有的特征仍留在原来的汇聚窗口里，
#    汇聚的输出不变；有的却跨进了相邻的窗口，汇聚的输出也跟着挪了一格；
# 3. 最后的全连接层对 $2\times 2$ 的每个位置各有一套权重，位置一变，它也会“看错”。
#
# 卷积网络里的平移不变性是**逐层攒出来**的，要靠更多的汇聚、更深的网络，以及训练时就让网络见过
# 平移后的图像（数据增强，见练习 4）。

# %% [markdown]
# ## 第一层学到了什么
#
# 取一张测试图像，看 CNN 第一个卷积层（加上 ReLU）输出的 16 张 8×8 特征映射。每张特征映射由一个
# $3\times 3$ 的核扫过整张图得到，亮的地方是这个核响应强的位置：有的核对某个方向的边缘敏感，
# 有的对笔画本身敏感，有的几乎只在背景上响应，还有几张在这张图上几乎处处为 0（ReLU 把负的净输入都截成了 0）。
# 这些核都不是人设计的，而是训练从数据里学出来的。

# %%
image = test_set.tensors[0][:1].to(device)           # image: (1, 1, 8, 8)
with torch.no_grad():
    maps = cnn[1](cnn[0](image))[0].cpu()          # 第一个卷积层 + ReLU: (16, 8, 8)

fig, axes = plt.subplots(3, 6, figsize=(4.8, 3.3))
panels = [("input", image[0, 0].cpu().numpy())] + [(str(c), m.numpy()) for c, m in enumerate(maps)]
for ax in axes.flat:
    ax.axis("off")                                 # 第 18 格空着
for ax, (title, picture) in zip(axes.flat[:len(panels)], panels, strict=True):
    ax.imshow(picture, cmap="gray_r")
    ax.set_title(title, fontsize=10)
fig.tight_layout(pad=0.3, h_pad=0.8)
print("这张图的标签:", test_set.tensors[1][0].item())

# %% [markdown]
# ## 小结
#
# - 卷积网络就是“卷积 → 激活 → 汇聚”的重复，再接全连接层；在 PyTorch 里用 `nn.Conv2d`、`nn.ReLU`、
#   `nn.MaxPool2d`、`nn.Flatten` 和 `nn.Linear` 串起来即可，训练循环与 MLP 完全相同。
# - 在同一个划分上，6090 个参数的 CNN 比 7510 个参数的 MLP 测试准确率更高。
# - 把测试图像平移一个像素，MLP 的准确率掉到一半以下，CNN 掉得少得多；但卷积本身只给出等变性，
#   不变性要靠汇聚、深度和数据增强逐步获得。
#
# ## 练习
#
# 下面的练习都只需在本页末尾新建一个单元格，粘贴答案里的代码运行。每个练习的训练都只要几秒钟。
#
# 1. 去掉 CNN 的两个汇聚层（`make_cnn(pool=False)`）。先算参数量，再训练它，比较测试准确率和平移后的准确率。
#
# <details class="success"><summary>答案</summary>
# <p>没有汇聚，第二个卷积层输出 $32\times 8\times 8 = 2048$ 个数，全连接层就有 $(2048+1)\times 10 = 20490$
# 个参数，总数 $160 + 4640 + 20490 = 25290$，是原来的 4 倍多。运行</p>
# <pre style="overflow-x: auto"><code>torch.manual_seed(SEED)
# no_pool = make_cnn(pool=False).to(device)
# fit(no_pool)
# print(n_params(no_pool), evaluate(no_pool, test_set)[1])
# print(shifted_accuracies(no_pool))
# </code></pre>
# <p>测试准确率约为 0.98，与原来相差无几，但平移后的平均准确率只有约 0.50，比有汇聚时的 0.65 低得多。
# 汇聚层本身没有参数，却把全连接层的输入从 2048 个数减到 128 个，全连接层的参数只剩约十六分之一；
# 它还带来了一部分对平移的容忍。</p>
# </details>
#
# 2. 把卷积核换成 $5\times 5$（`make_cnn(kernel_size=5)`，每边补 2 圈 0）。参数量变成多少？
#    第二个卷积层的一个输出能看到输入的多大一块（感受野）？原来的 $3\times 3$ 呢？
#
# <details class="success"><summary>答案</summary>
# <p>$(1\cdot 25+1)\cdot 16 + (16\cdot 25+1)\cdot 32 + (128+1)\cdot 10 = 416 + 12832 + 1290 = 14538$，
# 用 <code>n_params(make_cnn(kernel_size=5))</code> 验证。感受野逐层累加：第一层的一个输出看 $K\times K$；
# $2\times 2$ 汇聚再多看 1 个像素，并让第二层相邻的两个输入在原图上相隔 2 个像素，
# 于是第二层的核再多看 $(K-1)\times 2$ 个像素。$K=3$ 时是 $3 + 1 + 2\times 2 = 8$，恰好是整幅图；
# $K=5$ 时是 $5 + 1 + 4\times 2 = 14$，比 8×8 的整幅图还大，多出来的部分只会看到补的 0。</p>
# </details>
#
# 3. 把通道数减为 4 和 8（`make_cnn(channels=(4, 8))`）。参数量是多少？测试准确率呢？
#
# <details class="success"><summary>答案</summary>
# <p>$(9+1)\cdot 4 + (4\cdot 9+1)\cdot 8 + (32+1)\cdot 10 = 40 + 296 + 330 = 666$ 个参数，
# 不到 MLP 的十分之一。</p>
# <pre style="overflow-x: auto"><code>torch.manual_seed(SEED)
# small = make_cnn(channels=(4, 8)).to(device)
# fit(small)
# print(n_params(small), evaluate(small, test_set)[1])
# </code></pre>
# <p>测试准确率约为 0.94，明显低于 16、32 个通道时：每一层只有 4 个或 8 个核，能提取的特征种类太少。
# 通道数（每层的核数）决定了网络的容量。</p>
# </details>
#
# 4. 数据增强（data augmentation）：训练时把每个批次的每张图随机平移 $-1$、0 或 1 个像素，
#    让网络见过平移后的样子（上面定义的 `random_shift`）。用 `fit(..., augment=True)` 重新训练两个网络，
#    再比较原图和平移后的测试准确率。
#
# <details class="success"><summary>答案</summary>
# <pre style="overflow-x: auto"><code>torch.manual_seed(SEED)
# cnn_aug = make_cnn().to(device)
# fit(cnn_aug, augment=True)
# torch.manual_seed(SEED)
# mlp_aug = make_mlp().to(device)
# fit(mlp_aug, augment=True)
# for model in (mlp_aug, cnn_aug):
#     accs = shifted_accuracies(model)
#     print(evaluate(model, test_set)[1], np.mean(list(accs.values())))
# </code></pre>
# <p>增强之后，CNN 在原图上的测试准确率约为 0.99，平移后平均约为 0.98，平移几乎不再影响它。
# MLP 平移后平均也升到约 0.93，但代价是原图上的准确率从 0.97 多降到约 0.93：
# 它要用同一批参数分别记住每个位置上的每种笔画，容量不够用了；CNN 的卷积核本来就在所有位置共享，
# 学“平移后的图”几乎不需要额外的参数。</p>
# </details>
#
# 5. 为什么说这里 CNN 的参数比 MLP 少，并不是卷积网络最大的好处？想一想 $224\times 224$ 的彩色图像。
#
# <details class="success"><summary>答案</summary>
# <p>8×8 的图只有 64 个像素，全连接层还不算大。卷积层的参数量只由核的大小和通道数决定，与图像大小无关；
# 全连接层的参数却与像素数成正比。同样 100 个隐藏神经元，$3\times 224\times 224$ 的输入就要
# $150528\times 100 \approx 1.5\times 10^7$ 个权重，而上面的第一个卷积层换成 3 个输入通道也只有
# $(3\cdot 9+1)\cdot 16 = 448$ 个参数。图像越大，差距越悬殊，
# 这正是[为什么需要卷积](why_cnn.md)一节的出发点。</p>
# </details>
