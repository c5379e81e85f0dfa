"""One numeric environment for everything that runs the project's code (hooks/numeric_env.py)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hooks import figures as figures_hook
from hooks import numeric_env

MACHINE = {"PATH": "/bin", "OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_L2_SIZE": "262144", "MKL_CBWR": "AVX2"}


def test_variables_pass_the_machine_settings_through_and_decide_only_threads_and_mkl():
    first = numeric_env.variables(numeric_env.DEFAULT, MACHINE)
    assert first == {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                     "OPENBLAS_CORETYPE": "Haswell", "OPENBLAS_L2_SIZE": "262144"}
    second = numeric_env.variables("2 threads, MKL_CBWR=COMPATIBLE", MACHINE)
    assert second["OMP_NUM_THREADS"] == "2" and second["MKL_CBWR"] == "COMPATIBLE"
    assert second["OPENBLAS_CORETYPE"] == "Haswell" and second["OPENBLAS_L2_SIZE"] == "262144"
    # a machine that sets neither gets neither: nothing is invented
    assert not set(numeric_env.PASS_THROUGH) & set(numeric_env.variables(machine={"PATH": "/bin"}))


def test_apply_sets_or_removes_only_managed_variables():
    env = numeric_env.apply(dict(MACHINE))
    assert "MKL_CBWR" not in env and env["OMP_NUM_THREADS"] == "1"
    assert {k: env[k] for k in ("PATH", *numeric_env.PASS_THROUGH)} == \
        {k: MACHINE[k] for k in ("PATH", *numeric_env.PASS_THROUGH)}
    with pytest.raises(ValueError, match="^name "):
        numeric_env.apply({}, "3 threads")


def test_the_environments_differ_in_what_tests_may_change():
    (_, first), (_, second) = numeric_env.ENVIRONMENTS.items()
    assert set(first) == set(second) == set(numeric_env.MANAGED)
    assert first["OMP_NUM_THREADS"] != second["OMP_NUM_THREADS"] and first["MKL_CBWR"] != second["MKL_CBWR"]
    assert not set(numeric_env.PASS_THROUGH) & set(numeric_env.MANAGED)


def test_this_test_process_computes_in_the_default_environment():
    # tests/conftest.py applied it before numpy and torch were imported
    import numpy  # noqa: F401  (loads OpenBLAS, so that threadpoolctl sees it)
    from threadpoolctl import threadpool_info

    wanted = numeric_env.variables()
    assert {k: os.environ.get(k) for k in wanted} == wanted and "MKL_CBWR" not in os.environ
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas), blas
    probe = "import torch; print(torch.get_num_threads())"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout == "1\n"


def test_figure_renderers_get_the_default_environment(monkeypatch, tmp_path):
    seen = []

    class Recorder:
        def __init__(self, cmd, env, **kwargs):
            seen.append(env)

    monkeypatch.setattr(figures_hook.subprocess, "Popen", Recorder)
    figures_hook.start_drawing(tmp_path, tmp_path / "cache", ["cnn/conv1d"])
    assert len(seen) == 2
    for env in seen:
        assert {k: env.get(k) for k in numeric_env.variables()} == numeric_env.variables()
        assert "MKL_CBWR" not in env and env["PYTHONDONTWRITEBYTECODE"] == "1"
