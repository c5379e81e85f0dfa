"""Links to the PDF edition validate, although the PDF is printed after the build.

``make pdf`` (``scripts/build_pdf.py``) prints the built site into ``site/nndl-notes.pdf`` (A4).
The home page and the chapter indexes link to it with ordinary
relative Markdown links (``[A4](nndl-notes.pdf)``); the strict build would reject those as pointing at
no file, and an absolute URL would break the offline copy and a local build. So ``on_files`` registers
the PDF as a file of the site that MkDocs does not write: MkDocs then checks the links and turns
it into each page's relative URL like any other, the site build never depends on the PDF, and a
build without ``make pdf`` just has no PDF to follow the link to.
"""

from __future__ import annotations

from mkdocs.structure.files import File

PDF_FILES = ("nndl-notes.pdf",)  # scripts/build_pdf.py writes these


class PrintedLater(File):
    """A file of the built site that ``make pdf`` writes after the build: nothing to copy."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def on_files(files, config):
    for name in PDF_FILES:
        if files.get_file_from_path(name) is None:
            files.append(PrintedLater.generated(config, name, content=b""))
    return files
