"""YAML written by users (front matter, registries), loaded safely and within bounds.

``yaml.safe_load`` builds no Python objects beyond plain data, but it still trusts the size of
what it reads: a few lines of anchors and aliases ("billion laughs") expand to a structure with
billions of entries for whoever walks it, an anchor may contain itself, and deep nesting exhausts
the stack. Before anything is built, one pass over the parser's events (no recursion) bounds the
text, the nesting depth and the number of values with every alias expanded, and rejects an alias
to a collection that is still open; only then does the safe loader build the data.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 64
MAX_VALUES = 10_000


def load_packaged(text: str) -> Any:
    """Parse YAML that ships with attrlint (rules, word lists, profiles) with the safe loader."""
    # Read on every run and trusted: libyaml's loader (when PyYAML has it) is ten times faster
    # than the pure-Python one and builds the same plain data.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class YAMLLimitError(ValueError):
    """YAML that is larger, deeper or more self-referential than allowed."""


def load_yaml(
    text: str, max_chars: int, max_values: int = MAX_VALUES, max_depth: int = MAX_DEPTH
) -> Any:
    """Parse one YAML document with the safe loader after checking its bounds.

    Raises YAMLLimitError when a bound is exceeded and ``yaml.YAMLError`` when it is not YAML.
    """
    if len(text) > max_chars:
        raise YAMLLimitError(f"too long ({len(text)} characters; the limit is {max_chars})")
    _check_events(text, max_values, max_depth)
    return yaml.safe_load(text)


def _check_events(text: str, max_values: int, max_depth: int) -> None:
    sizes: dict[str, int] = {}  # anchor -> values in its collection or scalar, aliases expanded
    open_anchors: list[str | None] = []
    counts: list[int] = [0]
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            anchor = event.anchor or ""
            if anchor in open_anchors:
                raise YAMLLimitError(f"the alias *{anchor} refers to a value that contains it")
            counts[-1] += sizes.get(anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            counts[-1] += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            if len(open_anchors) >= max_depth:
                raise YAMLLimitError(f"nested more than {max_depth} levels deep")
            open_anchors.append(event.anchor)
            counts.append(1)
        elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            closed = open_anchors.pop()
            size = counts.pop()
            if closed is not None:
                sizes[closed] = size
            counts[-1] += size
        else:
            continue
        if sum(counts) > max_values:
            raise YAMLLimitError(
                f"more than {max_values} values once its aliases are expanded (an alias bomb?)"
            )
