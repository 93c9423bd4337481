"""Noun phrases and grammatical roles around a cue: subjects, by-agents and source spans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrlint.analysis.model import Sentence
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Clauses hanging off a source that say what it was doing rather than who it is ("Trump,
# speaking to veterans,"): left out of its span. Relative clauses stay ("an economist who served
# at the CBO"), as attribution annotators mark them.
CLAUSAL_MODIFIERS = frozenset({"advcl"})
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "''", "``", "'"})
# Words before a source that are not part of it ("Even Trump said"); "both" and "all" stay at the
# front ("Both candidates said") but not at the end ("they both said").
LEADING_NOISE = frozenset({"even", "just", "--", "—", "―", "–"})
TRAILING_NOISE = frozenset({"both", "all", "themselves", "himself", "herself"})
DASHES = frozenset({"—", "–", "―", "--"})
TIME_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
EDGE_CHARS = " \t\r\n\u00a0\u200b\"'“”‘’"


def subtree_span(sent: Sentence, token: Token) -> Span:
    return sent.range_span(token.left_edge, token.right_edge)


def trimmed(sent: Sentence, tokens: list[Token]) -> Span | None:
    """The span from the first to the last token that is not punctuation or a space."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    if not words:
        return None
    return sent.range_span(words[0], words[-1])


def source_tokens(head: Token, without: Token | None = None) -> list[Token]:
    """The source phrase: the head's subtree without participial and adverbial clauses, nor the
    subtree of ``without`` (the relative clause a "who" speaks in).

    An apposition stays ("Flynn, a top Trump surrogate,"), with the comma that closes it.
    """
    dropped: set[int] = set() if without is None else {t.i for t in without.subtree}
    for tok in head.subtree:
        if tok.i != head.i and (
            tok.dep_ in CLAUSAL_MODIFIERS or (tok.dep_ == "acl" and tok.tag_ == "VBG")
        ):
            dropped.update(t.i for t in tok.subtree)
        if tok.head.i == head.i and tok.i > head.i and _when(tok):
            dropped.update(t.i for t in tok.subtree)  # "Trump on Monday said": not who, but when
    age = next(
        (c for c in head.rights if c.dep_ in ("appos", "amod", "npadvmod") and c.like_num), None
    )
    if age is not None and head.ent_type_ == "PERSON":  # "Ann Lee, 67, of Exeter": the name
        dropped.update(t.i for t in head.subtree if t.i >= age.i)
        if tok.dep_ == "case" and tok.head.i == head.i:  # "Mr. Ban's": the possessive ending
            dropped.add(tok.i)
    kept = [t for t in head.subtree if t.i not in dropped]
    # keep one contiguous run around the head, never across a quotation mark
    run = [head]
    by_index = {t.i: t for t in kept if t.text not in QUOTE_MARKS}
    i = head.i - 1
    while i in by_index:
        run.insert(0, by_index[i])
        i -= 1
    i = head.i + 1
    while i in by_index:
        run.append(by_index[i])
        i += 1
    while run and (
        run[0].is_space
        or run[0].is_punct
        or run[0].lower_ in LEADING_NOISE
        or (run[0].i != head.i and _symbol(run[0]))  # "🌊 Experts", "• Officials"
    ):
        run.pop(0)
    has_appos = any(t.dep_ == "appos" for t in run)
    opened = sum(t.text == "(" for t in run)
    while run and (
        run[-1].is_space
        or (run[-1].lower_ in TRAILING_NOISE and run[-1].i > head.i)
        or (run[-1].i > head.i and _symbol(run[-1]) and not run[-1].is_punct)
        or (
            run[-1].is_punct
            and not (has_appos and run[-1].text in (",", *DASHES))
            and not (run[-1].text == ")" and opened)
        )
    ):
        run.pop()
    if run and run[-1].text == "," and not has_appos:
        run.pop()
    if has_appos and run and run[-1].text not in (",", *DASHES):
        nxt = run[-1].i + 1
        if nxt < len(head.doc) and head.doc[nxt].text in (",", *DASHES) and nxt not in dropped:
            opener = next((t for t in run if t.i > head.i and t.text in (",", *DASHES)), None)
            if opener is None or opener.text == head.doc[nxt].text or head.doc[nxt].text == ",":
                run.append(head.doc[nxt])  # the mark that closes the apposition
    return run or [head]


def _symbol(tok: Token) -> bool:
    """A token with no letter or digit in it: an emoji, a bullet, a dingbat."""
    return not any(ch.isalnum() for ch in tok.text)


def _when(tok: Token) -> bool:
    """A time phrase inside a subject: "on Monday", "last week", "in 2012"."""
    if tok.dep_ == "prep":
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        return bool(objs) and objs[0].ent_type_ in ("DATE", "TIME")
    return tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME")


def source_span(sent: Sentence, head: Token, without: Token | None = None) -> Span:
    tokens = source_tokens(head, without)
    span = sent.range_span(tokens[0], tokens[-1])
    text = sent.text_of(span)
    start, end = 0, len(text)
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return Span(span.start + start, span.start + end) if end > start else span


def source_text(sent: Sentence, head: Token, without: Token | None = None) -> str:
    span = source_span(sent, head, without)
    return sent.text_of(span)


def antecedent(subject: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for: in "Smith, who said ...", "who" is Smith."""
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return subject


MANNER_NOUNS = frozenset({"name", "phone", "telephone", "email", "e-mail", "letter", "video"})


def _manner(noun: Token) -> bool:
    """ "by name", "by phone": a bare manner noun, not "by a letter from the ministry"."""
    return noun.lower_ in MANNER_NOUNS and not any(
        c.dep_ in ("det", "poss", "amod", "prep", "compound") for c in noun.children
    )


def agent_of(verb: Token) -> Token | None:
    """The by-agent of a passive cue, also when the parser hung it lower ("reported as X by Y")."""
    for child in verb.subtree:
        if (
            child.dep_ in ("agent", "prep")
            and child.lower_ == "by"
            and (child.dep_ == "agent" or child.head.i == verb.i or child.head.dep_ == "pcomp")
        ):
            for grandchild in child.children:
                if (
                    grandchild.dep_ == "pobj"
                    and grandchild.ent_type_ not in TIME_LABELS
                    and not _manner(grandchild)
                ):
                    return grandchild  # "by 2007" is a deadline, "by name" a manner: no agent
    return None


def _place_after_place(tok: Token) -> bool:
    """ "in Harrogate, Yorkshire": the word right after a comma that follows a place."""
    start = tok.left_edge.i
    if start < 2 or tok.doc[start - 1].text != ",":
        return False
    place = tok.doc[start - 2]
    return place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC")


def misread_modal(verb: Token) -> Token | None:
    """A name the tagger read as a modal: in "May said ...", "May" hangs from a finite verb,
    which a modal never does (it takes a bare infinitive: "may say")."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return None
    for child in verb.lefts:
        if child.dep_ == "aux" and child.tag_ in ("MD", "NNP") and child.text.istitle():
            return child
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it hangs from ("went on to speculate"). Of two
    subjects the parser gives one verb ('"... the foundation, ..." said a person close to her'),
    the one after the verb, else the nearer ("Usdaw general secretary John Hannett added"), but
    not the county after a town ("Anna Holt, at the rally in Harrogate, Yorkshire said")."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        after = [child for child in subjects if child.i > verb.i]
        if after:
            return after[0]
        last = subjects[-1]
        return subjects[-2] if _place_after_place(last) else last
    if subjects:
        return subjects[0]
    name = misread_modal(verb)
    if name is not None:
        return name
    node = verb
    for _ in range(3):
        if node.dep_ not in ("conj", "xcomp", "pcomp", "prep", "advcl") or node.head.i == node.i:
            return None
        if node.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in node.head.children):
            return None  # "led 12 viewers to complain": the object, not the subject, complains
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
    return None
