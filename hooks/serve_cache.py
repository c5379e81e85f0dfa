"""Compile the theme's templates once, not at every build (``on_env``, MkDocs' template event).

MkDocs builds a new Jinja2 environment for every build, and ``mkdocs serve`` for every rebuild, so each
compiled all of Material's templates again (about a tenth of a rebuild). Compiled templates are kept in
``.cache/memo/jinja/<version>/`` (Jinja2's own file cache), where the version names Python, Jinja2, MkDocs
and Material: Jinja2 compares every stored template with its source's checksum, so an edited template
recompiles. With ``NNDL_BUILD_MEMO=off`` they are kept in memory only (``extensions.memo.TEMPLATES``).
The other results kept between builds are listed in extensions/memo.py.
"""

from __future__ import annotations

import platform

import jinja2

from extensions.memo import DISK, TEMPLATES, disk_enabled, source_version, version_folder


def template_cache() -> jinja2.BytecodeCache:
    if not disk_enabled():
        return TEMPLATES
    libraries = source_version(libraries=("Jinja2", "mkdocs", "mkdocs-material"))
    folder = version_folder(DISK / "jinja" / f"{libraries}-py{platform.python_version()}")
    return jinja2.FileSystemBytecodeCache(str(folder))


def on_env(env, config, files):
    env.bytecode_cache = template_cache()
    return env
