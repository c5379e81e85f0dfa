"""The nav of mkdocs.yml, for tests that must not hard-code section numbers (a page inserted mid-chapter
renumbers the rest). The file carries MkDocs' own YAML tags, read here as plain values."""

from __future__ import annotations

from pathlib import Path

import yaml


class AnyTagLoader(yaml.SafeLoader):
    """A safe YAML loader that reads MkDocs' own tags (``!relative``, ``!ENV``, ``!!python/name:``,
    ``!!python/object/apply:``) as plain values: tests only need the nav of mkdocs.yml."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


AnyTagLoader.add_multi_constructor("!", _untagged)
AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def nav_titles(nav: list, found: dict[str, str] | None = None) -> dict[str, str]:
    """``{page path: nav title}`` of every page in a MkDocs nav, at any depth."""
    found = {} if found is None else found
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    nav_titles(value, found)
                else:
                    found[value] = title
    return found


def load_config(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=AnyTagLoader)
