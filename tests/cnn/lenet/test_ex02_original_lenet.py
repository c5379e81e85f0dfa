
from snippets.cnn.lenet import ex02_original_lenet as ex


def test_main_prints_its_shown_lines(prints_what_it_shows):
    prints_what_it_shows(ex)


def test_original_counts():
    # prose: 60 kernels (6 of 3 inputs, 9 of 4, 1 of 6): 1516; S2 12, S4 32, RBF 840; total 60840;
    # 61706 - 60840 = 866 more in the modern variant
    assert 6 * 3 + 9 * 4 + 1 * 6 == 60 and 60 * 25 + 16 == 1516
    assert 156 + 12 + 1516 + 32 + 48120 + 10164 + 840 == 60840
    # "C3 少了 900 个，两个汇聚层多了 44 个，输出层少了 10 个偏置"
    assert (6 * 25 + 1) * 16 - 1516 == 900 and 12 + 32 == 44 and 850 - 840 == 10
    assert 61706 - 60840 == 866 == 900 - 44 + 10
