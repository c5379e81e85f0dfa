import pytest

from snippets.feedforward.universal_approximation.ex03_generalisation import noisy_samples, train_test_errors


def test_page_table():
    # prose table: train and test RMSE of widths 2..64 fitted to 12 noisy samples
    rows = train_test_errors([2, 4, 8, 16, 32, 64])
    shown = [(f"{tr:.3f}", f"{te:.3f}") for tr, te in rows]
    assert shown == [("0.376", "0.649"), ("0.136", "0.237"), ("0.112", "12.596"),
                     ("0.000", "52.812"), ("0.000", "1.272"), ("0.000", "0.520")]


def test_wider_fits_training_data_exactly_but_generalises_worse_than_width_4():
    # prose: from n = 16 on the 12 samples are interpolated (train error 0), yet every width
    # above 4 has a larger test error than width 4
    rows = dict(zip([4, 8, 16, 32, 64], train_test_errors([4, 8, 16, 32, 64]), strict=True))
    assert all(rows[n][0] < 1e-6 for n in (16, 32, 64))
    assert all(rows[n][1] > rows[4][1] for n in (8, 16, 32, 64))
    assert all(rows[n][0] < rows[4][0] for n in (8, 16, 32, 64))


def test_samples_are_reproducible_and_noisy():
    x1, y1 = noisy_samples()
    x2, y2 = noisy_samples()
    assert (x1 == x2).all() and (y1 == y2).all() and len(x1) == 12
    assert (x1[1:] > x1[:-1]).all() and 0 <= x1[0] and x1[-1] <= 1


@pytest.mark.parametrize("N", [1, 0, 2.5, True])
def test_bad_sample_count_names_the_argument(N):
    with pytest.raises(ValueError, match=r"^N "):
        noisy_samples(N)
