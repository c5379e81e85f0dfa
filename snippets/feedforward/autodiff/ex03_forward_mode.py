"""前向模式自动微分：对偶数 a + a' ε（ε^2 = 0）把导数和函数值一起往前算。"""

# --8<-- [start:dual]
import math


class Dual:
    """对偶数 val + dot·ε：val 是中间变量的值，dot 是它沿选定方向的导数（切向量）。"""

    ops = 0                                   # 做过的基本运算次数（比较代价时用）

    def __init__(self, val, dot=0.0):
        self.val, self.dot = float(val), float(dot)

    def __add__(self, other):                 # (u + v)' = u' + v'
        Dual.ops += 1
        other = lift(other)
        return Dual(self.val + other.val, self.dot + other.dot)

    def __mul__(self, other):                 # (u v)' = u' v + u v'
        Dual.ops += 1
        other = lift(other)
        return Dual(self.val * other.val, self.dot * other.val + self.val * other.dot)

    def __neg__(self):
        Dual.ops += 1
        return Dual(-self.val, -self.dot)

    def __rtruediv__(self, c):                # (c / u)' = -c u' / u^2，c 是常数
        Dual.ops += 1
        return Dual(c / self.val, -c * self.dot / self.val ** 2)

    def exp(self):                            # (e^u)' = e^u u'
        Dual.ops += 1
        e = math.exp(self.val)
        return Dual(e, e * self.dot)

    __radd__, __rmul__ = __add__, __mul__


def lift(x):
    """常数 c 看作 c + 0·ε。"""
    return x if isinstance(x, Dual) else Dual(x)


def jvp(f, primals, tangents):
    """前向模式：一次前向计算同时得到 f(primals) 和方向导数 J v（v = tangents）。"""
    if len(primals) != len(tangents):
        raise ValueError(f"tangents 的个数必须与 primals 相同（{len(primals)}），收到 {len(tangents)}")
    out = f(*(Dual(p, t) for p, t in zip(primals, tangents, strict=True)))
    return out.val, out.dot
# --8<-- [end:dual]


# --8<-- [start:unit]
def logistic_unit(x, w, b):
    """书中的例子 f(x; w, b) = 1 / (exp(-(w x + b)) + 1)。"""
    return 1 / ((-(w * x + b)).exp() + 1)
# --8<-- [end:unit]


def main():
    # --8<-- [start:usage]
    primals = (1.0, 0.0, 0.0)                     # x = 1, w = 0, b = 0
    print(jvp(logistic_unit, primals, (0.0, 1.0, 0.0)))   # 切向量选 w 方向：得到 df/dw
    #> (0.5, 0.25)
    print(jvp(logistic_unit, primals, (0.0, 0.0, 1.0)))   # 再走一遍，得到 df/db
    #> (0.5, 0.25)
    # --8<-- [end:usage]

    # --8<-- [start:torch_check]
    import torch
    from torch.func import jvp as torch_jvp

    def torch_unit(x, w, b):                      # 同一个公式，用 torch 的运算写
        return 1 / (torch.exp(-(w * x + b)) + 1)

    primals, tangents = (0.7, -1.3, 0.4), (0.2, 1.0, -0.5)      # 随便取一个点和一个方向
    ours = jvp(logistic_unit, primals, tangents)
    value, dot = torch_jvp(torch_unit, tuple(torch.tensor(p, dtype=torch.float64) for p in primals),
                           tuple(torch.tensor(t, dtype=torch.float64) for t in tangents))
    print(abs(ours[0] - value.item()) < 1e-12, abs(ours[1] - dot.item()) < 1e-12)
    #> True True
    # --8<-- [end:torch_check]


if __name__ == "__main__":
    main()
