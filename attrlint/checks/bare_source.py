"""SRC003 bare-source: "a source said", "sources say", "insiders", "{outlet} has learned"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrlint.analysis import SourceKind
from attrlint.checks.base import CheckContext, Finding

# a place says where the sources are, not who they are: "sources in Japan" is still bare
PLACE = re.compile(r"\s+(?:in|from|within|across)\s+(?:the\s+)?[A-Z][\w.'’\- ]*$")
BARE_WORDS = frozenset({"a", "one", "another", "the", "some", "several", "two", "three", "our"})


def check(ctx: CheckContext) -> Iterator[Finding]:
    for attribution in ctx.analysis.attributions:
        source = attribution.source
        if source is None or ctx.analysis.in_quote(source):
            continue
        words = PLACE.sub("", attribution.source_text).lower().split()
        if attribution.source_lemma in ctx.lexicon.bare_source_nouns and all(
            w in BARE_WORDS or w.rstrip("s") in ctx.lexicon.bare_source_nouns for w in words
        ):
            yield Finding(source, {"term": attribution.source_text})
        elif attribution.cue_lemma == "learn" and attribution.kind is SourceKind.NAMED_ORGANISATION:
            yield Finding(
                attribution.cue, {"term": f"{attribution.source_text} {attribution.cue_text}"}
            )
