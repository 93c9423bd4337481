"""Figures as written, for the NUM rules: values, precision, changes, bounds, measures, polls."""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from attrlint.analysis.model import Analysis, NumberClass, NumberMention, Sentence
from attrlint.errors import RuleDataError
from attrlint.safe_yaml import load_packaged
from attrlint.types import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

NUMERAL = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z/]*)$", re.I)
MAGNITUDES = {
    "bn": 1e9,
    "billion": 1e9,
    "b": 1e9,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "k": 1e3,
    "thousand": 1e3,
    "tn": 1e12,
    "trillion": 1e12,
}
WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "half": 0.5,
}
CURRENCY = frozenset("£$€¥₹")
NOT_BASE = frozenset(
    {NumberClass.DATE, NumberClass.TIME, NumberClass.YEAR, NumberClass.AGE, NumberClass.ORDINAL}
)
NOMINAL_DEPS = frozenset({"compound", "amod", "nmod", "nsubj", "dobj", "pobj", "attr"})
CLAUSE_BREAKS = frozenset({"conj", "advcl", "parataxis", "relcl"})
LOWER_BOUND = ("more than", "over", "at least", "upwards of", "just over", "in excess of")
UPPER_BOUND = (
    "up to",
    "as many as",
    "as much as",
    "fewer than",
    "less than",
    "under",
    "just under",
    "nearly",
    "almost",
    "close to",
)
BOUND_HEADS = frozenset({"up", "close"})
AROUND = ("about", "around", "some", "roughly", "approximately", "estimated", "an estimated")
LEVEL_FILLERS = frozenset({*AROUND, "nearly", "almost", "just", "a", "record", "high", "low"})


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleDataError(f"numbers.yaml: {key!r} must be a list of strings")
    return frozenset(v.lower() for v in value)


def _groups(data: dict[str, Any], key: str) -> dict[str, frozenset[str]]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise RuleDataError(f"numbers.yaml: {key!r} must be a mapping of lists")
    return {str(k): _set(value, k) if value[k] else frozenset() for k in value}


@dataclass(frozen=True, slots=True)
class NumberWords:
    """The lists of ``numbers.yaml``, each a frozenset of lower-case words or phrases."""

    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    change_comparatives: frozenset[str]
    fold_verbs: frozenset[str]
    fold_words: frozenset[str]
    rate_nouns: frozenset[str]
    results_nouns: frozenset[str]
    priced_verbs: frozenset[str]
    percent_quantities: frozenset[str]
    risk_words: frozenset[str]
    agent_change_verbs: frozenset[str]
    change_fillers: frozenset[str]
    up_particle_verbs: frozenset[str]
    bound_phrases: frozenset[str]
    limit_words: frozenset[str]
    typical_words: frozenset[str]
    rounding_markers: frozenset[str]
    precision_contexts: frozenset[str]
    measure_nouns: dict[str, frozenset[str]]
    measure_verbs: dict[str, frozenset[str]]
    measure_adjectives: dict[str, frozenset[str]]
    people_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    deal_nouns: frozenset[str]
    update_markers: frozenset[str]
    interested_nouns: frozenset[str]
    company_nouns: frozenset[str]
    party_names: frozenset[str]
    party_roles: frozenset[str]
    own_money_words: frozenset[str]
    intention_words: frozenset[str]
    poll_nouns: frozenset[str]
    pollsters: frozenset[str]
    respondent_nouns: frozenset[str]
    asked_verbs: frozenset[str]
    margin_phrases: frozenset[str]
    method_words: frozenset[str]
    vote_poll_words: frozenset[str]
    lead_words: frozenset[str]
    tie_phrases: frozenset[str]
    institution_words: frozenset[str]
    proposal_verbs: frozenset[str]
    ballot_words: frozenset[str]
    poll_run_verbs: frozenset[str]
    sponsor_words: frozenset[str]
    new_poll_words: frozenset[str]
    same_poll_words: frozenset[str]
    not_poll_modifiers: frozenset[str]
    currency_words: frozenset[str]


GROUP_FIELDS = frozenset({"measure_nouns", "measure_verbs", "measure_adjectives"})


@functools.cache
def load_number_words() -> NumberWords:
    """Parse and check the packaged ``numbers.yaml``."""
    text = resources.files("attrlint.data").joinpath("numbers.yaml").read_text("utf-8")
    data = load_packaged(text)
    if not isinstance(data, dict):
        raise RuleDataError("numbers.yaml: expected a mapping")
    fields: dict[str, Any] = {
        name: _groups(data, name) if name in GROUP_FIELDS else _set(data, name)
        for name in NumberWords.__dataclass_fields__
    }
    return NumberWords(**fields)


@functools.cache
def _longest_first(phrases: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(phrases, key=lambda p: (-len(p), p)))


def has_phrase(words: Iterable[str], phrases: frozenset[str]) -> str | None:
    """The longest of ``phrases`` that occurs as whole words in ``words`` (lower case), if any."""
    joined = " " + " ".join(words) + " "
    for phrase in _longest_first(phrases):
        if f" {phrase} " in joined:
            return phrase
    return None


def lower_words(tokens: Iterable[Token]) -> list[str]:
    """The tokens' lower-case forms."""
    return [t.lower_ for t in tokens]


# --- Figures ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeral with its sign, magnitude and unit, by token index ("10% to 15%" is two)."""

    first: int  # the first token (a currency sign, or the numeral)
    number: int  # the numeral
    last: int  # the last token, inclusive (the numeral, its magnitude, "%" or "cent")
    value: float
    text: str  # the numeral as written: "1,287.46"
    percent: bool = False
    points: bool = False  # "5 points", "5 percentage points"
    money: bool = False
    unit: str = ""  # "km", "miles", "tonnes", "people": the unit or noun just after
    scaled: bool = False  # written with a magnitude: "3.997 billion", "£1.2bn"

    def span(self, sent: Sentence) -> Span:
        doc = sent.sent.doc
        span = sent.range_span(doc[self.first], doc[self.last])
        if self.last != self.number and doc[self.last].text.endswith("."):
            return Span(span.start, span.end - 1)  # "£120m." at a sentence end
        return span

    def written(self, doc: Doc) -> str:
        text = doc[self.first : self.last + 1].text
        return text[:-1] if self.last != self.number and text.endswith(".") else text


def _numeral(tok: Token) -> tuple[float, str, str] | None:
    """(value, digits as written, suffix) of a numeral token, or None."""
    match = NUMERAL.match(tok.text)
    if match:
        whole, frac, suffix = match.groups()
        value = float(whole.replace(",", "") + ("." + frac if frac else ""))
        written = tok.text[: len(tok.text) - len(suffix)]
        return value * MAGNITUDES.get(suffix.lower(), 1), written, suffix
    if tok.lower_ in WORD_VALUES and tok.like_num:
        return float(WORD_VALUES[tok.lower_]), tok.text, ""
    return None


def figures_in(sent: Sentence) -> list[Figure]:
    """Every numeral of the sentence as a ``Figure``."""
    words = load_number_words()
    doc = sent.sent.doc
    found: list[Figure] = []
    end = sent.sent.end
    for tok in sent.sent:
        parsed = _numeral(tok)
        if parsed is None:
            continue
        value, text, suffix = parsed
        first = last = tok.i
        money = False
        if first > sent.sent.start and (
            doc[first - 1].text in CURRENCY or doc[first - 1].tag_ == "$"
        ):
            first -= 1
            money = True
        nxt = last + 1
        scaled = bool(suffix) and suffix.lower() in MAGNITUDES
        if nxt < end and doc[nxt].lower_.rstrip(".") in MAGNITUDES and not suffix:
            scaled = True
            value *= MAGNITUDES[doc[nxt].lower_.rstrip(".")]
            last = nxt
            nxt += 1
        percent = points = False
        unit = suffix.lower() if suffix.lower() not in MAGNITUDES else ""
        if nxt < end and doc[nxt].text == "%":
            percent, last = True, nxt
        elif nxt + 1 < end and doc[nxt].lower_ == "per" and doc[nxt + 1].lower_ == "cent":
            percent, last = True, nxt + 1
        elif nxt < end and doc[nxt].lower_ in ("percent", "pc"):
            percent, last = True, nxt
        elif (nxt < end and doc[nxt].lower_ in ("point", "points", "pts")) or (
            nxt + 1 < end
            and doc[nxt].lower_ == "percentage"
            and doc[nxt + 1].lower_.startswith("point")
        ):
            points = True
        elif not unit and nxt < end and doc[nxt].is_alpha:
            unit = doc[nxt].lower_
        money = money or unit in words.currency_words
        found.append(Figure(first, tok.i, last, value, text, percent, points, money, unit, scaled))
    return found


def significant_digits(text: str) -> int:
    """Significant figures of a numeral as written; trailing zeros of a whole number don't count."""
    digits = text.replace(",", "")
    if not digits.replace(".", "").isdigit():
        return 1  # a number word: "three"
    whole, _, frac = digits.partition(".")
    whole = whole.lstrip("0")
    if frac:
        return len(whole) + len(frac) if whole else len(frac.lstrip("0"))
    return len(whole.rstrip("0"))


def decimals(text: str) -> int:
    """Digits after the decimal point."""
    return len(text.partition(".")[2])


def mention_at(analysis: Analysis, sent: Sentence, fig: Figure) -> NumberMention | None:
    """The analysis's number mention that overlaps the figure, if any."""
    span = fig.span(sent)
    numbers = analysis.numbers  # in sentence order, as analyse() finds them: bisect, not a walk
    index = bisect_left(numbers, sent.index, key=lambda number: number.sentence)
    while index < len(numbers) and numbers[index].sentence == sent.index:
        if numbers[index].span.overlaps(span):
            return numbers[index]
        index += 1
    return None


def words_before(doc: Doc, index: int, floor: int, count: int = 3) -> list[str]:
    """Up to ``count`` lower-case words before token ``index``, nearest last."""
    return [t.lower_ for t in doc[max(floor, index - count) : index]]


def qualifier(doc: Doc, fig: Figure, floor: int) -> str:
    """The approximation or bound written before a figure: "more than", "about", "up to"..."""
    before = " " + " ".join(words_before(doc, fig.first, floor, 3)) + " "
    for phrase in (*LOWER_BOUND, *UPPER_BOUND, *AROUND):
        if before.endswith(f" {phrase} "):
            return phrase
    return ""


def interval(doc: Doc, fig: Figure, floor: int) -> tuple[float, float]:
    """The values a figure allows, given its qualifier and how far it is rounded."""
    value = fig.value
    digits = fig.text.replace(",", "")
    if digits.replace(".", "").isdigit() and float(digits):
        whole = digits.partition(".")[0]
        places = decimals(fig.text)
        unit = 10.0**-places if places else 10.0 ** (len(whole) - len(whole.rstrip("0")))
        half = unit * (value / float(digits)) / 2
    else:
        half = 0.5  # a number word: "twelve"
    low, high = value - half, value + half
    said = qualifier(doc, fig, floor)
    if said in LOWER_BOUND:
        return low, math.inf
    if said in ("nearly", "almost", "close to", "just under"):
        return value * 0.85, high
    if said in UPPER_BOUND:
        return 0.0, high
    if said in AROUND:
        return min(low, value * 0.85), max(high, value * 1.15)
    return low, high


# --- Clauses ---------------------------------------------------------------------------------


def clause_head(tok: Token) -> Token:
    """The verb whose clause holds ``tok`` (the root if none)."""
    node = tok
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def clause_tokens(head: Token) -> set[int]:
    """Indices of the head's clause: its subtree without coordinated or subordinate clauses."""
    skip: set[int] = set()
    for child in head.children:
        if child.dep_ in CLAUSE_BREAKS and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    return {t.i for t in head.subtree} - skip


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, looking up through "xcomp"/"conj" chains for a shared one."""
    node: Token | None = verb
    for _ in range(4):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        node = node.head if node.dep_ in ("xcomp", "conj", "aux", "acomp") else None
    return None


# --- Changes (NUM001, NUM002) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A relative change: "rose 5%", "a 5% rise", "up 5%", "50% more likely", "doubled"."""

    word: Token  # the change verb, noun, "up"/"down", comparative, or fold word
    kind: str  # verb | noun | updown | comparative | fold
    figure: Figure | None  # the percentage (None for "doubled")
    measured: Token | None  # the thing that changed, when the parse names it


def _measured_by_noun(noun: Token) -> Token | None:
    """What a change noun changes: "a rise in burglaries", "a pay rise"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "for"):
            objects = [g for g in child.children if g.dep_ == "pobj" and not g.like_num]
            if objects and objects[0].lower_ not in ("%", "cent", "percent"):
                return objects[0]
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "poss") and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _measured_by_verb(verb: Token, fig_tokens: set[int]) -> Token | None:
    """What a change verb changes: its object ("cut prices") or its subject ("sales rose")."""
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and child.i not in fig_tokens
            and not child.like_num
            and child.lower_ not in ("%", "cent", "percent")
        ):
            return child  # "cut prices by 20%"
    subj = subject_of(verb)
    if subj is not None and subj.pos_ == "PRON":
        return None
    return subj


def change_of(sent: Sentence, fig: Figure, words: NumberWords) -> Change | None:
    """The change a percentage measures, if it is one."""
    if not fig.percent:
        return None
    doc = sent.sent.doc
    end, floor = sent.sent.end, sent.sent.start
    spread = set(range(fig.first, fig.last + 1))
    after = fig.last + 1
    if after < end and doc[after].text in ("-", "–"):
        after += 1
    if after < end:
        nxt = doc[after]
        if nxt.lower_ == "of":
            return None  # "40% of staff": a share, not a change
        if nxt.lower_ in words.change_comparatives:
            then = doc[after + 1] if after + 1 < end else None
            if then is not None and then.pos_ in ("NOUN", "ADJ"):
                return Change(nxt, "comparative", fig, then)  # "20% more visitors", "more likely"
            return Change(nxt, "comparative", fig, _measured_by_verb(clause_head(nxt), spread))
        if nxt.lemma_.lower() in words.change_nouns and nxt.pos_ in ("NOUN", "PROPN"):
            return Change(nxt, "noun", fig, _measured_by_noun(nxt))
    i = fig.first - 1
    steps = 0
    while i >= floor and steps < 5 and doc[i].lower_ in words.change_fillers:
        word = doc[i].lower_
        level = (word == "to" and (i == floor or doc[i - 1].lower_ not in BOUND_HEADS)) or (
            word == "at" and doc[i + 1].lower_ != "least"
        )
        if level:
            return None  # "rose to 15%", "stood at 5%": a level, not a change
        if word == "to":
            i -= 2  # "rise up to 30%", "close to 5%": the bound belongs to the change
        elif doc[i].lower_ == "by" and doc[i].head.lemma_.lower() in words.change_verbs:
            verb = doc[i].head
            return Change(verb, "verb", fig, _measured_by_verb(verb, spread))
        else:
            i -= 1
        steps += 1
    if i < floor:
        return None
    prev = doc[i]
    lemma = prev.lemma_.lower()
    if prev.lower_ in ("up", "down") and prev.pos_ in ("ADV", "ADP", "PART"):
        if i > floor and doc[i - 1].pos_ == "VERB":
            verb = doc[i - 1]
            if verb.lemma_.lower() in words.change_verbs:  # "edged up 0.1%"
                return Change(verb, "verb", fig, _measured_by_verb(verb, spread))
            return None  # "racks up 5%", "notched up": a particle, not "sales were up 5%"
        if prev.head.pos_ == "NOUN":  # "consumption up 0.2%"
            return Change(prev, "updown", fig, prev.head)
        return Change(prev, "updown", fig, _measured_by_verb(clause_head(prev), spread))
    if lemma in words.change_verbs and prev.pos_ in ("VERB", "AUX", "NOUN"):
        return Change(prev, "verb", fig, _measured_by_verb(prev, spread))
    if prev.dep_ == "dobj" and prev.head.lemma_.lower() in words.change_verbs:
        verb = prev.head  # "lifted interest rates 0.25%"
        return Change(verb, "verb", fig, _measured_by_verb(verb, spread))
    if prev.lower_ == "of" and i - 1 >= floor:
        noun = doc[i - 1]
        if noun.lemma_.lower() in words.change_nouns and noun.pos_ == "NOUN":
            return Change(noun, "noun", fig, _measured_by_noun(noun))
    return None


def fold_changes(sent: Sentence, words: NumberWords) -> Iterator[Change]:
    """ "doubled", "tripled", "halved", "a tenfold rise": relative changes with no percentage."""
    for tok in sent.sent:
        lemma = tok.lemma_.lower()
        if lemma in words.fold_verbs and tok.pos_ == "VERB" and tok.dep_ not in NOMINAL_DEPS:
            if any(
                c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "as") for c in tok.children
            ):
                continue  # "doubled up", "doubles as a studio"
            following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if tok.lower_ == "doubles" and following is not None and following.pos_ == "NOUN":
                continue  # "the doubles title"
            if subject_of(tok) is None and tok.tag_ not in ("VBG", "VBN"):
                continue  # "won five doubles titles": a noun the tagger took for a verb
            yield Change(tok, "fold", None, _measured_by_verb(tok, set()))
        elif tok.lower_ in words.fold_words or re.fullmatch(r"\d+-?fold", tok.lower_):
            head = tok.head
            measured = _measured_by_noun(head) if head.pos_ == "NOUN" else None
            yield Change(tok, "fold", None, measured)


def _names(token: Token) -> set[str]:
    """The word, its lemma, its modifiers, and what "the number of" counts."""
    names = {token.lower_, token.lemma_.lower()}
    names |= {c.lower_ for c in token.children if c.dep_ in ("compound", "amod")}
    if token.lemma_.lower() in ("number", "level", "total", "volume", "amount"):
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                names |= {g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"}
                names |= {g.lower_ for g in prep.children if g.dep_ == "pobj"}
    return names


def is_rate(token: Token | None, words: NumberWords) -> bool:
    """The measured thing is a price, rate, index or market: relative change is its measure."""
    if token is None:
        return False
    if token.ent_type_ in ("ORG", "GPE", "MONEY") or token.pos_ == "PROPN":
        return True  # "Tesco rose 5%" (its shares), "the FTSE fell 1%"
    return bool(_names(token) & words.rate_nouns)


def is_results(token: Token | None, words: NumberWords) -> bool:
    """The measured thing is a company result: profits, sales, revenue, passenger numbers."""
    return token is not None and bool(_names(token) & words.results_nouns)


def is_count(token: Token | None, words: NumberWords) -> bool:
    """The measured thing is counted (burglaries, downloads, "the number of films") or a risk."""
    if token is None or is_rate(token, words) or is_results(token, words):
        return False
    lemma = token.lemma_.lower()
    if lemma in words.risk_words or token.lower_ in words.risk_words:
        return True
    if lemma == "number":
        return True
    return token.tag_ == "NNS" and token.pos_ == "NOUN"


def change_clause(change: Change) -> set[int]:
    """The tokens of the clause the change is stated in."""
    head = change.word if change.kind in ("verb", "fold") else clause_head(change.word)
    return clause_tokens(head)


def from_to(
    sent: Sentence, change: Change, figures: list[Figure]
) -> tuple[Figure | None, Figure | None]:
    """The "from A%" and "to B%" levels stated with a percentage change, if any."""
    doc = sent.sent.doc
    clause = change_clause(change)
    start = end = None
    anchor = change.figure.number if change.figure is not None else change.word.i
    for fig in figures:
        if not fig.percent or fig is change.figure or fig.first not in clause:
            continue
        low, high = sorted((anchor, fig.first))
        between = doc[low + 1 : high]
        if any(t.pos_ == "VERB" and t.i != change.word.i for t in between) or len(between) > 12:
            continue  # "fell 3% as the bank raised funds ... equal to 10%": another clause's level
        before = [
            w for w in words_before(doc, fig.first, sent.sent.start, 3) if w not in LEVEL_FILLERS
        ]
        if before[-1:] == ["from"] and start is None:
            start = fig
        elif before[-1:] in (["to"], ["at"]) and before[-2:] != ["up", "to"] and end is None:
            end = fig
    return start, end


# --- Bounds (NUM004) -------------------------------------------------------------------------


def bound_before(sent: Sentence, fig: Figure, words: NumberWords) -> tuple[int, str] | None:
    """(first token, phrase) of "up to", "as many as", "as much as" right before the figure."""
    doc = sent.sent.doc
    floor = sent.sent.start
    for phrase in words.bound_phrases:
        parts = phrase.split()
        first = fig.first - len(parts)
        if first < floor or [t.lower_ for t in doc[first : fig.first]] != parts:
            continue
        if parts[0] == "up" and first > floor:
            verb = doc[first - 1]
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
                verb = verb.head  # "pushed rates up to 2.25%"
            if verb.lemma_.lower() in words.up_particle_verbs or verb.lower_ in ("'s", "is", "are"):
                return None  # "went up to 3%": a movement to a level
        return first, phrase
    return None


# --- Measures (NUM005) -----------------------------------------------------------------------


def _group(words_by_key: dict[str, frozenset[str]], *names: str) -> str | None:
    """The key of the first group that holds one of ``names``."""
    for key, group in words_by_key.items():
        if any(n in group for n in names):
            return key
    return None


def measure_of(sent: Sentence, fig: Figure, words: NumberWords) -> tuple[str, Token] | None:
    """What a count measures ("dead", "jobs", "deal") and the word that says so."""
    doc = sent.sent.doc
    num = doc[fig.number]
    after = doc[fig.last + 1] if fig.last + 1 < sent.sent.end else None
    if after is not None and not fig.money:
        key = _group(words.measure_adjectives, after.lower_)
        if key is not None:
            return key, after
    head = num.head if num.dep_ in ("nummod", "compound", "quantmod", "amod") else None
    while head is not None and head.dep_ == "compound" and head.head.pos_ == "NOUN":
        head = head.head  # "£2.3bn takeover deal"
    if head is not None and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.i != num.i:
        names = (head.lower_, head.lemma_.lower())
        if fig.money:
            return (
                ("deal:" + head.lemma_.lower(), head)
                if head.lemma_.lower() in words.deal_nouns
                else None
            )
        key = _group(words.measure_nouns, *names)
        if key is not None:
            return key, head
        if head.lemma_.lower() in words.people_nouns or head.lower_ in words.people_nouns:
            return _by_verb(head, words)
        return None
    if fig.money:
        return None
    return _by_verb(num, words) or _by_toll(num, words)


def _by_verb(tok: Token, words: NumberWords) -> tuple[str, Token] | None:
    """ "killed 1,800", "1,800 people died", "people killed": the verb says what was counted."""
    candidates = [tok.head] if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else []
    candidates += [c for c in tok.children if c.dep_ in ("acl", "relcl", "amod")]
    for verb in candidates:
        key = _group(words.measure_verbs, verb.lemma_.lower())
        if key is not None:
            return key, verb
        adj = _group(words.measure_adjectives, verb.lower_)
        if adj is not None:
            return adj, verb
    return None


def _by_toll(num: Token, words: NumberWords) -> tuple[str, Token] | None:
    """ "the death toll rose to 2,344", "a toll of 2,344"."""
    if num.dep_ != "pobj":
        return None
    prep = num.head
    owner = prep.head
    if owner.pos_ in ("VERB", "AUX"):
        owner = subject_of(owner) or owner
    if owner.lemma_.lower() not in words.toll_nouns:
        return None
    modifiers = {c.lower_ for c in owner.children if c.dep_ in ("compound", "amod")}
    if "death" in modifiers or (owner.lower_ == "toll" and not modifiers):
        return "dead", owner
    return None


# --- Polls (NUM007) --------------------------------------------------------------------------

MARGIN_VALUE = re.compile(
    r"(?:margin of (?:sampling )?error|sampling error|plus or minus|\+/-|±)"
    r"(?:\s+(?:of|is|was|at))?(?:\s+(?:plus or minus|\+/-|±))?\s*(\d+(?:\.\d+)?)",
    re.I,
)


def margin_of_error(text: str) -> float | None:
    """The margin of error stated in ``text``, in points."""
    match = MARGIN_VALUE.search(text)
    return float(match.group(1)) if match else None


def respondent_share(sent: Sentence, fig: Figure, words: NumberWords) -> bool:
    """A percentage of people asked: "43% backed Labour", "40% of voters", "Labour on 40%"."""
    if not fig.percent:
        return False
    doc = sent.sent.doc
    end = sent.sent.end
    last = doc[fig.last]
    nxt = doc[fig.last + 1] if fig.last + 1 < end else None
    if nxt is not None and nxt.lower_ == "of":
        rest = [t for t in doc[fig.last + 2 : min(end, fig.last + 5)] if t.pos_ != "DET"]
        return any(t.lower_ in words.respondent_nouns or t.lower_ == "them" for t in rest[:2])
    if last.dep_.startswith("nsubj") or (nxt is not None and nxt.pos_ in ("VERB", "AUX")):
        return True
    if fig.first > sent.sent.start and doc[fig.first - 1].lower_ in ("on", "with"):
        return True
    return nxt is not None and nxt.lower_ in ("support", "backing", "approval", "favour")
