import sympy as sp

from snippets.feedforward.autodiff import ex02_symbolic


def test_sigmoid_derivative_is_sigma_times_one_minus_sigma():
    # prose: sympy gives exp(-x)/(1 + exp(-x))**2, which simplifies to sigma (1 - sigma)
    x = sp.Symbol("x")
    sigma = 1 / (1 + sp.exp(-x))
    assert str(sp.diff(sigma, x)) == "exp(-x)/(1 + exp(-x))**2"
    assert sp.simplify(sp.diff(sigma, x) - sigma * (1 - sigma)) == 0


def test_expression_swell_of_the_logistic_map():
    # prose table: count_ops of l_n and of its derivative; the derivative grows about 10 times faster at n = 6
    x = sp.Symbol("x")
    l, rows = x, []
    for n in range(1, 7):
        rows.append((n, sp.count_ops(l), sp.count_ops(sp.diff(l, x))))
        l = 4 * l * (1 - l)
    assert rows == [(1, 0, 0), (2, 3, 2), (3, 8, 21), (4, 18, 82), (5, 38, 264), (6, 78, 768)]
    # a program computes l_n with 3 (n - 1) operations
    assert [3 * (n - 1) for n in range(1, 7)] == [0, 3, 6, 9, 12, 15]
    ratios = [d / f for _, f, d in rows[2:]]
    assert round(ratios[0], 1) == 2.6 and round(ratios[-1], 1) == 9.8         # prose: 2.6 and close to 10
    assert all(b > a for a, b in zip(ratios[:-1], ratios[1:], strict=True))   # the gap keeps widening
    # the derivative is still right
    x0 = sp.Rational(1, 3)
    assert sp.diff(l, x).subs(x, x0) == sp.diff(sp.expand(l), x).subs(x, x0)


def test_a_symbolic_if_is_refused_and_piecewise_works():
    x = sp.Symbol("x")
    try:
        bool(x > 0)
    except TypeError as error:
        assert str(error).split(":")[0] == "cannot determine truth value of Relational"
    else:
        raise AssertionError("sympy decided x > 0")
    y = sp.Piecewise((x ** 2, x > 0), (3 * x, True))
    assert str(sp.diff(y, x)) == "Piecewise((2*x, x > 0), (3, True))"


def test_main_runs(capsys):
    ex02_symbolic.main()
    assert capsys.readouterr().out.splitlines()[-1] == "Piecewise((2*x, x > 0), (3, True))"
