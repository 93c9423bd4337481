"""The compiled attribute_ruler match finds exactly what spaCy's Matcher finds, on the real model."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from attrlint.attribute_ruler import compile_ruler, speed_up

# Our own sentences, chosen to reach the model's exceptions: contractions, "ain't", "y'all",
# "nothin'", expletive "there is", pronoun objects, auxiliaries, whitespace tokens.
TEXTS = [
    "The minister said the plan would cost £3m, but critics claimed it was a waste.",
    "There is no evidence, and there are few witnesses; y'all know that ain't right.",
    "I gave it to you because you asked me, though nothin' came of it.",
    "She's been told they'd have done it if the council hadn't voted.",
    "Does he have the figures?  He did, and he has them still.\n\nNew paragraph   here.",
    "It's 5pm.\tWe're late, aren't we?  'Cause the bus ain't coming, is it?",
    "That which was said was not what was meant, whether or not anyone believed it.",
    "",
    "   ",
]
ANNOTATIONS = [TAG, POS, MORPH, LEMMA, DEP]


@pytest.fixture(scope="module")
def plain(model_name: str) -> Any:
    return spacy.load(model_name)


def test_the_compiled_match_equals_the_matcher_on_every_token(plain: Any) -> None:
    ruler = plain.get_pipe("attribute_ruler")
    compiled = compile_ruler(ruler)
    assert compiled is not None
    before = plain.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"])
    try:
        docs = list(plain.pipe(TEXTS))
    finally:
        before.restore()
    for doc in docs * 2:  # the second pass answers from the memo
        assert compiled(doc) == ruler.match(doc)
    assert any(compiled(doc) for doc in docs)


def test_a_sped_up_pipeline_annotates_exactly_as_spacy_does(model_name: str, plain: Any) -> None:
    fast = spacy.load(model_name)
    assert speed_up(fast)
    for ours, theirs in zip(fast.pipe(TEXTS), plain.pipe(TEXTS), strict=True):
        assert ours.to_array(ANNOTATIONS).tolist() == theirs.to_array(ANNOTATIONS).tolist()
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_patterns_beyond_the_compiler_leave_the_ruler_as_it_is() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big", "OP": "+"}]], {"TAG": "JJ"})
    assert compile_ruler(ruler) is None
    assert not speed_up(nlp)
    assert not speed_up(spacy.blank("en"))  # no attribute_ruler at all
