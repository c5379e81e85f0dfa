"""Drift guard: the README's test command with the newest release of every direct dependency.

Readers install today's numpy and torch, not our pins. This copies the project (tracked and untracked,
not ignored files) to ``.cache/latest/tree``, makes a separate venv there with the pins of
requirements.txt and then every package of requirements.in upgraded to its newest release, installs the
npm packages of package.json at their newest release, and runs ``make test`` in that copy. It writes
``test-results/latest/summary.md`` (versions tried, pinned -> newest, and what broke), prints it, appends
it to ``$GITHUB_STEP_SUMMARY`` when that is set (the drift workflow), and exits with the tests' status.

Run it as ``make test-latest``. Nothing here changes the project's own venv, node_modules or pins.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".cache" / "latest"
TREE = WORK / "tree"
REPORT = ROOT / "test-results" / "latest"


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_python() -> list[str]:
    lines = (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def pins() -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), re.M)
    return {norm(name): version for name, version in found}


def run(cmd: list[str], log, **kwargs) -> int:
    log.write(f"\n$ {' '.join(cmd)}\n")
    log.flush()
    return subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, **kwargs).returncode


def copy_tree() -> None:
    shutil.rmtree(TREE, ignore_errors=True)
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():
            target = TREE / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def installed_python(python: Path, names: list[str]) -> dict[str, str]:
    probe = ("import importlib.metadata as m, json, sys\n"
             "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))")
    out = subprocess.run([str(python), "-c", probe, *names], capture_output=True, text=True, check=True)
    return {norm(k): v for k, v in json.loads(out.stdout).items()}


def installed_npm(names: list[str]) -> dict[str, str]:
    versions = {}
    for name in names:
        manifest = TREE / "node_modules" / name / "package.json"
        versions[name] = json.loads(manifest.read_text())["version"] if manifest.is_file() else "?"
    return versions


def summarise(rows: list[tuple[str, str, str]], status: str, failures: list[str], tail: str,
              seconds: float) -> str:
    changed = sum(old != new for _, old, new in rows)
    lines = [f"# Drift guard: newest releases of the direct dependencies ({time.strftime('%Y-%m-%d')})", "",
             f"**{status}** ({seconds:.0f} s). {changed} of {len(rows)} direct dependencies are newer "
             "than the pins.", "", "| package | pinned | tried |", "| --- | --- | --- |"]
    lines += [f"| {name} | {old} | {new}{' (newer)' if old != new else ''} |" for name, old, new in rows]
    if failures:
        lines += ["", "## What broke", ""] + [f"- `{f}`" for f in failures]
    if tail:
        lines += ["", "## End of the log", "", "```", tail, "```"]
    return "\n".join(lines) + "\n"


def main() -> int:
    start = time.monotonic()
    REPORT.mkdir(parents=True, exist_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    log_path = REPORT / "log.txt"
    pinned = pins()
    npm_names = sorted(json.loads((ROOT / "package.json").read_text())["dependencies"])
    npm_pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]
    python_names = direct_python()
    with log_path.open("w", encoding="utf-8") as log:
        copy_tree()
        venv = TREE / ".venv"
        python = venv / "bin" / "python"
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"],
            [str(python), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
            [str(python), "-m", "pip", "install", "-q", "--upgrade", *python_names],
            ["npm", "ci", "--no-audit", "--no-fund"],
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", *[f"{n}@latest" for n in npm_names]],
        ]
        status = None
        for step in steps:
            if run(step, log, cwd=TREE) != 0:
                status = f"setup failed: {' '.join(step[-3:])}"
                break
        rows: list[tuple[str, str, str]] = []
        failures: list[str] = []
        if status is None:
            new = installed_python(python, python_names)
            rows += [(n, pinned.get(norm(n), "-"), new[norm(n)]) for n in python_names]
            rows += [(f"{n} (npm)", npm_pinned[n], v) for n, v in installed_npm(npm_names).items()]
            # the copy's make must not reinstall the pins over the newest releases
            for stamp in (venv / ".installed", TREE / "node_modules" / ".installed"):
                stamp.touch()
            print("trying: " + ", ".join(f"{n} {v}" for n, _, v in rows), flush=True)
            code = run(["make", "test"], log, cwd=TREE)
            text = log_path.read_text(encoding="utf-8", errors="replace")
            failures = sorted(set(re.findall(r"^(?:FAILED|ERROR) (\S+)", text, re.M)))
            result = re.findall(r"^=+ (.*(?:passed|failed|error).*) =+$", text, re.M)
            status = ("passed" if code == 0 else "FAILED") + (f": {result[-1]}" if result else "")
    text = log_path.read_text(encoding="utf-8", errors="replace")
    tail = "" if status.startswith("passed") else "\n".join(text.splitlines()[-25:])
    summary = summarise(rows, status, failures, tail, time.monotonic() - start)
    (REPORT / "summary.md").write_text(summary, encoding="utf-8")
    if os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
            out.write(summary)
    print(summary)
    print(f"full log: {log_path.relative_to(ROOT)}")
    return 0 if status.startswith("passed") else 1


if __name__ == "__main__":
    sys.exit(main())
