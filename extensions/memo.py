"""Build results kept by their whole input: between the rebuilds of ``mkdocs serve``, and between builds.

``mkdocs serve`` rebuilds the site after every edit, in the same Python process: it reloads mkdocs.yml
and builds new Markdown converters and a new template environment, but the modules stay loaded (MkDocs
loads each hook file once per process). A ``Memo`` defined in a module therefore survives the rebuilds,
and the steps that cost most and are pure functions of their input (Pygments highlighting, folding a
page's code, reading a notebook's HTML, parsing a snippet's imports, typesetting formulas, compiling the
theme's templates) are computed once per distinct input.

A memo whose values are text can also be kept on disk, under ``.cache/memo/<name>/<version>/`` (one file
per entry), so that the next ``mkdocs build``, ``make test-page`` or test build starts warm. Its
``version`` is a digest of everything besides the input that the value depends on (the producing code and
the versions of the libraries it calls); a new version starts an empty folder and removes the old ones.
``NNDL_BUILD_MEMO=off`` turns the disk off (memory only), as a clean checkout in CI effectively is.

A key is a digest of the *whole* input, never a file name or a time stamp, so a hit can never be stale.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

ROOT = Path(__file__).resolve().parents[1]
DISK = ROOT / ".cache" / "memo"
EVERY: list[Memo] = []  # every memo made in this process (the tests empty them all between builds)


def digest(*parts: str | bytes) -> str:
    """A key for the given parts (their order and boundaries count)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def disk_enabled() -> bool:
    return os.environ.get("NNDL_BUILD_MEMO", "on") != "off"


def version_folder(folder: Path) -> Path:
    """``folder`` (``.cache/memo/<name>/<version>``), made if need be; the other versions of ``<name>`` are of
    no further use and are removed."""
    for old in folder.parent.glob("*"):
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Memo:
    """A bounded least-recently-used map from a key to a computed value, optionally backed by disk
    (``version`` given: the values are ``str`` and the keys are digests)."""

    def __init__(self, name: str, size: int, version: str | None = None, disk: Path = DISK) -> None:
        if size < 1:
            raise ValueError(f"size must be at least 1, got {size}")
        self.name, self.size = name, size
        self.folder = disk / name / version if version is not None else None
        self.hits = self.misses = self.disk_hits = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._pruned = False
        EVERY.append(self)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value stored for ``key``, computing and storing it with ``compute()`` on a miss."""
        value = self.lookup(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def lookup(self, key: Hashable) -> Any | None:
        """The value stored for ``key`` (in memory, or on disk), or None; counts a miss."""
        if key in self._items:
            self.hits += 1
            self._items.move_to_end(key)
            return self._items[key]
        path = self._path(key)
        if path is not None and path.is_file():
            self.disk_hits += 1
            self._remember(key, path.read_text(encoding="utf-8"))
            return self._items[key]
        self.misses += 1
        return None

    def put(self, key: Hashable, value: Any) -> None:
        path = self._path(key)
        if path is not None:
            self._write(path, value)
        self._remember(key, value)

    def _remember(self, key: Hashable, value: Any) -> None:
        self._items[key] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)

    def _path(self, key: Hashable) -> Path | None:
        if self.folder is None or not disk_enabled():
            return None
        if not (isinstance(key, str) and len(key) == 40 and key.isalnum()):
            raise ValueError(f"{self.name}: a memo kept on disk needs digest() keys, got {key!r}")
        return self.folder / key[:2] / key

    def _write(self, path: Path, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"{self.name}: a memo kept on disk holds text, got {type(value).__name__}")
        if not self._pruned:  # the first write of this version
            self._pruned = True
            version_folder(self.folder)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as tmp:
            tmp.write(value)
        os.replace(tmp.name, path)  # atomic: a concurrent build reads the whole value or none

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.hits = self.misses = self.disk_hits = 0


class TemplateBytecode(jinja2.BytecodeCache):
    """Compiled Jinja2 templates kept in memory: ``mkdocs serve`` makes a new template environment at each
    rebuild and would compile every theme template again. Jinja2 checks each entry against its template's
    source checksum, so an edited template recompiles."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, b""))
        if checksum == bucket.checksum:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())

    def __len__(self) -> int:
        return len(self._code)


TEMPLATES = TemplateBytecode()


def source_version(*paths: Path, libraries: tuple[str, ...] = ()) -> str:
    """A memo version: the content of ``paths`` (the producing code) and the named libraries' versions."""
    from importlib.metadata import version

    return digest(*(p.read_bytes() for p in paths), *(f"{n}=={version(n)}" for n in libraries))[:16]
