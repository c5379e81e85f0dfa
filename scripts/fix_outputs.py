"""Rewrite the ``#>`` lines of snippet modules from what their code really prints (``make outputs``).

A writing aid, never run by the tests (they still compare every block with its ``#>`` lines). For each
example module ``snippets/<chapter>/<page>/exNN_<what>.py`` of the pages asked for (default: all), its
``main()`` runs in a fresh interpreter in the project's default numeric environment (the code-block
test's first one, ``hooks/numeric_env.py``), with ``print`` recorded together with the line of ``main()``
that was running. The output of the code between two groups of ``#>`` lines (or between the start of
``main()`` and the first group) replaces the second group; a ``print`` in ``main()`` with no ``#>``
group below it before the next group is reported, not guessed. Prints the changes as a diff.

    python scripts/fix_outputs.py [cnn/conv1d ...] [--check]

``--check`` changes nothing and exits 1 if something would change.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks import numeric_env  # noqa: E402

# Runs in the child: record every print made while main() of the module runs, with main()'s line.
RECORDER = r"""
import builtins, importlib, io, json, sys
module = importlib.import_module(sys.argv[1])
main = getattr(module, "main", None)
if main is None:
    print(json.dumps({"error": "no main()"})); raise SystemExit
code, records, real_print, real_stdout = main.__code__, [], builtins.print, sys.stdout

def recording_print(*args, **kwargs):
    frame, line = sys._getframe(1), None
    while frame is not None:
        if frame.f_code is code:
            line = frame.f_lineno
            break
        frame = frame.f_back
    buffer = io.StringIO()
    real_print(*args, **{**kwargs, "file": buffer})
    if kwargs.get("file") not in (None, real_stdout):
        return real_print(*args, **kwargs)
    records.append([line, buffer.getvalue()])

stray = io.StringIO()
builtins.print, sys.stdout = recording_print, stray
try:
    main()
finally:
    builtins.print, sys.stdout = real_print, real_stdout
print(json.dumps({"records": records, "stray": stray.getvalue(), "first": code.co_firstlineno}))
"""


def example_modules(pages: list[str]) -> list[Path]:
    folders = ([ROOT / "snippets" / p for p in pages] if pages
               else sorted(p for p in (ROOT / "snippets").glob("*/*")
                           if p.is_dir() and p.name != "__pycache__"))
    missing = [str(f.relative_to(ROOT)) for f in folders if not f.is_dir()]
    if missing:
        raise SystemExit(f"no such snippet folder: {missing}")
    return sorted(p for f in folders for p in f.glob("ex[0-9][0-9]_*.py"))


def run_main(path: Path, root: Path = ROOT) -> dict:
    """Run ``main()`` of the module at ``path`` (below ``root``) and return what it printed, by line."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    env = numeric_env.apply(dict(os.environ))
    env.update(MPLBACKEND="Agg", PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    done = subprocess.run([sys.executable, "-c", RECORDER, module], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout.splitlines()[-1])


def groups(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes (0-based, end exclusive) of each run of ``#>`` comment lines."""
    found, i = [], 0
    while i < len(lines):
        if lines[i].lstrip().startswith("#>"):
            j = i
            while j < len(lines) and lines[j].lstrip().startswith("#>"):
                j += 1
            found.append((i, j))
            i = j
        else:
            i += 1
    return found


def rewrite(text: str, records: list[tuple[int | None, str]], first_line: int) -> tuple[str, list[str]]:
    """New text of the module and the problems found (prints with nowhere to put their output)."""
    lines = text.splitlines(keepends=True)
    problems, start = [], first_line  # 1-based line numbers: code of a group lies in (start, group)
    out, last = [], 0
    printed_lines = {line for line, _ in records if line is not None}
    for first, end in groups(lines):
        group_line = first + 1
        if group_line < first_line:
            continue  # a #> group outside main() (in a docstring or a helper): left alone
        chunk = "".join(t for line, t in records if line is not None and start < line < group_line)
        indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
        new = [f"{indent}#> {s}".rstrip() + "\n" for s in chunk.splitlines()] if chunk else []
        if not new:
            problems.append(f"line {group_line}: #> lines under code that prints nothing")
            new = lines[first:end]
        out += lines[last:first] + new
        last, start = end, end  # the group's last line, 1-based, is `end`
    out += lines[last:]
    after_last = [line for line in printed_lines if line > start]
    problems += [f"line {line}: prints, but no #> lines follow it" for line in sorted(after_last)]
    if any(line is None for line, _ in records):
        problems.append("some output was printed outside main(): it is not shown on any #> line")
    return "".join(out), problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help="<chapter>/<page>, e.g. cnn/conv1d (default: all)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if something would")
    args = parser.parse_args()
    changed = troubled = 0
    for path in example_modules([p.strip("/") for p in args.pages]):
        rel = path.relative_to(ROOT).as_posix()
        result = run_main(path)
        if "error" in result:
            print(f"{rel}: not run ({result['error']})")
            troubled += 1
            continue
        old = path.read_text(encoding="utf-8")
        new, problems = rewrite(old, result["records"], result["first"])
        if result["stray"]:
            problems.append(f"wrote to stdout without print: {result['stray'][:60]!r}")
        for problem in problems:
            print(f"{rel}: {problem}")
        troubled += bool(problems)
        if new != old:
            changed += 1
            diff = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{rel}", f"b/{rel}", n=1)
            sys.stdout.writelines(diff)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    verb = "would change" if args.check else "changed"
    print(f"outputs: {changed} module(s) {verb}, {troubled} with something to look at")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
