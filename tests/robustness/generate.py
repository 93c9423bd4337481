"""Random Markdown and plain-text articles for property tests and the fuzz campaign.

One grammar serves both: hypothesis draws through :class:`DrawPicker` (so failures shrink) and
``benchmarks/fuzz.py`` through :class:`RandomPicker` (so a campaign runs millions of cases and
keeps going after a failure). All sentences are written for these tests.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

TRIGGERS = [
    "Experts say the bridge is unsafe.",
    "The depot cost £4.2m to build.",
    "It is understood the talks have stalled.",
    "Many residents oppose the plan.",
    "The plant may close next year.",
    "The minister admitted the budget was late.",
    "Unemployment rose to 9.4% in March, up 2 points.",
    "Officials said 3,000 homes were hit, according to sources.",
    "A poll found 54% back the scheme.",
    "Clearly, the so-called reform failed.",
    "Critics say rock 'n' roll in the '90s was louder.",
    "Reportedly, at least 40 people were hurt.",
]
CLEAN = [
    "The mayor said the council would meet on Tuesday.",
    "Amira Haddad, the council leader, told the BBC the depot would open in May.",
    '"We will fight it," said Jon Obi, a union official.',
    "The Office for National Statistics said prices rose 3% in June.",
]
WORDS = ["the", "council", "said", "depot", "roof", "12%", "£3bn", "1,000", "Haddad", "may"]
NOISE = [
    "🚀",
    "👩\u200d👩\u200d👧",
    "🇬🇧",
    "é",
    "e\u0301",
    "Zoe\u0308",
    "שלום",
    "مرحبا",
    "\u202eRTL\u202c",
    "中文",
    "\u200b",
    "\u00a0",
    "\u00ad",
    "\ufeff",
    "\t",
    "\x0c",
    "\x0b",
    "\u2028",
    "\x85",
    "&amp;",
    "\\*",
    "***",
    "'",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "...",
    "—",
    "(",
    ")",
    "*" * 40,
    "=" * 200,
    "a/" * 80,
]
INLINE = [
    "*{w}*",
    "**{w}**",
    "_{w}_",
    "~~{w}~~",
    "`{w} 40%`",
    '[{w}](https://example.org/{w} "t")',
    "![{w}](img.png)",
    "<https://example.org/a>",
    "https://example.org/x?y=1.",
    "<b>{w}</b>",
    "<!-- attrlint-disable-line SRC001 -->",
    "<!-- attrlint-disable-next-line ATR001 -->",
    '"{w}"',
    "“{w},” she said",
    "‘{w}’",
    "'{w}",
    '"{w}',
    "[{w}]",
    "[{w}][ref]",
    "{w}\\",
]
BREAKS = ["\n", "\r\n", "\r"]
FRONT = [
    "title: Depot row",
    "tags: [news, 12%]",
    "attrlint:\n  ignore: [SRC001]",
    "attrlint:\n  extend-select: [HDG]",
    "attrlint:\n  profile: opinion",
    "date: 2024-01-01",
    "note: &n [a, b]\nalso: *n",
]


class Picker(Protocol):
    def choice(self, options: Sequence[T]) -> T: ...

    def integer(self, low: int, high: int) -> int: ...


class RandomPicker:
    """Choices from a seeded ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def choice(self, options: Sequence[T]) -> T:
        return options[self.rng.randrange(len(options))]

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


class DrawPicker:
    """Choices drawn by hypothesis (``st.composite``'s ``draw``), so that failures shrink."""

    def __init__(self, draw: Any) -> None:
        from hypothesis import strategies as st

        self.draw = draw
        self.st = st

    def choice(self, options: Sequence[T]) -> T:
        value: T = self.draw(self.st.sampled_from(options))
        return value

    def integer(self, low: int, high: int) -> int:
        value: int = self.draw(self.st.integers(low, high))
        return value


def inline(pick: Picker) -> str:
    """A run of sentences, words, markup and noise joined by spaces (sometimes not)."""
    parts: list[str] = []
    for _ in range(pick.integer(1, 6)):
        kind = pick.integer(0, 9)
        word = pick.choice(WORDS)
        if kind <= 3:
            parts.append(pick.choice(TRIGGERS))
        elif kind == 4:
            parts.append(pick.choice(CLEAN))
        elif kind <= 6:
            parts.append(pick.choice(INLINE).format(w=word))
        elif kind == 7:
            parts.append(pick.choice(NOISE))
        else:
            parts.append(word)
    glue = pick.choice([" ", " ", " ", "", "  "])
    return glue.join(parts)


def block(pick: Picker, depth: int = 0) -> list[str]:
    """The lines of one Markdown block (containers nest up to three deep)."""
    kind = pick.integer(0, 14 if depth < 3 else 8)
    text = inline(pick)
    if kind <= 3:
        return [text, inline(pick)] if kind == 0 else [text]
    if kind == 4:
        return ["#" * pick.integer(1, 7) + pick.choice([" ", "\t", ""]) + text]
    if kind == 5:
        return [text, pick.choice(["===", "---"])]
    if kind == 6:
        fence = pick.choice(["```", "~~~", "````"])
        body = [fence + pick.choice(["", "python"]), text]
        return body if pick.integer(0, 4) == 0 else [*body, fence]
    if kind == 7:
        return ["    " + text, "\t" + inline(pick)]
    if kind == 8:
        return pick.choice(
            [
                ["<div>", text, "</div>"],
                ["<!-- attrlint-disable SRC001 -->"],
                ["<!--", text, "-->"],
                ["---"],
                ["[ref]: https://example.org/ref"],
                [f"| {text} | 12% |", "|---|---|", f"| {inline(pick)} | x \\| y |"],
            ]
        )
    inner = [line for _ in range(pick.integer(1, 2)) for line in [*block(pick, depth + 1), ""]]
    if kind <= 11:
        marker = pick.choice(["> ", ">", "> > "])
        lazy = pick.integer(0, 3) == 0
        return [("" if lazy and i else marker) + line for i, line in enumerate(inner)]
    bullet = pick.choice(["- ", "* ", "+ ", "1. ", "2) "])
    pad = " " * len(bullet)
    return [(bullet if i == 0 else pad) + line for i, line in enumerate(inner)]


def markdown(pick: Picker) -> str:
    """A Markdown article: optional front matter, blocks, mixed line breaks."""
    lines: list[str] = []
    if pick.integer(0, 3) == 0:
        lines += ["---", *pick.choice(FRONT).split("\n")]
        if pick.integer(0, 5):
            lines.append(pick.choice(["---", "...", "----"]))
    for _ in range(pick.integer(1, 6)):
        lines += [*block(pick), ""]
    return _join(pick, lines)


def plain_text(pick: Picker) -> str:
    """A plain-text article: a title, paragraphs, hash comments, hard-wrapped lines."""
    lines: list[str] = []
    if pick.integer(0, 4) == 0:
        lines += ["---", "title: Depot", "---"]
    for _ in range(pick.integer(1, 6)):
        kind = pick.integer(0, 5)
        if kind == 0:
            lines += ["# attrlint-disable-next-line SRC001"]
        lines += [inline(pick) for _ in range(pick.integer(1, 3))]
        lines.append("")
    return _join(pick, lines)


def article(pick: Picker) -> tuple[str, str]:
    """``(text, path)``: Markdown or plain text, by the path's extension."""
    if pick.integer(0, 2) == 0:
        return plain_text(pick), "story.txt"
    return markdown(pick), "story.md"


def _join(pick: Picker, lines: list[str]) -> str:
    mode = pick.integer(0, 3)
    if mode < 3:
        brk = BREAKS[mode]
        return brk.join(lines) + pick.choice(["", brk])
    return "".join(line + pick.choice(BREAKS) for line in lines)
