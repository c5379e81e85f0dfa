"""The oracle of this page's tests: torch.optim on the ill-conditioned quadratic of 1.3, from (-5, 1)."""

import numpy as np
import pytest
import torch

from snippets.ml_basics.gradient_descent.ex03_ill_conditioned import H

START = [-5.0, 1.0]


@pytest.fixture(scope="session")
def torch_path():
    """``torch_path(torch.optim.SGD, steps, lr=..., momentum=...)``: the points torch's optimiser visits
    (float64), starting point included."""

    def path(optimizer_class, steps, **kwargs):
        theta = torch.tensor(START, dtype=torch.float64, requires_grad=True)
        optimizer = optimizer_class([theta], **kwargs)
        points = [theta.detach().clone().numpy()]
        for _ in range(steps):
            optimizer.zero_grad()
            (0.5 * (torch.from_numpy(H) * theta ** 2).sum()).backward()
            optimizer.step()
            points.append(theta.detach().clone().numpy())
        return np.array(points)

    return path
