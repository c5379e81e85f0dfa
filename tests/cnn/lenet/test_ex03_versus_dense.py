
from snippets.cnn.lenet import ex03_versus_dense as ex
from snippets.cnn.lenet.ex01_lenet import lenet5
from snippets.cnn.lenet.ex03_versus_dense import dense_equivalent


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_page_numbers():
    rows = dense_equivalent(lenet5(), (1, 32, 32))
    # "C1：1024 个输入、4704 个输出 … 4 821 600 个参数，是 156 的约 3 万倍"
    assert rows[0][1:] == (1024, 6 * 28 * 28, 156, (1024 + 1) * 4704) and rows[0][4] == 4821600
    assert round(4821600 / 156, -3) == 31000
    # "C3：1 883 200 对 2416"; "C5 一样多"; total "6 763 934，是 61 706 的约 110 倍"
    assert rows[1][3:] == (2416, 1883200) and rows[2][3] == rows[2][4] == 48120
    assert sum(r[4] for r in rows) == 6763934 and round(6763934 / 61706) == 110
    # "直接把像素接到 120-84-10 的全连接头：134 014 个参数，是 LeNet-5 的 2.2 倍"
    assert (1024 + 1) * 120 + (120 + 1) * 84 + (84 + 1) * 10 == 134014
    assert round(134014 / 61706, 1) == 2.2
