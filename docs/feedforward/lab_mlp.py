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
# 这个实验把这些步骤全部交给 PyTorch，从零训练一个识别手写数字的多层感知器（multilayer perceptron, MLP）。
#
# 你会依次用到：张量（tensor）与自动微分（autograd）、`Dataset` 与 `DataLoader`、用 `nn.Module` 定义模型、
# 损失函数与优化器、带进度条的训练循环、提前停止（early stopping）、学习曲线、测试集评估，
# 以及模型参数的保存与加载。
#
# 本页由一个 jupytext 格式的 `.py` 文件生成，构建网站时从头到尾执行了一遍，
# 下面看到的输出就是这次执行的真实输出。
# 页首的按钮可以下载对应的 `.ipynb`，或者直接在 Colab 中打开。
# 整个笔记本在普通笔记本电脑的 CPU 上几秒钟就能跑完，
# 有 GPU 时会自动使用 GPU。
#
# 运行前需要安装 `torch`、`scikit-learn`、`matplotlib` 和 `tqdm`（Colab 已经自带）。
# 数据集随 scikit-learn 一起安装，不需要联网下载。

# %% [markdown]
# ## 准备：随机种子与设备
#
# 神经网络的训练处处有随机性：参数的初始值、每一轮打乱数据的顺序、数据集的划分。固定随机种子（seed）之后，
# 同一台机器上每次运行都得到完全相同的数字，结果才能复现、才能和别人对照。
#
# 设备（device）决定张量存放和计算的位置：有 NVIDIA 显卡并装好了 CUDA 版 PyTorch 时用 `cuda`，否则用 `cpu`。
# 后面所有的模型和数据都用 `.to(device)` 搬到这个设备上。
#
# 这个网络很小，CPU 上一个线程反而比多个线程快（线程之间的调度开销比计算本身还大），
# 所以用 `torch.set_num_threads(1)` 固定为单线程；
# 这也让浮点数的累加顺序在不同核数的机器上保持一致。
#
# 变量 `MAX_EPOCHS` 是最多训练的轮数。平时用默认值即可；自动测试会通过环境变量 `LAB_MAX_EPOCHS` 把它调小，
# 让测试跑得更快。

# %%
import copy
import os
import sys
import tempfile
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, Dataset
from tqdm import tqdm

SEED = 0
MAX_EPOCHS = int(os.environ.get("LAB_MAX_EPOCHS", "60"))

torch.manual_seed(SEED)
torch.set_num_threads(1)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("设备:", device)

# %% [markdown]
# ## 张量与自动微分
#
# 张量是 PyTorch 的基本数据结构，可以看成带形状（shape）和数据类型（dtype）的多维数组，用法和 NumPy 数组很像。
# 神经网络的一层全连接计算，就是一次矩阵乘法加上一个按行广播（broadcasting）的偏置：
# 一批 $N$ 个样本排成矩阵 $X \in \mathbb{R}^{N\times D}$，权重 $W \in \mathbb{R}^{D\times M}$，
# 偏置 $\boldsymbol{b} \in \mathbb{R}^{M}$，输出 $Z = XW + \boldsymbol{b}$ 的形状是 $N\times M$。
#
# 注意 PyTorch 习惯把样本放在行上，所以这里写 $XW$，而公式推导中常把单个样本写成列向量、
# 写 $\boldsymbol{W}\boldsymbol{x}$，二者只差一个转置。

# %%
X = torch.arange(6.0).reshape(2, 3)     # X: (N=2, D=3)
W = torch.ones(3, 4)                    # W: (D=3, M=4)
b = torch.tensor([0.0, 1.0, 2.0, 3.0])  # b: (M=4,)
Z = X @ W + b                           # Z: (N=2, M=4)，b 广播到每一行
print(X.shape, X.dtype)
print(Z.shape)
print(Z.tolist())

# %% [markdown]
# 自动微分是 PyTorch 的核心功能。把张量标记为 `requires_grad=True` 后，PyTorch 会在前向计算时记下计算图，
# 调用 `.backward()` 时沿着计算图反向应用链式法则，把梯度累加到每个叶子张量的 `.grad` 里。
# 这正是反向传播算法，只是不用我们手写。
#
# 用一个能手算的例子检验：对 $L = \sum_i (w x_i - y_i)^2$，
# 有 $\dfrac{\partial L}{\partial w} = \sum_i 2 (w x_i - y_i)\, x_i$。

# %%
x = torch.tensor([1.0, 2.0, 3.0])
y = torch.tensor([2.0, 4.0, 6.0])
w = torch.tensor(0.5, requires_grad=True)

L = ((w * x - y) ** 2).sum()
L.backward()                        # 反向传播：把 dL/dw 存入 w.grad

by_hand = (2 * (w * x - y) * x).sum()
print("L =", L.item())
print("autograd:", w.grad.item(), " 手算:", by_hand.item())

# %% [markdown]
# 两个结果一致：$w=0.5$ 时每一项 $w x_i - y_i = -1.5\,x_i$，
# 所以导数是 $\sum_i 2\times(-1.5)\,x_i^2 = -3\times 14 = -42$。
# 每次调用 `.backward()` 梯度都会**累加**，所以训练循环里每一步都要先把梯度清零，
# 后面会看到 `optimizer.zero_grad()`。
#
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

fig, axes = plt.subplots(1, 8, figsize=(8, 1.3))
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

features, targets = next(iter(train_loader))
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

# %%
class MLP(nn.Module):
    def __init__(self, n_in=64, n_hidden=100, n_out=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.activation = nn.ReLU()
        self.output = nn.Linear(n_hidden, n_out)

    def forward(self, x):                       # x: (N, 64)
        a = self.activation(self.hidden(x))     # a: (N, 100)
        return self.output(a)                   # logits: (N, 10)


torch.manual_seed(SEED)
model = MLP().to(device)
print(model)

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
# 注意 `nn.Linear(64, 100)` 的权重形状是 $(100, 64)$，也就是（输出数，输入数），
# 和公式中的 $\boldsymbol{W}^{(l)}$ 一致。

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
# 模型输出的是未归一化的得分 $\boldsymbol{z}$，
# `nn.CrossEntropyLoss` 在内部先做 softmax，再取正确类别 $y$ 的负对数概率：
#
# $$
# \mathcal{L}(\boldsymbol{z}, y) = -\log \frac{\exp(z_y)}{\sum_{c=1}^{C} \exp(z_c)},
# $$
#
# 并对一个批次取平均。所以模型的最后一层**不要**再加 softmax。
#
# 优化器用带动量（momentum）的[随机梯度下降](../ml_basics/sgd.md)，学习率 $\alpha = 0.1$。每一步的流程是：
# 前向计算损失 → `zero_grad()` 清空旧梯度 → `backward()` 反向传播 →
# `step()` 按 $\theta \leftarrow \theta - \alpha\,\boldsymbol{g}$（再加上动量项）更新参数。

# %%
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_one_epoch(model, loader, loss_fn, optimizer):
    """训练一轮，返回这一轮的平均损失和准确率。"""
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
    """在一个数据集上计算平均损失和准确率，不记录梯度。"""
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
# 每一轮（epoch）把训练集完整地过一遍，然后在验证集上评估。训练损失会一直下降，
# 验证损失却会在某个时刻停止下降、
# 甚至回升：模型开始记住训练集的细节，也就是[过拟合](../ml_basics/overfitting.md)。
# **提前停止**（原理见[提前停止](../ml_basics/early_stopping.md)）的做法是：
#
# 1. 每一轮结束后记录验证损失，比历史最好值更低时，保存一份当时的参数；
# 2. 如果连续 `PATIENCE` 轮都没有刷新最好值，就停止训练；
# 3. 训练结束后，把参数恢复成验证损失最低时保存的那一份。
#
# 进度条由 `tqdm` 绘制，每训练一轮前进一格；每一轮的训练/验证指标用 `tqdm.write` 打印在进度条上方，互不干扰。
# 两处都写到标准输出（`file=sys.stdout`），在 Jupyter 里显示为普通输出而不是红色的错误流；
# `bar_format` 去掉了默认显示的耗时和速度，这样每次运行打印的内容完全相同。

# %%
PATIENCE = 5

history = []
best_val_loss, best_epoch, best_state = float("inf"), 0, None
progress = tqdm(total=MAX_EPOCHS, desc="训练", file=sys.stdout,
                bar_format="{desc} |{bar:20}| {n_fmt}/{total_fmt} 轮{postfix}",
                mininterval=0.5)
for epoch in range(1, MAX_EPOCHS + 1):
    train_loss, train_acc = train_one_epoch(
        model, train_loader, loss_fn, optimizer)
    val_loss, val_acc = evaluate(model, val_loader, loss_fn)
    history.append((epoch, train_loss, train_acc, val_loss, val_acc))
    tqdm.write(f"第 {epoch:2d} 轮  "
               f"训练损失 {train_loss:.4f}  训练准确率 {train_acc:.4f}  "
               f"验证损失 {val_loss:.4f}  验证准确率 {val_acc:.4f}",
               file=sys.stdout)
    progress.set_postfix_str(f"验证损失 {val_loss:.4f}", refresh=False)
    progress.update()
    if val_loss < best_val_loss:
        best_val_loss, best_epoch = val_loss, epoch
        best_state = copy.deepcopy(model.state_dict())
    elif epoch - best_epoch >= PATIENCE:
        break
progress.close()

model.load_state_dict(best_state)
print(f"验证损失最低的是第 {best_epoch} 轮：{best_val_loss:.4f}；"
      f"共训练 {epoch} 轮")

# %% [markdown]
# ## 学习曲线
#
# 把每一轮的损失和准确率画出来，就是学习曲线（learning curve）。竖直虚线标出验证损失最低的那一轮，
# 也就是最终保留的参数。

# %%
epochs = [h[0] for h in history]
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.2))
ax_loss.plot(epochs, [h[1] for h in history], label="train")
ax_loss.plot(epochs, [h[3] for h in history], label="validation")
ax_loss.set_xlabel("epoch")
ax_loss.set_ylabel("cross-entropy loss")
ax_acc.plot(epochs, [h[2] for h in history], label="train")
ax_acc.plot(epochs, [h[4] for h in history], label="validation")
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy")
for ax in (ax_loss, ax_acc):
    ax.axvline(best_epoch, color="C2", linestyle="--", label="best epoch")
    ax.legend()
fig.tight_layout()

# %% [markdown]
# ## 在测试集上评估
#
# 所有的选择（网络结构、学习率、何时停止）都已经定下，现在才第一次用测试集。

# %%
test_loss, test_acc = evaluate(model, test_loader, loss_fn)
print(f"测试损失 {test_loss:.4f}  测试准确率 {test_acc:.4f}")

# %% [markdown]
# ## 保存与加载参数
#
# `model.state_dict()` 是一个有序字典，把每个参数的名字映射到它的张量。推荐保存它，而不是整个模型对象：
# 加载时先按同样的结构新建一个模型，再用 `load_state_dict` 把参数装进去。这里存到一个临时目录，
# 运行结束后自动删除。

# %%
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "mlp_digits.pt"
    torch.save(model.state_dict(), path)
    restored = MLP().to(device)
    restored.load_state_dict(torch.load(path, map_location=device))

print("保存的参数:", list(model.state_dict().keys()))
_, restored_acc = evaluate(restored, test_loader, loss_fn)
print(f"加载后的测试准确率: {restored_acc:.4f}")
predictions = restored(test_set.features[:8].to(device)).argmax(dim=1)
print("前 8 个测试样本的预测:", predictions.tolist())
print("前 8 个测试样本的标签:", test_set.targets[:8].tolist())

# %% [markdown]
# ## 小结
#
# - 张量加上自动微分，就是搭建和训练神经网络所需的全部底层工具；反向传播由 `.backward()` 完成。
# - `Dataset` 描述数据，`DataLoader` 负责分批和打乱；模型是 `nn.Module` 的子类，
#   或者用 `nn.Sequential` 串起来。
# - 训练一步 = 前向计算损失、清零梯度、反向传播、更新参数；每轮结束用验证集监控，提前停止防止过拟合。
# - 测试集只在最后用一次；保存和加载用 `state_dict`。
#
# ## 练习
#
# 1. 把隐藏层改成 200 个神经元，参数量变成多少？先用公式算，再运行代码验证。
#
# <details class="success"><summary>答案</summary>
# <p>$(64\times 200 + 200) + (200\times 10 + 10) = 13000 + 2010 = 15010$。</p>
# </details>
#
# 2. 在模型最后再加一层 `nn.Softmax(dim=1)` 会怎样？
#
# <details class="success"><summary>答案</summary>
# <p><code>nn.CrossEntropyLoss</code> 内部已经做了 softmax，再加一层就做了两次。
# 第二次 softmax 的输入是 0 到 1 之间的概率，差距很小：即使模型对正确类别给出概率 1、其余为 0，
# 损失也只能降到 $-\log\dfrac{e}{e+9} = \log(1 + 9/e) \approx 1.4612$，远离 0，梯度也随之变小，
# 训练明显变慢。预测类别（argmax）不受影响，但训练的目标被扭曲了。</p>
# </details>
#
# 3. 在训练循环里删掉 `optimizer.zero_grad()`，会发生什么？
#
# <details class="success"><summary>答案</summary>
# <p>梯度会在各步之间不断累加：每一步用来更新的不再是当前批次的梯度，而是从训练开始到现在所有梯度的和。
# 它的方向被早已过时的梯度主导，长度也越积越大，相当于学习率不断变大，训练会振荡甚至发散。</p>
# </details>
#
# 4. 把 `PATIENCE` 设为 1，训练会在第几轮停止？保留下来的参数在验证集上的准确率大约是多少？
#
# <details class="success"><summary>答案</summary>
# <p>看上面的逐轮输出：第 4 轮的验证损失是 0.1588，第 5 轮回升到 0.2064。
# <code>PATIENCE = 1</code> 时训练在第 5 轮就停止，恢复第 4 轮的参数，
# 它在验证集上的准确率约为 0.96，而耐心为 5 时最终保留的参数约为 0.98。
# 验证损失的曲线本来就有起伏，耐心太小，会把一次偶然的回升误当成过拟合的开始。</p>
# </details>
