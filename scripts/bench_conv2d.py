"""Benchmark of 2-D cross-correlation: plain loop, vectorised numpy, torch (all on one thread).

Run with ``make bench`` (or ``.venv/bin/python scripts/bench_conv2d.py``). Writes
``snippets/cnn/cross_correlation/bench_results.json``, which the page's figure reads
(the build's figure cache is keyed on every file under snippets/, so the figure is redrawn).
This is a measurement, not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

from snippets.cnn.cross_correlation.ex01_corr2d import corr2d  # noqa: E402
from snippets.cnn.cross_correlation.ex02_conv2d_vectorised import conv2d  # noqa: E402

OUT = ROOT / "snippets" / "cnn" / "cross_correlation" / "bench_results.json"
CROP = 12          # the plain loop runs on a CROP×CROP corner of the large input only


def conv2d_loop_multi(X, W):
    """Multi-channel cross-correlation from the plain single-channel loop ``corr2d``."""
    N, C = X.shape[:2]
    Y = [[sum(corr2d(X[n, c], W[o, c]) for c in range(C)) for o in range(W.shape[0])] for n in range(N)]
    return np.array(Y)


def best_time(fn, budget_s=1.0, min_repeats=5, max_repeats=200):
    """Best wall time (s) of fn() over repeats that fit in about budget_s (after one warm-up)."""
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < min_repeats or (time.perf_counter() - start < budget_s and len(times) < max_repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), len(times)


def case(name, X, W, loop_input=None, channels_last=False):
    """Time the three implementations on X, W; the loop on loop_input (a crop) if given.

    With channels_last, also time torch on the same tensors in the (N, H, W, C) memory layout,
    which is oneDNN's preferred layout on CPU (the default NCHW call converts layouts each time).
    """
    Xt, Wt = torch.from_numpy(X), torch.from_numpy(W)
    expected = F.conv2d(Xt, Wt).numpy()
    np.testing.assert_allclose(conv2d(X, W), expected, atol=1e-4)
    result = {"name": name, "input_shape": list(X.shape), "kernel_shape": list(W.shape),
              "output_shape": list(expected.shape), "dtype": str(X.dtype)}
    with threadpool_limits(limits=1):
        result["torch_s"], result["torch_repeats"] = best_time(lambda: F.conv2d(Xt, Wt))
        result["vectorised_s"], result["vectorised_repeats"] = best_time(lambda: conv2d(X, W))
        if channels_last:
            Xc = Xt.contiguous(memory_format=torch.channels_last)
            Wc = Wt.contiguous(memory_format=torch.channels_last)
            np.testing.assert_allclose(F.conv2d(Xc, Wc).numpy(), expected, atol=1e-4)
            result["torch_channels_last_s"], _ = best_time(lambda: F.conv2d(Xc, Wc))
        X_loop = X if loop_input is None else loop_input
        np.testing.assert_allclose(conv2d_loop_multi(X_loop, W), conv2d(X_loop, W), atol=1e-4)
        loop_s, result["loop_repeats"] = best_time(lambda: conv2d_loop_multi(X_loop, W), budget_s=2.0,
                                                   min_repeats=3, max_repeats=50)
    if loop_input is None:
        result["loop_s"], result["loop_measured_on"] = loop_s, list(X.shape)
    else:
        # per output value the loop does the same work, so scale by the number of outputs
        crop_outputs = (loop_input.shape[2] - W.shape[2] + 1) * (loop_input.shape[3] - W.shape[3] + 1)
        full_outputs = expected.shape[2] * expected.shape[3]
        result["loop_measured_on"] = list(loop_input.shape)
        result["loop_crop_s"] = loop_s
        result["loop_s"] = loop_s * full_outputs / crop_outputs
        result["loop_extrapolated"] = True
    result["vectorised_over_torch"] = result["vectorised_s"] / result["torch_s"]
    result["loop_over_torch"] = result["loop_s"] / result["torch_s"]
    if channels_last:
        ratio = result["vectorised_s"] / result["torch_channels_last_s"]
        result["vectorised_over_torch_channels_last"] = ratio
    return result


def machine():
    model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    blas = [f"{i.get('internal_api')} {i.get('version')}"
            for i in threadpool_info() if i.get("user_api") == "blas"]
    return {"cpu": model, "cores": os.cpu_count(), "threads_used": 1,
            "python": platform.python_version(), "numpy": np.__version__, "torch": torch.__version__,
            "blas": blas, "platform": platform.platform(), "date": dt.date.today().isoformat()}


def main():
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    X3 = np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3)
    W2 = np.array([[0, 1], [2, 3]], dtype=np.float32).reshape(1, 1, 2, 2)
    X5 = np.array([[1, 1, 1, 1, 1], [-1, 0, -3, 0, 1], [2, 1, 1, -1, 0], [0, -1, 1, 2, 1], [1, 2, 1, 1, 1]],
                  dtype=np.float32).reshape(1, 1, 5, 5)
    W3 = np.array([[1, 0, 0], [0, 0, 0], [0, 0, -1]], dtype=np.float32).reshape(1, 1, 3, 3)
    X224 = rng.standard_normal((1, 3, 224, 224)).astype(np.float32)
    W64 = rng.standard_normal((64, 3, 3, 3)).astype(np.float32)
    cases = [
        case("3x3 * 2x2", X3, W2),
        case("5x5 * 3x3", X5, W3),
        case("1x3x224x224 * 64x3x3x3", X224, W64, loop_input=X224[:, :, :CROP, :CROP],
             channels_last=True),
    ]
    results = {"machine": machine(),
               "timing": "best of repeated runs, seconds, one thread for numpy and torch",
               "cases": cases}
    OUT.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for c in cases:
        print(f"{c['name']:>24}: loop {c['loop_s'] * 1e3:10.3f} ms"
              f"   vectorised {c['vectorised_s'] * 1e3:8.3f} ms   torch {c['torch_s'] * 1e3:8.3f} ms"
              f"   vectorised/torch {c['vectorised_over_torch']:.2f}")
    big = cases[-1]
    print(f"{'':>24}  torch channels_last {big['torch_channels_last_s'] * 1e3:.3f} ms"
          f"   vectorised/torch(channels_last) {big['vectorised_over_torch_channels_last']:.2f}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    print("the page states these numbers: update docs/cnn/cross_correlation.md"
          " (tests/cnn/cross_correlation/test_figures.py checks them)")


if __name__ == "__main__":
    main()
