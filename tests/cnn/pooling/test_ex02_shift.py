import contextlib
import io

import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.pooling.ex02_shift import edge_maps, main, survival


def test_page_numbers():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main()
    # prose: no pooling 4 % and 0.33; stride 2 the same; max 2×2 31 % and 0.66; 3×3 50 % and 0.89;
    # 4×4 61 % and 0.93; average 2×2 6 % and 0.64
    assert out.getvalue().splitlines() == [
        "no pooling  (0.04, 0.33)", "stride 2    (0.04, 0.33)", "max 2x2     (0.31, 0.66)",
        "max 3x3     (0.5, 0.89)", "max 4x4     (0.61, 0.93)", "average 2x2 (0.06, 0.64)"]


def test_feature_map_is_shift_equivariant_and_pooling_helps():
    Y, Y_shift = edge_maps()
    assert Y.shape == (1, 1, 425, 638)
    assert torch.equal(Y_shift[..., 1:], Y[..., :-1])        # the map moved by one column, exactly
    unchanged = [survival(F.max_pool2d(Y, K), F.max_pool2d(Y_shift, K))[0] for K in (1, 2, 3, 4)]
    assert unchanged == sorted(unchanged) and unchanged[0] < 0.1 < unchanged[1]
    # a global max pooling is exactly invariant here (the new left column holds no maximum)
    assert Y.max() == Y_shift.max()


def test_survival_rejects_different_shapes():
    with pytest.raises(ValueError, match=r"^A, B "):
        survival(torch.zeros(1, 1, 3, 3), torch.zeros(1, 1, 3, 4))
