""""Tested with": the versions the site's code was run and checked with, read from the build environment.

``on_config`` puts them into ``config.extra.tested_with``; ``overrides/partials/copyright.html`` shows them
in every page's footer. They are never typed by hand: the code blocks, figures and labs of this build ran
with exactly the interpreter and packages that build ran in. The date is the build's (UTC), or
``SOURCE_DATE_EPOCH`` when set, for a reproducible build.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform

PACKAGES = ("numpy", "torch", "scikit-learn", "matplotlib")


def tested_with(environ=None) -> dict[str, str]:
    environ = os.environ if environ is None else environ
    if "SOURCE_DATE_EPOCH" in environ:
        when = datetime.datetime.fromtimestamp(int(environ["SOURCE_DATE_EPOCH"]), datetime.UTC)
    else:
        when = datetime.datetime.now(datetime.UTC)
    versions = {"Python": platform.python_version()}
    versions |= {name: importlib.metadata.version(name) for name in PACKAGES}
    return {"versions": versions, "date": when.date().isoformat()}


def on_config(config):
    config.extra["tested_with"] = tested_with()
    return config
