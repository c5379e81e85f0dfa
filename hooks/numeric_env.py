"""The numeric environment in which the project runs its code: defined here, used everywhere.

The code-block test's block servers, the pytest workers, the figure renderers, the lab notebooks'
kernels and ``make outputs`` all take their thread settings from ``ENVIRONMENTS``. A printed value must
not depend on them: the code-block test runs every block in each environment and requires the same text.

- ``OPENBLAS_CORETYPE`` and ``OPENBLAS_L2_SIZE`` are set on some machines because older OpenBLAS builds
  compute wrong results on their processors. They are passed through exactly as the machine sets them:
  nothing here sets, changes or drops them (the same page must print the same text whichever kernel a
  reader's numpy picks, so they are not something to pin either).
- What a test may change is the thread count of OpenMP, OpenBLAS and MKL (numpy and torch read them at
  import; torch's intra-op pool follows ``OMP_NUM_THREADS``) and MKL's code path (``MKL_CBWR``, which
  torch's MKL honours): the second environment uses 2 threads and MKL's conditional numerical
  reproducibility mode ``COMPATIBLE``, the first 1 thread with ``MKL_CBWR`` unset.

Imported as ``hooks.numeric_env`` by tests and scripts, and as ``numeric_env`` by the build hooks
(MkDocs puts a hook's folder on ``sys.path`` while it loads the hook).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping

PASS_THROUGH = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
MANAGED = (*THREAD_VARIABLES, "MKL_CBWR")  # what an environment below decides: set to a value or unset


def _threads(n: int) -> dict[str, str]:
    return dict.fromkeys(THREAD_VARIABLES, str(n))


# name -> the value of every MANAGED variable (None: unset). The first is the default.
ENVIRONMENTS: dict[str, dict[str, str | None]] = {
    "1 thread": {**_threads(1), "MKL_CBWR": None},
    "2 threads, MKL_CBWR=COMPATIBLE": {**_threads(2), "MKL_CBWR": "COMPATIBLE"},
}
DEFAULT = next(iter(ENVIRONMENTS))


def _settings(name: str) -> dict[str, str | None]:
    if name not in ENVIRONMENTS:
        raise ValueError(f"name 必须是 {sorted(ENVIRONMENTS)} 之一，收到 {name!r}")
    return ENVIRONMENTS[name]


def variables(name: str = DEFAULT, machine: Mapping[str, str] | None = None) -> dict[str, str]:
    """The variables of environment ``name`` for a child started with a minimal environment: its thread
    settings, plus the pass-through variables exactly as ``machine`` (default ``os.environ``) has them."""
    machine = os.environ if machine is None else machine
    chosen = {k: v for k, v in _settings(name).items() if v is not None}
    return {**chosen, **{k: machine[k] for k in PASS_THROUGH if k in machine}}


def apply(environ: MutableMapping[str, str], name: str = DEFAULT) -> MutableMapping[str, str]:
    """Put environment ``name`` into ``environ`` (e.g. ``os.environ`` or a copy of it) and return it:
    managed variables are set or removed; everything else, the pass-through variables included, is left
    as it is."""
    for key, value in _settings(name).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    return environ


def describe(name: str) -> str:
    """One line for reports, e.g. ``1 thread (OPENBLAS_CORETYPE=Haswell from the machine)``."""
    passed = [f"{k}={os.environ[k]}" for k in PASS_THROUGH if k in os.environ]
    return name + (f" ({', '.join(passed)} from the machine)" if passed else "")
