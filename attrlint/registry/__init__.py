"""The newsroom's source registry (RULES.md section 3): a YAML file of rated sources.

The registry is data, like the lexicon: ``load_registry`` reads and validates it; the analysis
facts are matched against it in :mod:`attrlint.registry.refs` (imported only when linting, since
it needs the analysis); the REL rules and NUM006/SRC009 read the matches.
"""

from __future__ import annotations

from attrlint.registry.load import MAX_BYTES, RegistryError, load_registry
from attrlint.registry.model import BARRED, DOUBTFUL, TIERS, Entry, Registry

__all__ = [
    "BARRED",
    "DOUBTFUL",
    "MAX_BYTES",
    "TIERS",
    "Entry",
    "Registry",
    "RegistryError",
    "load_registry",
]
