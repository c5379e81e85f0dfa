import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest
import torch
import torch.nn.functional as F

from snippets.cnn.cross_correlation import figures

ROOT = Path(__file__).resolve().parents[3]
PAGE = ROOT / "docs" / "cnn" / "cross_correlation.md"


def results():
    return json.loads(figures.BENCH_FILE.read_text(encoding="utf-8"))


def big_case():
    [case] = [c for c in results()["cases"] if c["input_shape"] == [1, 3, 224, 224]]
    return case


def test_bench_file_describes_the_machine_and_the_three_sizes():
    data = results()
    for key in ("cpu", "cores", "numpy", "torch", "threads_used"):
        assert key in data["machine"]
    assert data["machine"]["threads_used"] == 1
    shapes = [(c["input_shape"], c["kernel_shape"]) for c in data["cases"]]
    assert shapes == [([1, 1, 3, 3], [1, 1, 2, 2]), ([1, 1, 5, 5], [1, 1, 3, 3]),
                      ([1, 3, 224, 224], [64, 3, 3, 3])]
    for c in data["cases"]:
        assert c["vectorised_over_torch"] == pytest.approx(c["vectorised_s"] / c["torch_s"])
    assert big_case()["loop_extrapolated"] is True and big_case()["loop_measured_on"] == [1, 3, 12, 12]


def test_plotted_bars_are_the_numbers_in_the_json():
    cases = results()["cases"]
    fig = figures.bench_figure()
    try:
        ax = fig.axes[0]
        widths = [rect.get_width() for container in ax.containers for rect in container]
        expected = [c[key] * 1e3 for key, _ in figures.METHODS for c in cases if key in c]
        assert widths == pytest.approx(expected, rel=1e-12)
        assert len(widths) == 3 * 3 + 1          # loop, vectorised, torch on 3 sizes + channels_last once
        labels = [t.get_text() for t in ax.texts]
        assert labels == [figures.time_label(ms) for ms in expected]
        assert "85 s" in labels and "3.3 ms" in labels and "2 ms" in labels
    finally:
        plt.close(fig)


def benchmark_section():
    text = PAGE.read_text(encoding="utf-8")
    return text.split("## 速度对比", 1)[1].split("\n## ", 1)[0]


def test_page_states_the_numbers_of_the_json():
    big = big_case()
    small = results()["cases"][0]
    section = benchmark_section()
    main, footnote = section.split("[^nchw]:", 1)
    # prose (leads with the fair comparison): channels_last 2.0 ms, vectorised 3.3 ms, 1.70 times; loop 85 s
    expected_main = {
        f"{big['vectorised_s'] * 1e3:.1f} ms", f"{big['torch_channels_last_s'] * 1e3:.1f} ms",
        f"{big['loop_s']:.0f} s",
        f"{small['loop_s'] * 1e6:.0f} µs", f"{small['vectorised_s'] * 1e6:.0f} µs",
        f"{small['torch_s'] * 1e6:.0f} µs",
    }
    assert set(re.findall(r"\d+(?:\.\d+)? (?:ms|µs|s)(?![a-z])", main)) == expected_main
    assert re.findall(r"(\d+\.\d+) 倍", main) == [f"{big['vectorised_over_torch_channels_last']:.2f}"]
    # the footnote: the default NCHW call, 43.0 ms, slower than the vectorised version
    assert re.findall(r"\d+(?:\.\d+)? ms", footnote) == [f"{big['torch_s'] * 1e3:.1f} ms"]
    assert big["torch_s"] > big["vectorised_s"]
    # prose: measured on a 2-core machine
    assert f"{results()['machine']['cores']} 核" in main
    # prose: the loop is more than ten thousand times slower than the vectorised version
    assert "上万倍" in main and 1e4 <= big["loop_s"] / big["vectorised_s"] < 1e5
    # prose: on the 3×3 example the loop beats the vectorised version, and torch beats both
    assert small["torch_s"] < small["loop_s"] < small["vectorised_s"]


def test_target_vectorised_within_three_times_of_torch():
    big = big_case()
    assert big["vectorised_over_torch_channels_last"] <= 3
    assert 1 < big["vectorised_over_torch_channels_last"]       # "在同一个数量级" and torch is faster


def test_corr_example_figure_shows_the_lecture_numbers():
    X, W, Y = figures.example()
    assert Y.tolist() == [[19, 25], [37, 43]]
    expected = F.conv2d(torch.arange(9.0).view(1, 1, 3, 3), torch.tensor([[[[0.0, 1], [2, 3]]]]))
    assert np.array_equal(Y, expected[0, 0].numpy())
    fig = figures.corr_example_figure()
    try:
        texts = [[t.get_text() for t in ax.texts] for ax in fig.axes]
        assert [t for t in texts[0] if not t.startswith("$")] == [str(v) for v in range(9)]
        assert texts[1] == ["0", "1", "2", "3"]
        assert texts[2] == ["19", "25", "37", "43"]
    finally:
        plt.close(fig)
