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
# # 实验：用 PyTorch 搭建前馈神经网络
#
# 前面几节在纸上推导了前馈神经网络（[结构](network_structure.md)与[反向传播](backprop.md)）：
# 每一层先做仿射变换
# $\boldsymbol{z}^{(l)} = \boldsymbol{W}^{(l)}\boldsymbol{a}^{(l-1)} + \boldsymbol{b}^{(l)}$，
# 再逐元素套上激活函数 $\boldsymbol{a}^{(l)} = f_l(\boldsymbol{z}^{(l)})$；训练时用反向传播求梯度，
# 再用梯度下降更新参数。
# 这个实验把这些步骤全部交给 PyTorch，从随机初始化开始训练一个识别手写数字的多层感知器
# （multilayer perceptron, MLP）。
#
# 你会依次用到：张量（tensor）与自动微分（autograd）、`Dataset` 与 `DataLoader`、用 `nn.Module` 定义模型、
# 损失函数与优化器、带进度条的训练循环、提前停止（early stopping）、学习曲线、测试集评估，
# 以及模型参数的保存与加载。最后的练习用一个 `run` 函数改动一处设置、重新训练，亲手做几组对比实验。
#
# 这个实验是一个笔记本（notebook）。在网站上，每个代码单元下面显示的是构建网站时
# 从头到尾执行一遍得到的真实输出；网站页首的按钮可以下载 `.ipynb`，或者直接在 Colab 中打开，
# 那里的单元格还没有输出，运行后看到的是你自己的结果。
# 整个笔记本在普通笔记本电脑的 CPU 上几秒钟就能跑完。
#
# 运行前需要安装 `torch`、`scikit-learn`、`matplotlib` 和 `tqdm`（Colab 已经自带）。
# 数据集随 scikit-learn 一起安装，不需要联网下载。

# %% [markdown]
# ## 准备：版本、随机种子与设备
#
# 神经网络的训练处处有随机性：参数的初始值、每一轮打乱数据的顺序、数据集的划分。固定随机种子（seed）之后，
# 同一台机器上每次运行都得到完全相同的数字，结果才能复现、才能和别人对照。
#
# **本页的数字怎样复现。** 本页的每个数字，都来自在 CPU 上对这个笔记本做一次 Restart & Run All
# （重启内核，再从头到尾运行全部单元格；Colab 里叫“重启并运行所有单元格”），
# 所用的版本由下面第一个单元格打印出来。用同样的版本在 CPU 上这样运行，得到的数字与本页相同。
# 换了版本或者在 GPU 上运行，浮点运算的实现和累加顺序会变，数字会略有不同，但结论不变；
# 少数对舍入误差特别敏感的数字（例如练习 6 里发散的训练），换一种处理器也可能不同，
# 因为数学库会按处理器选用不同的实现。
# 只重跑个别单元格也会改变后面的数字：例如单独再运行一次训练的单元格，它会在已经训练过的模型上接着训练。
#
# 设备（device）决定张量存放和计算的位置。`torch.accelerator` 找到可用的加速器
# （NVIDIA 显卡上的 `cuda`、苹果芯片的 `mps` 等），没有就用 `cpu`；
# 后面所有的模型和数据都用 `.to(device)` 搬到这个设备上。
# 不过这个网络只有 7510 个参数，在 GPU 上并不会更快：每个批次的计算量太小，
# 启动计算和搬运数据的开销反而占了大头。想得到与本页相同的数字，把 `device` 改成 `torch.device("cpu")` 即可。
#
# 这个网络很小，CPU 上一个线程反而比多个线程快（线程之间的调度开销比计算本身还大），
# 所以用 `torch.set_num_threads(1)` 固定为单线程；这也让浮点数的累加顺序在不同核数的机器上保持一致。
# 这个设置只影响当前的 Python 进程，重启内核就恢复默认。

# %%
import copy
import os
import platform
import sys
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import sklearn
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm

print("Python", platform.python_version(), "| torch", torch.__version__,
      "| numpy", np.__version__, "| scikit-learn", sklearn.__version__)

SEED = 0
MAX_EPOCHS = int(os.environ.get("LAB_MAX_EPOCHS", "60"))  # 最多训练的轮数（环境变量只为快速检查时调小）

torch.manual_seed(SEED)
torch.set_num_threads(1)
device = torch.accelerator.current_accelerator(check_available=True) or torch.device("cpu")
print("设备:", device)

# %% [markdown]
# ## 张量与自动微分
#
# 张量是 PyTorch 的基本数据结构，可以看成带形状（shape）和数据类型（dtype）的多维数组，用法和 NumPy 数组很像。
# 神经网络的一层全连接计算，就是一次矩阵乘法加上一个按行广播（broadcasting）的偏置。
# 和[前馈神经网络的结构](network_structure.md)一样，权重矩阵 $W \in \mathbb{R}^{M\times D}$
# 的形状是（输出数，输入数）。PyTorch 习惯把样本放在行上：一批 $N$ 个样本排成矩阵
# $X \in \mathbb{R}^{N\times D}$，每行一个样本，于是这一层算的是
# $Z = XW^\top + \boldsymbol{b}$，形状是 $N\times M$，偏置 $\boldsymbol{b} \in \mathbb{R}^{M}$ 加到每一行上。
# 公式推导中常把单个样本写成列向量 $\boldsymbol{x}$、写 $W\boldsymbol{x}$，二者只差一个转置。
# 这正是 `nn.Linear` 的计算方式，下面用它验证一遍。

# %%
X = torch.arange(6.0).reshape(2, 3)     # X: (N=2, D=3)
W = torch.ones(4, 3)                    # W: (M=4, D=3)，（输出数，输入数）
b = torch.tensor([0.0, 1.0, 2.0, 3.0])  # b: (M=4,)
Z = X @ W.T + b                         # Z: (N=2, M=4)，b 广播到每一行
print(X.shape, X.dtype)
print(Z.shape)
print(Z.tolist())

linear = nn.Linear(3, 4)                # 输入 3 维、输出 4 维的全连接层
with torch.no_grad():                   # 手动设定参数，不需要记录梯度
    linear.weight.copy_(W)
    linear.bias.copy_(b)
print("nn.Linear 的权重形状:", tuple(linear.weight.shape), " 与 XW^T + b 相同:", torch.equal(linear(X), Z))

# %% [markdown]
# 自动微分是 PyTorch 的核心功能。把张量标记为 `requires_grad=True` 后，PyTorch 会在前向计算时记下计算图，
# 调用 `.backward()` 时沿着计算图反向应用链式法则，把梯度累加到每个叶子张量的 `.grad` 里。
# 这正是反向传播算法，只是不用我们手写。
#
# 用一个能手算的例子检验：对 $L = \sum_i (w x_i - y_i)^2$，
# 有 $\dfrac{\partial L}{\partial w} = \sum_i 2 (w x_i - y_i)\, x_i$。
# 每个计算结果都记着产生它的运算（`grad_fn`），沿着它往回走，就是这次前向计算录下的计算图。

# %%
x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(0.5, requires_grad=True)

L = ((w * x - y) ** 2).sum()
node, recorded = L.grad_fn, []
while node is not None:                 # 从 L 沿 grad_fn 往回走到 w
    recorded.append(node.name())
    node = node.next_functions[0][0] if node.next_functions else None
print("从 L 往回的计算图:", *recorded, sep="\n  ")

L.backward()                            # 反向传播：把 dL/dw 存入 w.grad
by_hand = (2 * (w * x - y) * x).sum()
print("L =", L.item())
print("autograd:", w.grad.item(), " 手算:", by_hand.item())

# %% [markdown]
# 两个结果一致：$w=0.5$ 时每一项 $w x_i - y_i = -1.5\,x_i$，
# 所以导数是 $\sum_i 2\times(-1.5)\,x_i^2 = -3\times 14 = -42$。
# 录下的计算图从后往前是：求和、平方、减法、乘法，最后的 `AccumulateGrad` 把梯度累加进 `w.grad`。
#
# “累加”是字面意思：`.backward()` 把新算出的梯度**加到** `.grad` 已有的值上，而不是覆盖它。
# 再做一次前向计算和反向传播（上一次的计算图在 `backward()` 之后已经释放），
# `w.grad` 就从 −42 变成 −84。所以训练循环里每一步都要先把梯度清零，后面会看到 `optimizer.zero_grad()`。

# %%
L = ((w * x - y) ** 2).sum()            # 重新前向计算，录一张新的计算图
L.backward()
print("第二次 backward 之后:", w.grad.item())
w.grad = None                           # 清零：optimizer.zero_grad() 对每个参数做的就是这件事
print("清零之后:", w.grad)

# %% [markdown]
# PyTorch 在每次前向计算时现场搭建计算图，这种方式叫动态计算图；它与静态计算图的区别见
# [静态计算图与动态计算图](computation_graphs.md)。

# %% [markdown]
# ## 数据：8×8 手写数字
#
# scikit-learn 自带一个小型手写数字数据集（`load_digits`）：每张图 8×8 个像素，灰度取 0 到 16 的整数，
# 标签是 0 到 9 共 10 类。它随 scikit-learn 一起安装，读取时不需要网络。

# %%
digits = load_digits()
print(digits.images.shape, digits.target.shape)
print("像素取值范围:", digits.images.min(), "到", digits.images.max())

fig, axes = plt.subplots(1, 8, figsize=(4.6, 0.9))
examples = zip(axes, digits.images[:8], digits.target[:8], strict=True)
for ax, image, label in examples:
    ax.imshow(image, cmap="gray_r")
    ax.set_title(str(label))
    ax.axis("off")

# %% [markdown]
# 把数据分成三份，各有各的用途：
#
# - **训练集**（training set）：用来计算梯度、更新参数；
# - **验证集**（validation set）：训练过程中检查模型在没见过的数据上的表现，用来决定何时提前停止；
# - **测试集**（test set）：训练全部结束后只用一次，给出对新数据的无偏估计。
#
# 按 60% / 20% / 20% 划分，并且分层抽样（`stratify`），让每一份里 10 个数字的比例都和整体一致。
# 每张 8×8 的图展平成 64 维向量，像素除以 16 缩放到 $[0, 1]$。
#
# 除以 16 用的是一个事先知道的常数（像素的最大可能值），不是从数据里估计出来的，所以怎么做都不会泄露信息。
# 如果改用从数据估计的统计量，例如把每个像素标准化为均值 0、标准差 1，
# 均值和标准差就只能在训练集上计算，再原样用到验证集和测试集上：
# 验证集和测试集扮演的是“训练时没见过的新数据”，它们的任何信息都不能进入训练。

# %%
inputs = digits.images.reshape(len(digits.images), -1) / 16.0  # (1797, 64)
labels = digits.target

X_train, X_rest, y_train, y_rest = train_test_split(
    inputs, labels, test_size=0.4, stratify=labels, random_state=SEED)
X_val, X_test, y_val, y_test = train_test_split(
    X_rest, y_rest, test_size=0.5, stratify=y_rest, random_state=SEED)
print("训练/验证/测试:", len(X_train), len(X_val), len(X_test))

# %% [markdown]
# ## `Dataset` 与 `DataLoader`
#
# PyTorch 把“数据是什么”和“怎样一批一批地取”分开：
#
# - `Dataset` 只需回答两个问题：一共有多少个样本（`__len__`），第 $i$ 个样本是什么（`__getitem__`）；
# - `DataLoader` 负责把样本凑成小批量（mini-batch），并在每一轮开始时打乱训练集的顺序，
#   这正是小批量随机梯度下降需要的。
#
# 给训练集的 `DataLoader` 传入一个固定种子的随机数生成器，打乱的顺序也就可以复现。
# 这个生成器每开始一轮（每次 `iter(train_loader)`）都要从中抽取随机数，
# 所以只把它留给训练用：下面看一个批次长什么样时，另建一个不打乱的 `DataLoader`。
# 这样无论这个单元格运行几次，后面训练得到的数字都不变。

# %%
class DigitsDataset(Dataset):
    """把 NumPy 数组包装成 PyTorch 的数据集：输入为 float32，标签为 int64。"""

    def __init__(self, features, targets):
        # features: (N, 64), targets: (N,)
        self.features = torch.as_tensor(features, dtype=torch.float32)
        self.targets = torch.as_tensor(targets, dtype=torch.int64)

    def __len__(self):
        return len(self.targets)

    def __getitem__(self, i):
        return self.features[i], self.targets[i]


train_set = DigitsDataset(X_train, y_train)
val_set = DigitsDataset(X_val, y_val)
test_set = DigitsDataset(X_test, y_test)

BATCH_SIZE = 64
train_loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True,
                          generator=torch.Generator().manual_seed(SEED))
val_loader = DataLoader(val_set, batch_size=256)
test_loader = DataLoader(test_set, batch_size=256)

# 看一个批次：用另一个不打乱的 DataLoader，不动 train_loader 的随机数生成器
features, targets = next(iter(DataLoader(train_set, batch_size=BATCH_SIZE)))
print("一个批次的输入:", features.shape, features.dtype)
print("一个批次的标签:", targets.shape, targets.dtype)
print("每轮的批次数:", len(train_loader))

# %% [markdown]
# ## 模型：多层感知器
#
# 网络结构是 64 → 100 → 10：输入层 64 个神经元（每个像素一个），一个 100 个神经元的隐藏层，
# 激活函数用 ReLU（见[激活函数](activations.md)），输出层 10 个神经元，对应 10 个类别的得分（logits）。
#
# 第一种写法是继承 `nn.Module`：在 `__init__` 里创建各层，在 `forward` 里写出前向计算。
# 赋给 `self` 的层会被自动登记，它们的参数都能通过 `model.parameters()` 找到。
# 参数 `activation` 留给后面的练习换激活函数用，不给时就是 ReLU。
#
# `nn.Linear` 创建时就按 PyTorch 的默认方式随机初始化了参数：
# 权重和偏置都从均匀分布 $U\bigl(-1/\sqrt{M_\text{in}},\ 1/\sqrt{M_\text{in}}\bigr)$ 中抽取，
# $M_\text{in}$ 是这一层的输入数，所以隐藏层的参数都在 $\pm 1/8$ 之内，输出层的在 $\pm 1/10$ 之内
# （为什么这样取、还有哪些取法，见[参数初始化](initialization.md#pytorch-default)）。
# 初始值是随机数，所以创建模型之前先用 `torch.manual_seed` 固定种子。

# %%
class MLP(nn.Module):
    def __init__(self, n_in=64, n_hidden=100, n_out=10, activation=None):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.activation = nn.ReLU() if activation is None else activation
        self.output = nn.Linear(n_hidden, n_out)

    def forward(self, x):                       # x: (N, 64)
        a = self.activation(self.hidden(x))     # a: (N, 100)
        return self.output(a)                   # logits: (N, 10)


torch.manual_seed(SEED)
model = MLP().to(device)
print(model)
print("隐藏层参数的最大绝对值:", round(model.hidden.weight.abs().max().item(), 3), "（上限 1/8 = 0.125）")

# %% [markdown]
# 只是把几层依次串起来时，`nn.Sequential` 写得更短，效果完全一样：

# %%
torch.manual_seed(SEED)
sequential = nn.Sequential(
    nn.Linear(64, 100),
    nn.ReLU(),
    nn.Linear(100, 10),
).to(device)
print(sequential)

# %% [markdown]
# 两种写法的参数一模一样。用同一个种子初始化，连参数的初始值都相同，只是名字不同
# （`hidden.weight` 对应 `0.weight`）。
#
# 数一数参数量。第 $l$ 层是从 $M_{l-1}$ 个神经元到 $M_l$ 个神经元的全连接层，
# 有权重矩阵 $\boldsymbol{W}^{(l)} \in \mathbb{R}^{M_l\times M_{l-1}}$
# 和偏置 $\boldsymbol{b}^{(l)} \in \mathbb{R}^{M_l}$，共 $M_{l-1}M_l + M_l$ 个参数。整个网络的参数量是
#
# $$
# \sum_{l=1}^{L} \left(M_{l-1} M_l + M_l\right)
#   = (64\times 100 + 100) + (100\times 10 + 10) = 6500 + 1010 = 7510.
# $$
#
# `nn.Linear(64, 100)` 的权重形状是 $(100, 64)$，也就是（输出数，输入数），
# 和公式中的 $\boldsymbol{W}^{(l)}$ 一致；它对按行排列的一批输入计算 $XW^\top + \boldsymbol{b}$。

# %%
for name, p in model.named_parameters():
    print(f"{name:15s} {str(tuple(p.shape)):10s} {p.numel()}")

n_params = sum(p.numel() for p in model.parameters())
print("参数总数:", n_params)
print("nn.Sequential 的参数总数:",
      sum(p.numel() for p in sequential.parameters()))
pairs = zip(model.parameters(), sequential.parameters(), strict=True)
print("初始参数相同:", all(torch.equal(p, q) for p, q in pairs))

# %% [markdown]
# ## 损失函数与优化器
#
# 多分类问题用交叉熵损失（cross-entropy loss，见[损失函数](../ml_basics/loss_functions.md)）。
# 模型输出的是未归一化的得分 $\boldsymbol{z}$，对正确类别 $y$，损失是 softmax 概率的负对数：
#
# $$
# \begin{aligned}
# \mathcal{L}(\boldsymbol{z}, y) &= -\log \frac{\exp(z_y)}{\sum_{c=1}^{C} \exp(z_c)} \\
#   &= -z_y + \log \sum_{c=1}^{C} \exp(z_c),
# \end{aligned}
# $$
#
# 并对一个批次取平均。`nn.CrossEntropyLoss` 就按等号右边算：它把 `log_softmax` 和负对数似然
# `NLLLoss` 合成一步，其中的 $\log\sum\exp$ 先减去最大的得分再求指数，不会上溢。
# 如果先单独算出 softmax 再取对数，很小的概率会下溢成 0，$\log 0$ 就成了负无穷。
# 所以模型的最后一层**不要**再加 softmax，直接把得分交给损失函数。
#
# 优化器用带动量（momentum）的[随机梯度下降](../ml_basics/sgd.md)，学习率 $\alpha = 0.1$，
# 动量系数 $\mu = 0.9$。PyTorch 的 `SGD` 每一步先更新“速度” $\boldsymbol{v}$，再用它更新参数：
# $\boldsymbol{v} \leftarrow \mu\boldsymbol{v} + \boldsymbol{g}$，
# $\theta \leftarrow \theta - \alpha\boldsymbol{v}$
# （$\boldsymbol{g}$ 是这一步的梯度，$\boldsymbol{v}$ 从 0 开始）。
# $\boldsymbol{v}$ 是历次梯度按 $\mu$ 衰减的累加：方向一致的分量越积越大，来回摆动的分量互相抵消，
# 梯度方向稳定时步长约为 $\alpha/(1-\mu) = 10\alpha$（详见[动量法](../ml_basics/optimizers.md#momentum)）。
#
# 每一步的流程是：前向计算损失 → `zero_grad()` 清空旧梯度 → `backward()` 反向传播 →
# `step()` 按上面的规则更新参数。

# %%
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

# %% [markdown]
# 下面把“训练一轮”和“评估一次”写成两个函数。其中有三处值得说明：
#
# - `model.train()` 和 `model.eval()` 切换模型的模式。有些层在训练和预测时做的事不同：
#   暂退法（dropout）训练时随机丢弃神经元、预测时不丢，
#   批量规范化（batch normalization）训练时用当前批次的统计量、预测时用累计的统计量。
#   这个 MLP 没有这样的层，切换模式对它没有影响，但养成习惯，换了模型也不会出错。
# - `@torch.no_grad()` 让评估时不记录计算图。评估不需要梯度，不建图就省下了保存中间结果的内存和时间
#   （每次前向计算都会现场建图，见[动态计算图](computation_graphs.md)）。
#   `torch.inference_mode()` 是更严格、更快一些的版本，它算出的张量以后也不能再参与求导；
#   确定只做预测时就用它，后面用加载的模型预测时就是这样。
# - 两个函数都从模型的参数得知它在哪个设备上，把数据搬过去。

# %%
def train_one_epoch(model, loader, loss_fn, optimizer):
    """训练一轮，返回这一轮的平均损失和准确率。"""
    device = next(model.parameters()).device
    model.train()
    total_loss, correct = 0.0, 0
    for features, targets in loader:
        features, targets = features.to(device), targets.to(device)
        logits = model(features)              # 前向计算
        loss = loss_fn(logits, targets)
        optimizer.zero_grad()                 # 清空上一步的梯度
        loss.backward()                       # 反向传播
        optimizer.step()                      # 更新参数
        total_loss += loss.item() * len(targets)
        correct += (logits.argmax(dim=1) == targets).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, loss_fn):
    """在一个数据集上计算平均损失和准确率，不记录计算图。"""
    device = next(model.parameters()).device
    model.eval()
    total_loss, correct = 0.0, 0
    for features, targets in loader:
        features, targets = features.to(device), targets.to(device)
        logits = model(features)
        total_loss += loss_fn(logits, targets).item() * len(targets)
        correct += (logits.argmax(dim=1) == targets).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


# %% [markdown]
# ## 训练循环与提前停止
#
# 每一轮（epoch）把训练集完整地过一遍，然后在验证集上评估。训练损失总体上一路下降，
# 验证损失却迟早会停止下降，在一个水平上起伏，甚至回升：模型开始记住训练集的细节，
# 也就是[过拟合](../ml_basics/overfitting.md)。
# **提前停止**（原理见[提前停止](../ml_basics/early_stopping.md)）的做法是：
#
# 1. 每一轮结束后记录验证损失，比历史最好值更低时，保存一份当时的参数；
# 2. 如果连续 `PATIENCE` 轮都没有刷新最好值，就停止训练；
# 3. 训练结束后，把参数恢复成验证损失最低时保存的那一份。
#
# 函数 `fit` 做的就是这三步。进度条由 `tqdm` 绘制，每训练一轮前进一格；
# 每一轮的指标用 `tqdm.write` 打印在进度条上方，互不干扰。
#
# 平时写进度条，一行 `for epoch in tqdm(range(max_epochs)):` 就够了，它还会显示已用时间和预计剩余时间；
# 在 Jupyter 里 `from tqdm.auto import tqdm` 会换成图形化的进度条。
# 这里多写了几个参数，只是为了让本页每次生成的输出完全相同：
# 输出写到标准输出（`file=sys.stdout`），`bar_format` 去掉了每次都不一样的耗时和速度。

# %%
PATIENCE = 5


def fit(model, train_loader, optimizer, max_epochs=MAX_EPOCHS, patience=PATIENCE, verbose=True):
    """训练到验证损失连续 patience 轮没有刷新最好值（至多 max_epochs 轮），恢复最好的参数。

    返回逐轮记录 (轮次, 训练损失, 训练准确率, 验证损失, 验证准确率) 的列表和最好的轮次。
    """
    history = []
    best_val_loss, best_epoch, best_state = float("inf"), 0, None
    progress = tqdm(total=max_epochs, desc="训练", file=sys.stdout,
                    bar_format="{desc} |{bar:20}| {n_fmt}/{total_fmt} 轮{postfix}", mininterval=0.5)
    for epoch in range(1, max_epochs + 1):
        train_loss, train_acc = train_one_epoch(model, train_loader, loss_fn, optimizer)
        val_loss, val_acc = evaluate(model, val_loader, loss_fn)
        history.append((epoch, train_loss, train_acc, val_loss, val_acc))
        progress.set_postfix_str(f"验证损失 {val_loss:.4f}", refresh=False)
        progress.update()
        if verbose:
            tqdm.write(f"第 {epoch:2d} 轮  训练损失 {train_loss:.4f}  训练准确率 {train_acc:.4f}  "
                       f"验证损失 {val_loss:.4f}  验证准确率 {val_acc:.4f}", file=sys.stdout)
        if val_loss < best_val_loss:
            best_val_loss, best_epoch = val_loss, epoch
            # state_dict() 返回的是参数张量本身（引用），它们会随训练继续改变：必须复制一份
            best_state = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= patience:
            break
    progress.close()
    model.load_state_dict(best_state)
    return history, best_epoch


history, best_epoch = fit(model, train_loader, optimizer)
_, _, _, best_val_loss, best_val_acc = history[best_epoch - 1]
print(f"验证损失最低的是第 {best_epoch} 轮：{best_val_loss:.4f}（验证准确率 {best_val_acc:.4f}）；"
      f"共训练 {len(history)} 轮")

# %% [markdown]
# ## 学习曲线
#
# 把每一轮的损失和准确率画出来，就是学习曲线（learning curve）。竖直虚线标出验证损失最低的那一轮，
# 也就是最终保留的参数。损失用对数纵轴画，后期很小的损失和它们之间的差距也看得清。

# %%
epochs = [h[0] for h in history]
fig, (ax_loss, ax_acc) = plt.subplots(2, 1, figsize=(4.6, 4.6), sharex=True)
ax_loss.plot(epochs, [h[1] for h in history], label="train")
ax_loss.plot(epochs, [h[3] for h in history], label="validation")
ax_loss.set_yscale("log")
ax_loss.set_ylabel("cross-entropy loss")
ax_acc.plot(epochs, [h[2] for h in history], label="train")
ax_acc.plot(epochs, [h[4] for h in history], label="validation")
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy")
for ax in (ax_loss, ax_acc):
    ax.axvline(best_epoch, color="C2", linestyle="--", label="best epoch")
ax_loss.legend()
fig.tight_layout()

# %% [markdown]
# 怎样读这张图（括号里是本页这次运行的数字，见上面的逐轮输出）：
#
# - 前几轮验证损失反而比训练损失低（这次是第 1、2、3 轮，还有第 6 轮），这并不奇怪。
#   一轮的训练损失是这一轮各批次损失的平均，参数在这一轮中一直在变好，早先的批次是用较差的参数算的；
#   验证损失却是在轮末用这一轮最后的参数算的。
#   训练曲线因此比验证曲线“滞后”大约半轮，在变化最快的前几轮最明显。
# - 训练损失总体一路下降（从 2.06 降到 0.0086），但并不单调：学习率 0.1 加上动量，再加上小批量梯度的噪声，
#   个别轮次会比上一轮高（这次是第 22、26、28、31、36 轮）。
# - 到后半段，训练准确率达到 1（这次第 32 轮第一次达到），训练损失还在下降，
#   验证损失却只在一个水平附近上下起伏（这次从第 21 轮起一直在 0.058 到 0.079 之间），不再明显下降。
#   两条损失曲线之间的差距，就是模型在训练集上学到、却推广不到新数据的部分。
# - 提前停止在这段起伏里留下了验证损失最低的一轮（第 35 轮，0.0588），
#   之后连续 5 轮都没有刷新最好值，训练在第 40 轮停止。

# %% [markdown]
# ## 在测试集上评估
#
# 所有的选择都已经定下：本实验中网络结构和学习率是事先给定的，只有“训练到第几轮”是看验证集决定的；
# 如果还要调结构或学习率，也只能看验证集。现在才第一次用测试集。

# %%
test_loss, test_acc = evaluate(model, test_loader, loss_fn)
print(f"测试损失 {test_loss:.4f}  测试准确率 {test_acc:.4f}")

# %% [markdown]
# ## 保存与加载参数
#
# `model.state_dict()` 是一个有序字典，把每个参数的名字映射到它的张量。推荐保存它，而不是整个模型对象：
# 整个对象是用 pickle 保存的，加载时需要原来的类定义，而且 pickle 加载时可以执行任意代码。
# 加载时先按同样的结构新建一个模型，再用 `load_state_dict` 把参数装进去；
# `torch.load(..., weights_only=True)` 只接受张量等数据，不会执行文件里的代码。
#
# 这里存到一个临时目录，运行结束后自动删除。想留下文件，把路径换成 `"mlp_digits.pt"` 这样的普通文件名即可
# （Colab 的磁盘在会话结束后会清空，需要时先下载到自己的电脑上）。

# %%
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "mlp_digits.pt"
    torch.save(model.state_dict(), path)
    restored = MLP().to(device)
    restored.load_state_dict(torch.load(path, map_location=device, weights_only=True))

print("保存的参数:", list(model.state_dict().keys()))
_, restored_acc = evaluate(restored, test_loader, loss_fn)
print(f"加载后的测试准确率: {restored_acc:.4f}")

# %% [markdown]
# 用加载的模型做预测。模型输出的是得分（logits），`softmax` 把它变成 10 个类别的概率，
# 最大的那个就是预测的类别和模型给它的把握。预测时同样先 `eval()`，并在 `torch.inference_mode()` 里计算。
# 最后把测试集上分错的前 8 张图片画出来，标题是“真实标签 → 预测”。

# %%
restored.eval()
with torch.inference_mode():
    logits = restored(test_set.features.to(device))    # logits: (360, 10)
    probs = logits.softmax(dim=1)                        # 每行 10 个概率，和为 1
confidence, predictions = probs.max(dim=1)
print("前 8 个测试样本的预测:", predictions[:8].tolist())
print("前 8 个测试样本的标签:", test_set.targets[:8].tolist())
print("预测类别的概率:", [round(p, 2) for p in confidence[:8].tolist()])

wrong = (predictions.cpu() != test_set.targets).nonzero().flatten()
print(f"测试集上分错了 {len(wrong)} 张（共 {len(test_set)} 张）")
fig, axes = plt.subplots(1, 8, figsize=(4.6, 0.9))
for ax, i in zip(axes, wrong.tolist(), strict=False):
    ax.imshow(test_set.features[i].reshape(8, 8), cmap="gray_r")
    ax.set_title(f"{test_set.targets[i].item()}→{predictions[i].item()}")
for ax in axes:
    ax.axis("off")

# %% [markdown]
# ## 做实验的工具
#
# 下面的 `run` 按主实验的设置从头训练一次：同样的数据划分、同样的种子（因此同样的初始参数和同样的批次顺序）、
# 同样的提前停止，只改动你给出的那一处。不给任何参数时，它得到的逐轮数字与上面的训练完全相同。
# 它返回训练好的模型（已恢复到最好的一轮）、逐轮记录和最好的轮次，并打印一行摘要。
#
# 比较不同的设置也是在做选择，所以比较的是验证集上的结果；测试集仍然只留给最后选定的那一个。

# %%
def run(activation=None, lr=0.1, momentum=0.9, make_optimizer=None, max_epochs=MAX_EPOCHS):
    """按主实验的设置从头训练一次 MLP，只改动给出的参数；返回 (模型, 逐轮记录, 最好的轮次)。"""
    torch.manual_seed(SEED)
    model = MLP(activation=activation).to(device)
    if make_optimizer is None:
        optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)
    else:
        optimizer = make_optimizer(model.parameters())
    loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True,
                        generator=torch.Generator().manual_seed(SEED))
    history, best_epoch = fit(model, loader, optimizer, max_epochs, verbose=False)
    _, _, _, val_loss, val_acc = history[best_epoch - 1]
    print(f"最好的是第 {best_epoch} 轮：验证损失 {val_loss:.4f}，验证准确率 {val_acc:.4f}；"
          f"共训练 {len(history)} 轮")
    return model, history, best_epoch


# %% [markdown]
# ## 小结
#
# - 张量加上自动微分，就是搭建和训练神经网络所需的全部底层工具；反向传播由 `.backward()` 完成，
#   梯度会累加，所以每一步先清零。
# - `Dataset` 描述数据，`DataLoader` 负责分批和打乱；模型是 `nn.Module` 的子类，
#   或者用 `nn.Sequential` 串起来；`nn.Linear` 对按行排列的输入计算 $XW^\top + \boldsymbol{b}$。
# - 训练一步 = 前向计算损失、清零梯度、反向传播、更新参数；每轮结束用验证集监控，提前停止防止过拟合。
# - 评估和预测时 `model.eval()`，并且不建计算图（`torch.no_grad()` 或 `torch.inference_mode()`）。
# - 测试集只在最后用一次；保存和加载用 `state_dict`。
#
# ## 练习
#
# 下面的实验都调用上面的 `run`（先把整个笔记本运行一遍）。每个答案先说怎么做、该看什么，
# 再给出本页这次运行的数字；你的版本或设备不同，数字会略有差别，但结论应当一样。
#
# 1. 把激活函数换成 logistic 函数（`nn.Sigmoid()`）和双曲正切（`nn.Tanh()`），和 ReLU 比较：
#    验证损失最低的是第几轮？那时的验证损失和验证准确率是多少？
#
# <details class="success"><summary>答案</summary>
#
# ```python
# run(activation=nn.Sigmoid())
# run(activation=nn.Tanh())
# run()                          # ReLU：与上面的训练完全相同
# ```
#
# 每次调用打印一行摘要，比较其中“最好的是第几轮”、验证损失和验证准确率。
# 本页这次运行：logistic 到第 46 轮才最好（验证损失 0.0972，验证准确率 0.9805），
# tanh 在第 26 轮（0.0681，0.9805），ReLU 在第 35 轮（0.0588，0.9916）。
# logistic 学得最慢，最终的验证损失也最高：它的导数最大只有 0.25，误差信号穿过隐藏层时至少缩小为四分之一，
# 它的输出又全是正数，不以 0 为中心。tanh 在 0 处的导数是 1，输出以 0 为中心，和 ReLU 相差不多。
# 这个网络只有一个隐藏层，饱和的害处还不算大；层数越多，差别越大
# （见[激活函数](activations.md#饱和与梯度消失)）。
#
# </details>
#
# 2. 把激活函数去掉（`nn.Identity()`，原样输出），网络还剩下什么？它能达到多高的验证准确率？
#
# <details class="success"><summary>答案</summary>
#
# ```python
# linear_model, _, _ = run(activation=nn.Identity())
# W1, b1 = linear_model.hidden.weight, linear_model.hidden.bias
# W2, b2 = linear_model.output.weight, linear_model.output.bias
# with torch.inference_mode():
#     features = val_set.features.to(device)
#     collapsed = features @ (W2 @ W1).T + (W2 @ b1 + b2)   # 一个 64 → 10 的仿射变换
#     print(torch.allclose(linear_model(features), collapsed, atol=1e-5))
# ```
#
# 没有激活函数，两层仿射变换复合起来仍是一个仿射变换：
# $W_2(W_1\boldsymbol{x} + \boldsymbol{b}_1) + \boldsymbol{b}_2$
# 就是 $(W_2W_1)\boldsymbol{x} + (W_2\boldsymbol{b}_1 + \boldsymbol{b}_2)$。
# 再接上交叉熵损失，整个模型就是 softmax 回归，一个线性分类器；100 个隐藏神经元只是换了一种写法来表示同一个
# $10\times 64$ 的矩阵。代码最后打印 `True`：网络的输出与合并后的一个仿射变换相同。
# 本页这次运行：验证准确率 0.9833（第 23 轮最好，验证损失 0.0774），ReLU 网络是 0.9916（0.0588）。
# 差距不大，因为 8×8 的数字几乎是线性可分的，线性分类器已经能分对绝大多数；
# 非线性的隐藏层带来的是剩下的那一点，换成更难的数据，差距会大得多。
#
# </details>
#
# 3. 隐藏层里有多少个“死亡”的 ReLU 神经元（对每个训练样本的输出都是 0）？
#    分别数一数初始化时、训练后，以及把学习率提高到 `lr=0.5` 重新训练之后。
#
# <details class="success"><summary>答案</summary>
#
# ```python
# def count_dead(model):
#     """隐藏层中对每个训练样本输出都为 0 的神经元个数。"""
#     with torch.inference_mode():
#         a = model.activation(model.hidden(train_set.features.to(device)))  # a: (1078, 100)
#     return int((a.amax(dim=0) == 0).sum())
#
# torch.manual_seed(SEED)
# print("初始化时:", count_dead(MLP().to(device)))
# print("训练后:", count_dead(model))
# high_lr_model, _, _ = run(lr=0.5)
# print("lr=0.5 训练后:", count_dead(high_lr_model))
# ```
#
# 一个 ReLU 神经元对所有训练样本的净输入都不大于 0 时，它的输出和梯度永远是 0，梯度下降再也救不回来
# （见[死亡 ReLU](activations.md#死亡-relu)）。
# 本页这次运行：初始化时就有 4 个（随机的初始权重恰好让它们对每张图都不激活），
# 学习率 0.1 训练后是 10 个，学习率 0.5 训练后是 33 个，100 个神经元死了三分之一，
# 验证准确率也降到 0.9749（第 8 轮最好）。
# 学习率太大时，一次过猛的更新就可能把神经元推到对所有输入都不激活的地方，从此它再也不会被更新。
#
# </details>
#
# 4. [反向传播](backprop.md)一节推出：softmax 输出配交叉熵损失时，输出层的误差项是
#    $\boldsymbol{\delta}^{(L)} = \hat{\boldsymbol{y}} - \boldsymbol{y}$。
#    用 autograd 在训练好的网络上验证它。提示：`logits.retain_grad()` 让中间结果 `logits` 也保留 `.grad`。
#
# <details class="success"><summary>答案</summary>
#
# ```python
# features, targets = next(iter(DataLoader(train_set, batch_size=BATCH_SIZE)))
# features, targets = features.to(device), targets.to(device)
# model.zero_grad()
# a = model.activation(model.hidden(features))             # a: (64, 100)
# logits = model.output(a)                                 # logits: (64, 10)
# logits.retain_grad()                                     # 非叶子张量默认不保留梯度
# loss_fn(logits, targets).backward()
# onehot = nn.functional.one_hot(targets, num_classes=10)
# delta = (logits.softmax(dim=1) - onehot) / len(targets)  # (y_hat - y) / N
# print(torch.allclose(logits.grad, delta, atol=1e-7))
# print(torch.allclose(model.output.weight.grad, delta.T @ a, atol=1e-6))
# ```
#
# 两行都打印 `True`。多出的 $1/N$ 来自 `CrossEntropyLoss` 对一个批次取平均：每个样本的损失都乘了 $1/N$。
# 第二行验证的是
# $\partial\mathcal{L}/\partial\boldsymbol{W}^{(L)}=\boldsymbol{\delta}^{(L)}(\boldsymbol{a}^{(L-1)})^\top$，
# 样本按行排列、对整个批次求和之后就是 `delta.T @ a`。
#
# </details>
#
# 5. 在同样的种子下比较三种优化器：不带动量的 SGD（`momentum=0`）、带动量的 SGD（主实验）
#    和 Adam（PyTorch 的默认学习率 0.001）。
#
# <details class="success"><summary>答案</summary>
#
# ```python
# run(momentum=0)                                                      # 不带动量，学习率 0.1
# run()                                                                # 主实验：动量 0.9
# run(make_optimizer=lambda params: torch.optim.Adam(params, lr=1e-3))
# ```
#
# 比较“最好的是第几轮”和验证损失，并看训练有没有在 60 轮之内停下。
# 本页这次运行：带动量的 SGD 在第 35 轮最好（验证损失 0.0588），第 40 轮停止；
# 不带动量的 SGD 和 Adam 到第 60 轮还在进步（最好的分别是第 58 轮的 0.1261 和第 60 轮的 0.1042），
# 被轮数上限截停。
#
# 不带动量时每一步只走 $\alpha\boldsymbol{g}$，而动量 0.9 在梯度方向稳定时把步长放大到约 $10\alpha$。
# 验证这个解释：`run(momentum=0, lr=1.0)` 在第 23 轮就最好（验证损失 0.0566），和带动量的一样快。
# Adam 按每个参数梯度的大小自动调整步长，但它的默认学习率 0.001 对这个每轮只有 17 步的小数据集偏小：
# `run(make_optimizer=lambda params: torch.optim.Adam(params, lr=1e-2))` 在第 28 轮最好（0.0635）。
# 所以比较优化器时，每一种都要配上它合适的学习率才公平（见[优化器](../ml_basics/optimizers.md)）。
#
# </details>
#
# 6. 在 `train_one_epoch` 里删掉 `optimizer.zero_grad()`，重新运行那个单元格，再训练一次，会发生什么？
#    （做完记得改回来，再重新运行那个单元格。）
#
# <details class="success"><summary>答案</summary>
#
# ```python
# _, broken, _ = run()
# print("验证损失:", [round(h[3]) for h in broken])
# print("验证准确率:", [round(h[4], 2) for h in broken])
# ```
#
# 梯度会在各步之间不断累加：每一步用来更新的不再是当前批次的梯度，而是从训练开始到现在所有梯度的和。
# 这相当于在优化器自己的动量之外，又加了一层系数为 1、永远不衰减的动量：
# 早已过时的梯度一直留在里面，步子越迈越大，训练很快发散。
# 本页这次运行：第 1 轮的验证损失约为 6（正常训练是 1.46），第 2 轮就到了 215；
# 从第 4 轮起验证准确率一直是 0.1，和随便猜一样，直到第 8 轮被提前停止截住。
# 发散的训练会把最微小的舍入差别也放大，所以这里的具体数字在别的机器上可能差得更多；
# 损失暴涨、准确率跌到 0.1 左右，这个结论不会变。
#
# </details>
#
# 7. 在模型最后再加一层 `nn.Softmax(dim=1)` 会怎样？
#
# <details class="success"><summary>答案</summary>
#
# `nn.CrossEntropyLoss` 内部已经做了 softmax，再加一层就做了两次。
# 第二次 softmax 的输入是 0 到 1 之间的概率，差距很小：即使模型对正确类别给出概率 1、其余为 0，
# 损失也只能降到 $-\log\dfrac{e}{e+9} = \log(1 + 9/e) \approx 1.4612$，远离 0，梯度也随之变小，
# 训练明显变慢。预测类别（argmax）不受影响，但训练的目标被扭曲了。
#
# </details>
#
# ## 相关页面
#
# - [前馈神经网络的结构](network_structure.md)：层、参数量，以及 `nn.Linear` 的 $XW^\top + \boldsymbol{b}$。
# - [反向传播算法](backprop.md)：`.backward()` 替我们做的事，以及练习 4 验证的输出层误差项。
# - [激活函数](activations.md)：练习 1 到 3 里 logistic、tanh 与 ReLU 的差别。
# - [静态计算图与动态计算图](computation_graphs.md)：每次前向计算都在现场建图。
# - [提前停止](../ml_basics/early_stopping.md)：为什么在验证损失最低处停下。
