"""Lighthouse audit of a chapter page and the lab page (``make audit``).

Serves a built site from a loopback port, runs Lighthouse (npm ``lighthouse``, installed on demand by
the Makefile into .cache/lighthouse so it does not weigh on ``npm ci``) with Debian's chromium, writes
the HTML and JSON reports under test-results/lighthouse/, prints the four category scores and exits
non-zero if any is below the target.

    python scripts/lighthouse_audit.py SITE_DIR LIGHTHOUSE_BIN [--preset desktop] [--min 95] [--runs 3]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-results" / "lighthouse"
PAGES = {"chapter": "cnn/conv1d/", "lab": "feedforward/lab_mlp/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as GitHub Pages serves them."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb")

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if ("gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in self.COMPRESSIBLE
                and path.is_file()):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def run_once(args, url: str, report: Path, env: dict) -> dict:
    subprocess.run(
        [str(args.lighthouse), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=" + ",".join(CATEGORIES), "--output=json", "--output=html",
         f"--output-path={report}"] + (["--preset=desktop"] if args.preset == "desktop" else []),
        check=True, env=env)
    return json.loads(report.with_suffix(".report.json").read_text(encoding="utf-8"))


def median_run(args, url: str, report: Path, env: dict) -> tuple[dict, list[int]]:
    """Run Lighthouse ``args.runs`` times; keep the report of the run with the median performance."""
    runs = []
    for i in range(args.runs):
        result = run_once(args, url, report.with_name(f"{report.name}-run{i}"), env)
        runs.append((result["categories"]["performance"]["score"], i, result))
    runs.sort(key=lambda r: r[:2])
    _, best, result = runs[len(runs) // 2]
    for suffix in (".report.json", ".report.html"):
        report.with_name(f"{report.name}-run{best}{suffix}").replace(report.with_suffix(suffix))
    for path in report.parent.glob(f"{report.name}-run*"):
        path.unlink()
    return result, sorted(round(score * 100) for score, _, _ in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("lighthouse", type=Path)
    parser.add_argument("--min", type=int, default=95, help="lowest acceptable score (0-100)")
    parser.add_argument("--report-only", nargs="*", default=[], choices=CATEGORIES,
                        help="categories whose score is printed but does not fail the audit")
    parser.add_argument("--preset", choices=("mobile", "desktop"), default="mobile",
                        help="Lighthouse's device and network emulation (mobile: its default)")
    parser.add_argument("--pages", nargs="+", choices=sorted(PAGES), default=sorted(PAGES))
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per page; the run with the median performance score is reported, "
                             "as Lighthouse's own guide advises (one run varies by several points)")
    args = parser.parse_args()

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    OUT.mkdir(parents=True, exist_ok=True)

    failed = False
    for name, rel in ((n, PAGES[n]) for n in args.pages):
        if not (args.site / rel / "index.html").is_file():
            print(f"{name}: {rel} is not in the built site, skipped", file=sys.stderr)
            failed = True
            continue
        report = OUT / f"{name}-{args.preset}"
        result, all_runs = median_run(args, base + rel, report, env)
        scores = {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}
        low = {c: s for c, s in scores.items() if s < args.min and c not in args.report_only}
        print(f"{name:8s} {args.preset:8s} {rel:24s} " + "  ".join(f"{c} {s}" for c, s in scores.items())
              + f"   (performance in {len(all_runs)} runs: {all_runs})"
              + (f"   BELOW {args.min}: {sorted(low)}" if low else ""))
        for c in low:  # what to fix: the failing audits of that category
            for ref in result["categories"][c]["auditRefs"]:
                audit = result["audits"][ref["id"]]
                if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                    print(f"    {c}: {audit['id']} ({audit['score']}): {audit['title']}")
        failed |= bool(low)
    server.shutdown()
    print(f"reports: {OUT.relative_to(ROOT)}/<page>-{args.preset}.report.html")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
