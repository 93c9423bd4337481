"""Who a source is: pronouns and short names resolved to the nearest fitting full name, and
quotes tied to the attribution that speaks them.

Deliberately simple and local: "he said" takes the most recent named person credited with a
statement (or, failing that, mentioned) within a few sentences; "Jia said" takes an earlier full
name ending in "Jia"; "it said" takes the most recent organisation, institution or document.
"""

from __future__ import annotations

import dataclasses
import re

from attrlint.analysis.lexicon import Lexicon
from attrlint.analysis.model import Analysis, Attribution, Quote, SourceKind
from attrlint.analysis.spans import SentenceIndex
from attrlint.types import Span

LOOKBACK = 6  # sentences a pronoun may reach back
QUOTE_GAP = 3  # characters between a quote and the cue or source beside it (', ', ': ')
TITLES = re.compile(
    r"^((mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|gen|sen|rep|gov|cllr|rev|det|insp|sgt|capt|col)"
    r"\.?|councillor|senator|mayor|governor|judge|minister|president|professor|inspector|detective"
    r"|sergeant|captain|colonel|general|bishop|coach)\s+",
    re.I,
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them"})
THING_PRONOUNS = frozenset({"it"})
AGE_REFERENCE = re.compile(r"the \d+-year-old")  # stands for the person last named, as "he" does
OF_WORDS = frozenset({"of", "to", "for", "with", "by", "at", "from", "on", "against"})
RELATIVES = frozenset({"who", "whose", "whom", "which", "that"})


def _people(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(sentence, offset, full name) for every PERSON entity, surnames expanded to full names."""
    found: list[tuple[int, int, str]] = []
    for sent in analysis.sentences:
        for ent in sent.entities:
            if ent.label_ != "PERSON":
                continue
            name = _short_name(ent.text)
            if " " not in name:
                name = next((n for _, _, n in reversed(found) if n.split()[-1] == name), name)
            found.append((sent.index, sent.base + ent.start_char, name))
    return found


def _organisations(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(sentence, offset, name) for every ORG entity."""
    return [
        (sent.index, sent.base + ent.start_char, ent.text.strip())
        for sent in analysis.sentences
        for ent in sent.entities
        if ent.label_ == "ORG"
    ]


def _short_name(text: str) -> str:
    return TITLES.sub("", text.strip()).strip()


def _surname_of(attribution: Attribution, people: list[tuple[int, int, str]]) -> str | None:
    """The full name of an unnamed-looking source whose head word is the surname of a person the
    story names, before or after ("Groening recently heaped praise ..., saying")."""
    if attribution.kind not in (SourceKind.ANONYMOUS, SourceKind.VAGUE_GROUP):
        return None
    source, head = attribution.source, attribution.source_head
    if source is None or head is None or not source.contains(head):
        return None
    word = attribution.source_text[head.start - source.start : head.end - source.start]
    if not word[:1].isupper() or word.isupper():
        return None
    here = source.start
    names = [(abs(offset - here), name) for _, offset, name in people if name.split()[-1] == word]
    return min(names)[1] if names else None


def _fits(noun: str, name: str, lex: Lexicon) -> bool:
    """Whether "the <noun>" can stand for the organisation ``name``: "the council" for "Avon
    Council", "the company" for "Acme Ltd" but not for "Harbour Trust"."""
    words = {w.strip(".,'’").lower() for w in name.split()}
    if noun in words:
        return True
    if words & lex.named_body_nouns:
        return False
    if noun in lex.acronym_body_nouns and name.isupper() and name.isalpha():
        return True  # "the union" for "PCS", "the party" for "SNP"
    return noun not in lex.named_body_nouns


def _head_word(attribution: Attribution) -> str:
    source, head = attribution.source, attribution.source_head
    if source is None or head is None or not source.contains(head):
        return ""
    return attribution.source_text[head.start - source.start : head.end - source.start].lower()


def _words(phrase: str) -> list[str]:
    return [w.strip(".,;:'’()").lower() for w in phrase.split()]


def _other_post(words: list[str], noun: str, phrase: str, lex: Lexicon) -> bool:
    """Whether the earlier phrase ``words`` names another post than ``phrase`` does: "the prime
    minister" is not "the sports minister"; "Oliver Letwin, the shadow chancellor" is not "the
    chancellor", nor "Deputy Prime Minister John Prescott" "the prime minister"; and the post of
    someone else ("a friend of the mayor", "whose husband is the mayor") is not hers."""
    mine = _words(phrase)
    if any(w not in words for w in mine if w not in ("the", "this", "that")):
        return True
    lead = words[: words.index(noun)]
    if any(w in OF_WORDS or w in RELATIVES for w in lead):
        return True
    return any(w in lex.rank_modifiers and w not in mine for w in lead[-3:])


def _described_before(
    attribution: Attribution, previous: list[Attribution], lex: Lexicon
) -> Attribution | None:
    """The earlier source that "the <noun>" stands for: a named person whose own description
    holds the noun ("Ann Bell, a dairy farmer" for "the farmer"), or an unnamed one with the same
    head ("a woman at the market" for "the woman", "a bookmaker" for "the bookmaker"), in the same
    post. A named person only by a noun for a person: "the council" is resolved by name."""
    if attribution.kind not in (SourceKind.INSTITUTION, SourceKind.ANONYMOUS):
        return None  # "The Fire Brigades Union", "the woman's lawyer, Ann Cole": named already
    noun = _head_word(attribution)
    person = noun in lex.person_nouns
    if not noun or any(mark in attribution.source_text for mark in ",()—–"):
        return None  # "the Tory leader, who argues ...": a phrase of its own
    for earlier in reversed(previous):
        if attribution.sentence - earlier.sentence > LOOKBACK:
            break
        words = _words(earlier.source_text)
        if noun not in words or _other_post(words, noun, attribution.source_text, lex):
            continue
        if earlier.kind is SourceKind.NAMED_PERSON and person:
            if earlier.speaker.lower() not in PERSON_PRONOUNS:
                return earlier
        elif earlier.kind is SourceKind.ANONYMOUS and _head_word(earlier) == noun:
            return earlier  # "a former president" is not "the president": _other_post
    return None


def _resolve(
    attribution: Attribution,
    previous: list[Attribution],
    people: list[tuple[int, int, str]],
    organisations: list[tuple[int, int, str]],
    lex: Lexicon,
    mentioned: list[tuple[int, int, str]],
) -> Attribution:
    text = attribution.source_text.strip()
    lower = text.lower()
    if attribution.source is None or attribution.speaker:
        return attribution
    here = attribution.source.start
    inside = [n for _, o, n in people if attribution.source.start <= o < attribution.source.end]
    if inside and attribution.kind is SourceKind.NAMED_PERSON:  # "its owner Lena Fisk"
        return dataclasses.replace(attribution, speaker=inside[0])
    words = lower.split()
    if len(words) == 2 and words[0] in ("the", "this", "that") and words[1] in lex.body_nouns:
        for sentence, offset, name in reversed(organisations):  # "the company" after "Acme"
            if attribution.sentence - sentence > LOOKBACK:
                break
            if offset < here and _fits(words[1], name, lex):
                return dataclasses.replace(attribution, speaker=name)
    if lower in PERSON_PRONOUNS or AGE_REFERENCE.fullmatch(lower):
        # the most recent named person: credited with a statement, or just mentioned
        best: tuple[int, str] | None = None
        for earlier in reversed(previous):
            if attribution.sentence - earlier.sentence > LOOKBACK:
                break
            if (
                earlier.kind is SourceKind.NAMED_PERSON
                and earlier.source is not None
                and (earlier.speaker and earlier.speaker.lower() not in PERSON_PRONOUNS)
            ):
                best = (earlier.source.start, earlier.speaker)
                break
        for sentence, offset, name in reversed(mentioned):
            if offset < here and attribution.sentence - sentence <= LOOKBACK:
                if best is None or offset > best[0]:
                    best = (offset, name)
                break
        return dataclasses.replace(attribution, speaker=best[1] if best else text)
    if lower in THING_PRONOUNS:
        for earlier in reversed(previous):
            if attribution.sentence - earlier.sentence > LOOKBACK:
                break
            if earlier.kind.is_body:
                return dataclasses.replace(attribution, kind=earlier.kind, speaker=earlier.speaker)
        return attribution
    surname = _surname_of(attribution, people)
    if surname is not None:  # "said Connors", tagged as a plural noun, after "Jimmy Connors"
        return dataclasses.replace(attribution, speaker=surname, kind=SourceKind.NAMED_PERSON)
    short = _short_name(text)
    named = attribution.kind in (SourceKind.NAMED_PERSON, SourceKind.NAMED_ORGANISATION)
    if named and short and " " not in short:
        for _, offset, name in reversed(people):
            if offset < here and name.split()[-1] == short:
                return dataclasses.replace(attribution, speaker=name, kind=SourceKind.NAMED_PERSON)
    if attribution.kind is SourceKind.NAMED_ORGANISATION and any(
        name.split()[-1] == short.split()[-1] for _, _, name in people if short
    ):  # a person the entity recogniser missed here but tagged elsewhere
        return dataclasses.replace(attribution, speaker=short, kind=SourceKind.NAMED_PERSON)
    if lower.startswith(("the ", "this ", "that ")):
        described = _described_before(attribution, previous, lex)
        if described is not None:  # "the farmer" after "Ann Bell, a dairy farmer"
            return dataclasses.replace(
                attribution,
                kind=described.kind,
                speaker=described.speaker or described.source_text,
            )
    return dataclasses.replace(attribution, speaker=short or text)


def resolve_speakers(analysis: Analysis, lex: Lexicon) -> None:
    """Fill ``Attribution.speaker`` for every attribution, in document order."""
    people = _people(analysis)
    organisations = _organisations(analysis)
    # "he" outside a quote stands for someone named outside quotes: in '"We will beat Ann Ray,"
    # said the coach. He added ...', "he" is not Ann Ray
    mentioned = [p for p in people if not analysis.in_quote(Span(p[1], p[1] + 1))]
    resolved: list[Attribution] = []
    for attribution in analysis.attributions:
        resolved.append(_resolve(attribution, resolved, people, organisations, lex, mentioned))
    analysis.attributions = resolved


def _last_speaker(
    analysis: Analysis, quote: Quote, first: int, by_sentence: dict[int, list[int]]
) -> int | None:
    """The speaker a quote that opens its sentence continues: the last one credited in the
    sentence before it, or, when the quote opens its paragraph, in the paragraph before. The wire
    and BBC convention: 'Mr Fox said the powers were weak.' then '"If you close for 24 hours ..."'.
    """
    sent = analysis.sentences[first]
    if sent.span.start != quote.span.start or first == 0:
        return None
    before = analysis.sentences[first - 1]
    if before.heading or before.quoted_block:
        return None
    if not sent.first_in_block:
        sentences = [before.index]
    elif before.block == sent.block - 1:
        sentences = []
        index = first - 1
        while index >= 0 and analysis.sentences[index].block == before.block:
            sentences.append(index)
            index -= 1
    else:
        return None
    found = [
        a
        for s in sentences
        for a in by_sentence.get(s, [])
        if analysis.attributions[a].relation in ("speech", "belief", "intention", "stance")
        and analysis.attributions[a].source is not None
        and analysis.attributions[a].kind is not SourceKind.NONE
    ]
    return max(found, default=None)


def _beside(attribution: Attribution, quote: Quote) -> bool:
    """A quote that stands beside the cue as what was said: right after it ('told reporters: "..."')
    or before the source with nothing but a comma between ('"...," Ann Bell, the mayor, told'); not
    a scare quote inside the source or the object ('the "cash for honours" row')."""
    source = attribution.source
    if source is not None and source.overlaps(quote.span):
        return False
    if 0 <= quote.span.start - attribution.cue.end <= QUOTE_GAP:
        return True
    start = source.start if source is not None else attribution.cue.start
    return 0 <= start - quote.span.end <= QUOTE_GAP


def _introduced(analysis: Analysis, index: int, quote: Quote) -> None:
    """The quote is what a cue with no content of its own says: one beside it in its sentence
    ('"It is safe," Ann Bell, the mayor, told reporters'), or one opening the paragraph after a cue
    that ends in a colon ("The mayor declared:")."""
    attribution = analysis.attributions[index]
    if attribution.content is None:
        analysis.attributions[index] = dataclasses.replace(
            attribution, content=quote.span, clausal=True
        )


def link_quotes(analysis: Analysis) -> None:
    """Tie each quote to the attribution that speaks it.

    An attribution in a sentence the quote touches, with its cue outside the quote, speaks it; a
    quote with none nearby (a "floating" quote) continues the most recent speaker: the previous
    quote's when it follows in the same or the next paragraph, or the last one credited just
    before it (``_last_speaker``).
    """
    by_sentence: dict[int, list[int]] = {}
    for index, attribution in enumerate(analysis.attributions):
        by_sentence.setdefault(attribution.sentence, []).append(index)
    previous: tuple[int, int] | None = None  # (block, attribution index) of the last quote
    sentences = SentenceIndex(analysis.sentences)
    for q_index, quote in enumerate(analysis.quotes):
        touched = [s.index for s in sentences.overlapping(quote.span)]
        if touched:
            touched.append(touched[-1] + 1)  # '"We will win." Ana Ruiz said so on Monday.'
        candidates = [
            a
            for s in touched
            for a in by_sentence.get(s, [])
            if not quote.span.contains(analysis.attributions[a].cue)
            and analysis.attributions[a].relation in ("speech", "belief")
        ]
        if candidates:
            best = min(
                candidates,
                key=lambda a: min(
                    abs(analysis.attributions[a].cue.start - quote.span.end),
                    abs(quote.span.start - analysis.attributions[a].cue.end),
                ),
            )
            analysis.quote_speakers[q_index] = best
            previous = (quote.block, best)
            if _beside(analysis.attributions[best], quote):
                _introduced(analysis, best, quote)
        else:
            carried = (
                previous[1] if previous is not None and quote.block - previous[0] <= 1 else None
            )
            last = _last_speaker(analysis, quote, touched[0], by_sentence) if touched else None
            chosen = max((i for i in (carried, last) if i is not None), default=None)
            if chosen is not None:
                analysis.quote_speakers[q_index] = chosen
                previous = (quote.block, chosen)
                if analysis.attributions[chosen].cue_text.endswith(":"):
                    _introduced(analysis, chosen, quote)
