"""The contract between the engine and a check: a context in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from attrlint.analysis import Analysis, Attribution, Lexicon
from attrlint.document.model import Document
from attrlint.types import Edit, Severity, Span


@dataclass(frozen=True, slots=True)
class CheckContext:
    document: Document
    analysis: Analysis
    lexicon: Lexicon

    def window(self, sentence: int, lead_looks_ahead: bool = False) -> list[Attribution]:
        """Attributions in this sentence or the previous one of the same paragraph.

        The story's first sentence may also lean on the next one (a lead sourced high).
        """
        sentences = self.analysis.sentences
        found = list(self.analysis.attributions_in(sentence))
        here = sentences[sentence]
        if sentence > 0 and sentences[sentence - 1].block == here.block:
            found += self.analysis.attributions_in(sentence - 1)
        if lead_looks_ahead and self.is_lead(sentence) and sentence + 1 < len(sentences):
            found += self.analysis.attributions_in(sentence + 1)
        return found

    def is_lead(self, sentence: int) -> bool:
        """The first sentence of the story that is not a heading."""
        for sent in self.analysis.sentences:
            if not sent.heading:
                return sent.index == sentence
        return False


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports; the engine adds the rule's id, name and message template."""

    span: Span
    args: Mapping[str, str] = field(default_factory=dict)
    message_key: str | None = None
    severity: Severity | None = None
    fix: tuple[Edit, ...] = ()


Check = Callable[[CheckContext], Iterator[Finding]]
