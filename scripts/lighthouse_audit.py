"""Lighthouse audit of the heaviest pages of a built site (``make audit``).

Serves a built site from a loopback port (gzip, as GitHub Pages serves it), runs Lighthouse (npm
``lighthouse``, installed on demand by the Makefile into .cache/lighthouse so it does not weigh on
``npm ci``) with Debian's chromium, and for every page and preset prints the four category scores
(performance as the median of ``--runs`` runs), the main metrics (FCP, LCP, TBT, CLS, SI) and the
top diagnostics (main-thread work by category, script boot-up time, DOM size). The HTML and JSON
reports of the median run are written under test-results/lighthouse/. Exits non-zero if performance is
below its preset's minimum (mobile 90, desktop 95) or another category below ``--min-other`` (95).

Pages: given as site paths (``cnn/conv1d/``), or by default the ``--heaviest`` N pages of the built
site, ranked by their HTML's element count and their transfer size (gzipped HTML plus the images
the page loads), both measured on the built files.

    python scripts/lighthouse_audit.py SITE_DIR LIGHTHOUSE_BIN [--preset mobile desktop]
        [--min-mobile 90] [--min-desktop 95] [--runs 3] [--pages cnn/conv1d/ ...] [--heaviest 3]
    python scripts/lighthouse_audit.py SITE_DIR --list-heaviest 10   # the ranking only, no Lighthouse
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html.parser
import http.server
import json
import os
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "test-results" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = (  # Lighthouse audit id, short name, unit
    ("first-contentful-paint", "FCP", "ms"), ("largest-contentful-paint", "LCP", "ms"),
    ("total-blocking-time", "TBT", "ms"), ("cumulative-layout-shift", "CLS", ""),
    ("speed-index", "SI", "ms"))
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
MINIMUM = {"mobile": 90, "desktop": 95}  # performance; the other categories: MINIMUM_OTHER
MINIMUM_OTHER = 95


# ---------------------------------------------------------------- the heaviest pages of the built site
class _PageParser(html.parser.HTMLParser):
    """Counts the elements of a page and collects the images it loads."""

    def __init__(self):
        super().__init__()
        self.elements = 0
        self.images: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.elements += 1
        src = dict(attrs).get("src")
        # a figure's dark twin (name-dark.svg#only-dark) is hidden in light mode and, lazy, not loaded
        if (tag == "img" and src and not src.startswith(("data:", "http:", "https:"))
                and not src.endswith("#only-dark")):
            self.images.add(src.split("#")[0])


def page_weight(site: Path, rel: str) -> tuple[int, int]:
    """(element count, transfer bytes) of one built page: its HTML gzipped plus the images it loads
    in light mode (SVG gzipped). Shared assets (Material's bundle, style sheets, fonts) weigh the same
    on every page."""
    index = site / rel / "index.html"
    parser = _PageParser()
    raw = index.read_bytes()
    parser.feed(raw.decode("utf-8"))
    size = len(gzip.compress(raw, compresslevel=6))
    for src in parser.images:
        image = (index.parent / src).resolve()
        if image.is_file():
            data = image.read_bytes()
            size += len(gzip.compress(data, compresslevel=6)) if image.suffix == ".svg" else len(data)
    return parser.elements, size


def heaviest_pages(site: Path, count: int) -> list[tuple[str, int, int]]:
    """The ``count`` heaviest pages as (path, elements, transfer bytes), heaviest first.

    Ranked by elements / most elements + bytes / most bytes: style and layout cost grows with the
    element count, loading with the bytes; a page heavy in both comes first."""
    weights = {}
    for index in site.rglob("index.html"):
        rel = index.parent.relative_to(site).as_posix()
        if rel == "." or rel.startswith(("assets/", "404")):
            continue
        weights[rel + "/"] = page_weight(site, rel)
    most_elements = max(e for e, _ in weights.values())
    most_bytes = max(b for _, b in weights.values())
    ranked = sorted(weights.items(), key=lambda kv: -(kv[1][0] / most_elements + kv[1][1] / most_bytes))
    return [(rel, e, b) for rel, (e, b) in ranked[:count]]


# ---------------------------------------------------------------- serving and running Lighthouse
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


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run_once(lighthouse: Path, preset: str, url: str, report: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [str(lighthouse), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
         "--only-categories=" + ",".join(CATEGORIES), "--output=json", "--output=html",
         f"--output-path={report}"] + (["--preset=desktop"] if preset == "desktop" else []),
        check=True, env=env)
    return json.loads(report.with_suffix(".report.json").read_text(encoding="utf-8"))


def keep_median(results: list[dict], report: Path) -> dict:
    """Keep (as ``report``.report.{json,html}) the run with the median performance score."""
    order = sorted(range(len(results)), key=lambda i: (results[i]["categories"]["performance"]["score"], i))
    best = order[len(order) // 2]
    for suffix in (".report.json", ".report.html"):
        report.with_name(f"{report.name}-run{best}{suffix}").replace(report.with_suffix(suffix))
    for path in report.parent.glob(f"{report.name}-run*"):
        path.unlink()
    return results[best]


# ---------------------------------------------------------------- what a report says
def summary(results: list[dict], median: dict) -> dict:
    """Scores of the median run, every run's performance, each metric's median over the runs, and
    the median run's diagnostics."""
    audits = median["audits"]
    breakdown = audits["mainthread-work-breakdown"]["details"]["items"]
    bootup = audits["bootup-time"]["details"]["items"]
    dom = {item["statistic"]: item["value"]["value"] if isinstance(item["value"], dict) else item["value"]
           for item in audits["dom-size"]["details"]["items"]}
    return {
        "scores": {c: round(median["categories"][c]["score"] * 100) for c in CATEGORIES},
        "runs": sorted(round(r["categories"]["performance"]["score"] * 100) for r in results),
        "metrics": {name: statistics.median(r["audits"][aid]["numericValue"] for r in results)
                    for aid, name, _ in METRICS},
        "mainthread": [(item["groupLabel"], item["duration"]) for item in breakdown],
        "mainthread_total": audits["mainthread-work-breakdown"]["numericValue"],
        "bootup": [(item["url"], item["scripting"], item["total"]) for item in bootup[:4]],
        "dom": dom,
    }


def format_metrics(metrics: dict) -> str:
    return "  ".join(f"{name} {metrics[name]:.3f}" if not unit else f"{name} {metrics[name] / 1000:.2f} s"
                     for _, name, unit in METRICS)


def print_summary(rel: str, preset: str, s: dict, minimum: int, other: int, base: str) -> dict:
    low = {c: v for c, v in s["scores"].items() if v < (minimum if c == "performance" else other)}
    print(f"{rel:30s} {preset:7s} " + "  ".join(f"{c} {v}" for c, v in s["scores"].items())
          + f"   performance runs {s['runs']}" + (f"   BELOW TARGET: {sorted(low)}" if low else ""))
    print(f"{'':30s} {'':7s} median: {format_metrics(s['metrics'])}")
    work = ", ".join(f"{label} {ms:.0f}" for label, ms in s["mainthread"][:5])
    print(f"{'':30s} {'':7s} main thread {s['mainthread_total']:.0f} ms: {work}")
    scripts = ", ".join(f"{url.replace(base, '').rsplit('/', 1)[-1] or url} {total:.0f}"
                        for url, _, total in s["bootup"])
    print(f"{'':30s} {'':7s} scripts (ms): {scripts}")
    print(f"{'':30s} {'':7s} DOM: " + ", ".join(f"{k} {v}" for k, v in s["dom"].items()))
    return low


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("lighthouse", type=Path, nargs="?")
    parser.add_argument("--preset", nargs="+", choices=("mobile", "desktop"), default=["mobile", "desktop"],
                        help="Lighthouse's device and network emulation (mobile: its default, CPU slowed 4x)")
    parser.add_argument("--min-mobile", type=int, default=MINIMUM["mobile"],
                        help="lowest acceptable mobile performance (0-100)")
    parser.add_argument("--min-desktop", type=int, default=MINIMUM["desktop"],
                        help="lowest acceptable desktop performance (0-100)")
    parser.add_argument("--min-other", type=int, default=MINIMUM_OTHER,
                        help="lowest acceptable accessibility, best-practices and SEO, both presets")
    parser.add_argument("--pages", nargs="+", metavar="PATH",
                        help="site paths such as cnn/conv1d/ (default: the --heaviest pages)")
    parser.add_argument("--heaviest", type=int, default=3, help="how many of the heaviest pages to audit")
    parser.add_argument("--list-heaviest", type=int, metavar="N",
                        help="print the N heaviest pages and exit (no Lighthouse)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs per page and preset; the median performance is reported, as Lighthouse's "
                             "own guide advises (one run varies by several points)")
    args = parser.parse_args()

    if args.list_heaviest:
        for rel, elements, size in heaviest_pages(args.site, args.list_heaviest):
            print(f"{rel:34s} {elements:6d} elements  {size / 1024:6.1f} KiB")
        return 0
    if args.lighthouse is None:
        parser.error("LIGHTHOUSE_BIN is required unless --list-heaviest is given")

    if args.pages:
        pages = [(rel.strip("/") + "/", *page_weight(args.site, rel.strip("/"))) for rel in args.pages
                 if (args.site / rel / "index.html").is_file() or sys.exit(f"{rel} is not in the built site")]
    else:
        pages = heaviest_pages(args.site, args.heaviest)
    for rel, elements, size in pages:
        print(f"page {rel:30s} {elements:6d} elements  {size / 1024:6.1f} KiB (HTML gzipped + images)")

    server, base = serve(args.site)
    OUT.mkdir(parents=True, exist_ok=True)
    minimum = {"mobile": args.min_mobile, "desktop": args.min_desktop}
    failed, table = False, {}
    for rel, _, _ in pages:
        for preset in args.preset:
            report = OUT / f"{rel.strip('/').replace('/', '-')}-{preset}"
            results = [run_once(args.lighthouse, preset, base + rel,
                                report.with_name(f"{report.name}-run{i}"))
                       for i in range(args.runs)]
            median = keep_median(results, report)
            s = table[f"{rel} {preset}"] = summary(results, median)
            low = print_summary(rel, preset, s, minimum[preset], args.min_other, base)
            for c in low:  # what to fix: the failing audits of that category
                for ref in median["categories"][c]["auditRefs"]:
                    audit = median["audits"][ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                        print(f"    {c}: {audit['id']} ({audit['score']}): {audit['title']}")
            failed |= bool(low)
    server.shutdown()
    (OUT / "summary.json").write_text(json.dumps(table, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"reports: {OUT.relative_to(ROOT)}/<page>-<preset>.report.html, summary.json")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
