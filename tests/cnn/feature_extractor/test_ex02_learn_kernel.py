import contextlib
import io

import torch
import torch.nn.functional as F

from snippets.cnn.feature_extractor.ex01_kernels import KERNELS
from snippets.cnn.feature_extractor.ex02_learn_kernel import main


def test_prints_the_page_output():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main()
    # prose: the error falls from 17.6 to almost 0; the learned kernel is sobel_x rotated by 180°
    assert out.getvalue().splitlines() == [
        "0 17.6", "10 5.3e-07", "True", "[[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]"]
    rotated = torch.from_numpy(KERNELS["sobel_x"]).flip(-2, -1)
    assert rotated.tolist() == [[1.0, 0.0, -1.0], [2.0, 0.0, -2.0], [1.0, 0.0, -1.0]]


def test_learning_recovers_the_rotated_kernel_exactly_enough():
    torch.manual_seed(3)
    X = torch.randn(1, 1, 10, 10, dtype=torch.float64)
    target = torch.from_numpy(KERNELS["laplacian"] + KERNELS["sobel_y"]).view(1, 1, 3, 3)
    Y = F.conv2d(X, target.flip(-2, -1))
    conv = torch.nn.Conv2d(1, 1, 3, bias=False, dtype=torch.float64)
    optimizer = torch.optim.SGD(conv.parameters(), lr=0.3)
    for _ in range(100):
        loss = F.mse_loss(conv(X), Y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.testing.assert_close(conv.weight.detach(), target.flip(-2, -1), atol=1e-6, rtol=0)


def test_rotation_is_not_the_left_right_flip_in_general():
    # exercise 2 answer: sobel_x is up-down symmetric, so rot180 = left-right flip; sobel_y is not
    sx, sy = KERNELS["sobel_x"], KERNELS["sobel_y"]
    assert (sx[::-1, ::-1] == sx[:, ::-1]).all()
    assert (sy[:, ::-1] == sy).all() and (sy[::-1, ::-1] == -sy).all()
