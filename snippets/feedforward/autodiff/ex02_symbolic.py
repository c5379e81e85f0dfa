"""符号微分：sympy 按求导法则变换表达式。表达式会膨胀，也容不下依赖数值的控制流。"""


def main():
    # --8<-- [start:usage_sigmoid]
    import sympy as sp

    x = sp.Symbol("x")
    sigma = 1 / (1 + sp.exp(-x))
    print(sp.diff(sigma, x))                    # 求导法则一步步套出来的结果
    #> exp(-x)/(1 + exp(-x))**2
    print(sp.simplify(sp.diff(sigma, x) - sigma * (1 - sigma)))   # 就是 sigma (1 - sigma)，只是没认出来
    #> 0
    # --8<-- [end:usage_sigmoid]

    # --8<-- [start:usage_swell]
    import sympy as sp

    x = sp.Symbol("x")
    l = x                                       # l_1 = x
    for n in range(1, 7):
        dl = sp.diff(l, x)
        print(n, sp.count_ops(l), sp.count_ops(dl))   # 表达式 l_n 与它的导数各有多少个运算
        l = 4 * l * (1 - l)                     # l_{n+1} = 4 l_n (1 - l_n)
    #> 1 0 0
    #> 2 3 2
    #> 3 8 21
    #> 4 18 82
    #> 5 38 264
    #> 6 78 768
    # --8<-- [end:usage_swell]

    # --8<-- [start:usage_branch]
    import sympy as sp

    x = sp.Symbol("x")
    try:
        if x > 0:                               # 符号 x 没有值，分不出真假
            y = x ** 2
    except TypeError as error:
        print(type(error).__name__, "|", str(error).split(":")[0])
    #> TypeError | cannot determine truth value of Relational
    y = sp.Piecewise((x ** 2, x > 0), (3 * x, True))      # 分支只能写成表达式的一部分
    print(sp.diff(y, x))
    #> Piecewise((2*x, x > 0), (3, True))
    # --8<-- [end:usage_branch]


if __name__ == "__main__":
    main()
