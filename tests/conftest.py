"""Shared fixtures: one strict, offline build of the site per test session."""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `import snippets` from any working directory

from hooks import numeric_env  # noqa: E402
from tests.site.nav import load_config, nav_titles  # noqa: E402

# The workers compute in the project's default numeric environment (one thread: two xdist workers share
# two cores, and torch's OpenMP threads spinning on each other's core made the unit tests 30 % slower),
# the same as the block servers' first environment and the figure renderers. Set before any test module
# imports numpy or torch; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE pass through as the machine sets them.
numeric_env.apply(os.environ)

# ---------------------------------------------------------------- the nav of mkdocs.yml
@pytest.fixture(scope="session")
def prints_what_it_shows():
    """``prints_what_it_shows(module)`` runs a snippet module's ``main()`` and requires that it prints
    exactly the module's ``#>`` lines, in order (the code-block test checks the page's blocks; this checks
    the module itself, in the page's unit tests)."""

    def check(module) -> None:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            module.main()
        shown = re.findall(r"^\s*#> ?(.*)$", inspect.getsource(module), re.M)
        assert out.getvalue().splitlines() == shown

    return check


@pytest.fixture(scope="session")
def run_notebook(tmp_path_factory):
    """``run_notebook(ipynb_text)``: the notebook run top to bottom in a fresh Jupyter kernel, as Restart &
    Run All does, in an empty folder (the kernel talks over IPC sockets: the tests may have no network)."""
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    def run(text: str):
        nb = nbformat.reads(text, as_version=4)
        folder = tmp_path_factory.mktemp("kernel")
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(folder / "k")}})
        NotebookClient(nb, kernel_name="python3", timeout=300, allow_errors=False, coalesce_streams=True,
                       config=config, resources={"metadata": {"path": str(folder)}}).execute()
        return nb

    return run


@pytest.fixture(scope="session")
def nav_title():
    """``nav_title("cnn/lab_cnn.py")`` -> its numbered title in mkdocs.yml, never hard-coded in a test
    (inserting a page renumbers the rest); fails, naming the page, if it is not in the nav."""
    titles = nav_titles(load_config(ROOT / "mkdocs.yml").get("nav") or [])

    def title(path: str) -> str:
        if path not in titles:
            pytest.fail(f"{path} is not in the nav of mkdocs.yml: add it to its chapter with a numbered "
                        f"title, e.g. '- 2.8 标题: {path}'")
        return titles[path]

    return title


# ---------------------------------------------------------------- one page only (make test-page)
def pytest_addoption(parser):
    parser.addoption("--page", action="append", default=[], metavar="CHAPTER/PAGE",
                     help="site-wide checks look at this page only (repeatable): `make test-page` uses it")


def page_of_item(item) -> str | None:
    """The page a site-wide test item is about, from its parameters (None: not about one page)."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if isinstance(params.get("rel"), str):                     # a page's URL path, "cnn/conv1d/"
        return params["rel"].strip("/") or "index"
    key = params.get("key")
    if isinstance(key, tuple) and str(key[0]).endswith(".figures"):  # (figures module, figure name)
        return key[0].removeprefix("snippets.").removesuffix(".figures").replace(".", "/")
    return None


# make test-page runs `pytest -n 2 --dist loadgroup`: xdist hands each worker one unit of work, then one more
# each (a unit: a module, or a group). These units go first, in this order, so that worker 1 runs the browser
# check and then the figures, worker 2 the code blocks and then the phone check: each browser starts, and the
# block servers start, while the site builds. The two browser checks are in one module: a group each.
FAST_LOOP_UNITS = {"test_page_is_clean_in_the_browser": "browser", "test_every_python_block_runs_and_prints_"
                   "what_it_shows": None, "test_every_figure_renders_in_both_styles": None,
                   "test_page_fits_a_phone": "phone"}


@pytest.hookimpl(tryfirst=True)  # before xdist's hook, which reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    pages = {p.strip("/") for p in config.getoption("page")}
    if not pages:
        return
    chosen, deselected = [], []
    for item in items:
        page = page_of_item(item)
        (deselected if page is not None and page not in pages else chosen).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
    order = list(FAST_LOOP_UNITS)
    for item in chosen:
        if FAST_LOOP_UNITS.get(item.originalname):
            item.add_marker(pytest.mark.xdist_group(FAST_LOOP_UNITS[item.originalname]))
    chosen.sort(key=lambda item: order.index(item.originalname) if item.originalname in order else len(order))
    items[:] = chosen


@pytest.fixture(scope="session")
def only_pages(request) -> set[str]:
    """The pages given with --page (empty: every page)."""
    return {p.strip("/") for p in request.config.getoption("page")}


def offline(cmd: list[str]) -> list[str]:
    """Prefix ``cmd`` so that it runs in a new network namespace: no network at all."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.fail("`unshare` (util-linux) is required to prove that the site works offline")
    return [unshare, "--map-root-user", "--net", *cmd]


@pytest.fixture(scope="session", name="offline")
def offline_fixture():
    """The ``offline`` command wrapper, for tests that start processes."""
    return offline


# ---------------------------------------------------------------- the site, built once per run
# The build is the longest step before most site checks can start. For the runs that surely need it (the
# whole suite, and `make test-page`, i.e. --page) the controller starts it in pytest_configure, so it runs
# while the xdist workers start and collect (about 4 s); ``site_dir`` then waits for it. The variable names
# the controller's process id, so that a pytest run started by a test (the scaffold test) builds its own.
EARLY_BUILD = "NNDL_EARLY_SITE_BUILD"
_early: dict = {}


def wants_early_build(config) -> bool:
    if os.environ.get("PYTEST_XDIST_WORKER") or config.option.collectonly:
        return False
    return bool(config.getoption("page")) or config.args_source == pytest.Config.ArgsSource.TESTPATHS


def pytest_configure(config):
    if not wants_early_build(config):
        return
    folder = Path(tempfile.mkdtemp(prefix="nndl-site-"))
    process = start_build(folder / "site")

    def finish() -> None:
        log = process.communicate()[0]
        (folder / ("built" if process.returncode == 0 else "failed")).write_text(log, encoding="utf-8")

    threading.Thread(target=finish, daemon=True).start()
    _early.update(folder=folder, process=process)
    os.environ[EARLY_BUILD] = f"{os.getpid()}:{folder}"


def pytest_unconfigure(config):
    if _early:
        os.environ.pop(EARLY_BUILD, None)
        _early["process"].kill()  # finished already unless the run stopped early
        _early["process"].wait()
        shutil.rmtree(_early.pop("folder"), ignore_errors=True)
        _early.clear()


def early_build() -> Path | None:
    """The folder of the build this run's controller started, if it started one (see above)."""
    pid, _, folder = os.environ.get(EARLY_BUILD, "").partition(":")
    if not pid or int(pid) not in (os.getpid(), os.getppid()):
        return None
    return Path(folder)


def wait_for(folder: Path, timeout_s: float = 900) -> Path:
    deadline = time.monotonic() + timeout_s
    while not (folder / "built").is_file():
        if (folder / "failed").is_file():
            log = (folder / "failed").read_text(encoding="utf-8")
            pytest.fail(f"mkdocs build --strict failed offline:\n{log}")
        if time.monotonic() > deadline:
            pytest.fail(f"the site build started by the controller did not finish in {timeout_s:.0f} s")
        time.sleep(0.05)
    return folder / "site"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """Build the whole site strictly, with the network cut off, into a temporary folder.

    Under pytest-xdist the workers share one build: the controller's early build if it started one,
    otherwise the first worker builds and the others wait on a lock.
    """
    early = early_build()
    if early is not None:
        return wait_for(early)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = tmp_path_factory.getbasetemp().parent if worker else tmp_path_factory.getbasetemp()
    out = shared / "site"
    with FileLock(str(shared / "site.lock")):
        if not (out / ".built").is_file():
            build_site(out)
            (out / ".built").touch()
    return out


def strict_build(out: Path) -> list[str]:
    """The build command of the tests: strict, and never ``--quiet``: MkDocs' quiet mode drops warnings
    before strict mode counts them, so a broken link would pass."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]


def start_build(out: Path) -> subprocess.Popen:
    """The strict build of the tests, offline, into ``out``; its output (stdout and stderr) in one pipe."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(offline(strict_build(out)), cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def build_site(out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    process = start_build(out)
    log = process.communicate()[0]
    if process.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed offline:\n{log}")


@pytest.fixture
def summary(request) -> list[str]:
    """Lines a test wants printed at the end of the run (e.g. the code-block count).

    ``append(line)`` prints a line as it is. ``tally(template, **counts)`` adds counts that tests split
    over many items (one per page) share: the sums are put into ``template`` once, at the end.
    Both travel as the test's user properties, so they reach the terminal from xdist workers too.
    """

    class Lines(list):
        def append(self, line: str) -> None:
            super().append(line)
            request.node.user_properties.append(("summary", line))

        def tally(self, template: str, **counts: int) -> None:
            request.node.user_properties.append(("tally", (template, counts)))

        def values(self, template: str, empty: str, **lists: list[float]) -> None:
            """Like ``tally`` for measurements: ``template`` gets ``{name_min}``, ``{name_median}`` and
            ``{name_count}`` of all the values given under ``name``; the line is ``empty`` without values."""
            request.node.user_properties.append(("values", ((template, empty), lists)))

    return Lines()


def pytest_terminal_summary(terminalreporter):
    reports = [r for key in ("passed", "failed") for r in terminalreporter.stats.get(key, [])]
    tallies: dict[str, dict[str, int]] = {}
    measured: dict[str, dict[str, list[float]]] = {}
    for report in reports:
        for key, value in getattr(report, "user_properties", []):
            if report.when != "call":
                continue
            if key == "summary":
                terminalreporter.write_line(value)
            elif key == "tally":
                template, counts = value
                sums = tallies.setdefault(template, {})
                for name, n in counts.items():
                    sums[name] = sums.get(name, 0) + n
            elif key == "values":
                template, lists = value
                for name, values in lists.items():
                    measured.setdefault(template, {}).setdefault(name, []).extend(values)
    for template, sums in tallies.items():
        terminalreporter.write_line(template.format(**sums))
    for (template, empty), lists in measured.items():
        if not all(lists.values()):
            terminalreporter.write_line(empty)
            continue
        fields = {}
        for name, values in lists.items():
            values = sorted(values)
            fields |= {f"{name}_count": len(values), f"{name}_min": values[0],
                       f"{name}_median": statistics.median(values)}
        terminalreporter.write_line(template.format(**fields))
