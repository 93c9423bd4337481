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
        return self.analysis.window(sentence, lead_looks_ahead)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports; the engine adds the rule's id, name and message template."""

    span: Span
    args: Mapping[str, str] = field(default_factory=dict)
    message_key: str | None = None
    severity: Severity | None = None
    fix: tuple[Edit, ...] = ()


Check = Callable[[CheckContext], Iterator[Finding]]
