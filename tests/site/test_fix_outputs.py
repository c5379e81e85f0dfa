"""`make outputs` (scripts/fix_outputs.py) writes under each print what it prints, and nothing else."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("fix_outputs", ROOT / "scripts" / "fix_outputs.py")
fix_outputs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fix_outputs)

DEMO = '''"""A demo snippet."""


def show(x):
    print("x =", x)


def main():
    # --8<-- [start:usage]
    for k in range(3):
        print(k * k)
    #> 0
    #> 1
    #> 5
    show(2)
    #> (placeholder)
    print("no group")
    y = 1
    #> stale
    # --8<-- [end:usage]


if __name__ == "__main__":
    main()
'''


def test_outputs_are_written_under_the_code_that_prints_them(tmp_path):
    (tmp_path / "demo").mkdir()
    module = tmp_path / "demo" / "ex01_demo.py"
    module.write_text(DEMO)
    result = fix_outputs.run_main(module, tmp_path)
    new, problems = fix_outputs.rewrite(DEMO, result["records"], result["first"])
    # the loop's three lines, the helper's line (attributed to the call in main), the next group gets
    # "no group", which is printed between the second and the third group
    assert "    #> 0\n    #> 1\n    #> 4\n    show(2)\n    #> x = 2\n" in new
    assert '    print("no group")\n    y = 1\n    #> no group\n' in new
    assert problems == []
    assert fix_outputs.rewrite(new, result["records"], result["first"]) == (new, [])  # a fixed point


def test_a_print_without_a_group_is_reported_not_guessed(tmp_path):
    text = DEMO.replace("    #> stale\n", "")
    (tmp_path / "demo").mkdir()
    module = tmp_path / "demo" / "ex01_demo.py"
    module.write_text(text)
    result = fix_outputs.run_main(module, tmp_path)
    _, problems = fix_outputs.rewrite(text, result["records"], result["first"])
    line = text.splitlines().index('    print("no group")') + 1
    assert problems == [f"line {line}: prints, but no #> lines follow it"]


def test_every_snippet_module_of_a_page_is_already_what_it_prints():
    # the committed #> lines of one real page are a fixed point (the code-block test checks every page)
    for path in fix_outputs.example_modules(["cnn/conv1d"]):
        result = fix_outputs.run_main(path)
        text = path.read_text(encoding="utf-8")
        assert fix_outputs.rewrite(text, result["records"], result["first"]) == (text, []), path.name
