"""The footer's "tested with" line: the versions installed here, read at build time (hooks/versions.py)."""

from __future__ import annotations

import datetime
import importlib.metadata
import platform

from bs4 import BeautifulSoup

from hooks import versions


def test_every_page_footer_names_the_installed_versions_and_the_build_date(built_pages):
    wanted = [f"Python {platform.python_version()}"] + [
        f"{name} {importlib.metadata.version(name)}" for name in versions.PACKAGES]
    today = datetime.datetime.now(datetime.UTC).date()
    dates = {(today - datetime.timedelta(days=d)).isoformat() for d in (0, 1)}  # a build just before midnight
    problems = []
    for page in built_pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        footer = soup.select_one("[data-tested-with]")
        text = footer.get_text(" ", strip=True) if footer else ""
        missing = [w for w in wanted if w not in text]
        if not footer or missing or not any(f"构建于 {d}" in text for d in dates):
            problems.append(f"{page}: {text!r} lacks {missing or 'the build date'}")
    assert built_pages and not problems, problems[:3]


def test_source_date_epoch_fixes_the_date():
    assert versions.tested_with({"SOURCE_DATE_EPOCH": "1767225600"})["date"] == "2026-01-01"
