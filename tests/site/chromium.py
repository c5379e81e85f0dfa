"""How every run of Debian's chromium in the project starts it: the browser tests (tests/site/conftest.py),
the screenshots (scripts/screenshots.py) and the PDF print (scripts/build_pdf.py)."""

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
