from snippets.ml_basics.sgd.ex02_torch_sgd import main


def test_torch_loop_reaches_the_closed_form(capsys):
    # page: the PyTorch loop also ends within 0.02 of the closed form; printed values as shown
    w, b, w_ls, b_ls = main()
    assert abs(w - w_ls) < 0.02 and abs(b - b_ls) < 0.02
    assert capsys.readouterr().out.splitlines() == ["2.001 0.993 2.009 0.992", "True"]
