"""The contract between the engine and a check: a context in, findings out."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from attrlint.analysis import Analysis, Attribution, CueMention, Lexicon, SourceKind, Voice
from attrlint.document.model import Document
from attrlint.registry.model import Registry
from attrlint.registry.refs import Sourcing, resolve
from attrlint.types import Edit, Severity, Span


@dataclass(frozen=True, slots=True)
class CheckContext:
    document: Document
    analysis: Analysis
    lexicon: Lexicon
    registry: Registry | None = None
    # the registry entries the story leans on; None when no registry is configured
    sourcing: Sourcing | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.registry is not None:
            object.__setattr__(
                self, "sourcing", resolve(self.document, self.analysis, self.registry)
            )

    def story_prose(self) -> str:
        """The prose of the story being checked: the document's, or for a long document analysed
        in windows, this window's (so that a story-wide search costs the window, not the file)."""
        blocks = self.document.blocks
        if not blocks:
            return self.document.prose
        return self.document.prose[blocks[0].span.start : blocks[-1].span.end]

    def window(self, sentence: int, lead_looks_ahead: bool = False) -> list[Attribution]:
        return self.analysis.window(sentence, lead_looks_ahead)

    def own_voice(self, cue: CueMention) -> bool:
        """The reporter's words: not quoted, and credited to no one but an agentless passive
        ("It should be noted that ...", "It is believed ... clearly ...")."""
        if cue.voice is Voice.REPORTER:
            return True
        return (
            cue.voice is Voice.ATTRIBUTED
            and all(a.kind is SourceKind.NONE for a in self.analysis.attributions_in(cue.sentence))
            and not self.analysis.sentences[cue.sentence].personal
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports; the engine adds the rule's id, name and message template."""

    span: Span
    args: Mapping[str, str] = field(default_factory=dict)
    message_key: str | None = None
    severity: Severity | None = None
    fix: tuple[Edit, ...] = ()


Check = Callable[[CheckContext], Iterator[Finding]]
