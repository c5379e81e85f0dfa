"""Workflow hygiene: zizmor (from requirements.txt, offline) audits .github/workflows/.

The regular persona must report nothing. Every finding of the auditor persona is either fixed or ignored
in .github/zizmor.yml, where each ignore carries a one-line reason.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ZIZMOR = Path(sys.executable).with_name("zizmor")
WORKFLOWS = ROOT / ".github" / "workflows"


def zizmor(*args: str) -> subprocess.CompletedProcess:
    assert ZIZMOR.is_file(), f"zizmor is not installed next to {sys.executable} (requirements.txt)"
    return subprocess.run([str(ZIZMOR), "--offline", "--no-progress", *args, str(WORKFLOWS)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_regular_persona_reports_nothing():
    result = zizmor()
    assert result.returncode == 0 and "No findings" in result.stdout, result.stdout + result.stderr


def test_auditor_persona_findings_are_fixed_or_ignored_with_a_reason():
    result = zizmor("--persona", "auditor")
    assert result.returncode == 0 and "No findings" in result.stdout, result.stdout + result.stderr
    config = (ROOT / ".github" / "zizmor.yml").read_text(encoding="utf-8")
    lines = config.splitlines()
    ignores = [i for i, line in enumerate(lines) if re.match(r"\s+- \S+\.yml", line)]
    assert ignores, "no ignores: then .github/zizmor.yml should go"
    for i in ignores:  # each ignore, or the group it belongs to, is explained by a comment just above
        above = next(line for line in reversed(lines[:i]) if not re.match(r"\s+- \S+\.yml", line))
        assert above.strip().startswith("#") and len(above.strip()) > 20, f"no reason for {lines[i].strip()}"


def test_every_workflow_pins_actions_by_sha_and_reads_only():
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        uses = re.findall(r"uses:\s*(\S+)", text)
        assert uses and all(re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", u) for u in uses), (workflow.name, uses)
        assert re.search(r"^permissions:\n  contents: read$", text, re.M), workflow.name
