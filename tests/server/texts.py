"""Test articles written for these tests (never corpus text)."""

from __future__ import annotations

ARTICLE = """\
# Dunmore bridge to close for repairs

The Dunmore river bridge will close for six weeks from Monday, the county council said on \
Friday. Experts say the 1930s span is unsafe for heavy lorries.

Council leader Mara Quist claimed the repair budget of £3.2m was balanced, but opposition \
councillor Tam Reid said it was not. Critics say the work is overdue and that 40% of local \
bridges need attention.

"We have waited far too long," said Oren Vale, who runs a bakery beside the bridge. It is \
believed that trade will fall by a third while it is closed.

The closure will reportedly add twenty minutes to the school run. Many say the diversion \
through Ashby is clearly too narrow for buses.

A council spokesperson, who asked not to be named, admitted the tender had been rushed. \
Officials said 12,431 vehicles cross the bridge every day.

- Sources close to the contractor said work could finish early.
- The footpath will stay open, according to a council notice.
"""

# A finding after an astral-plane character on the same line: "🌊" is one code point, two
# UTF-16 code units and four UTF-8 bytes.
EMOJI_LINE = "Storm 🌊 watch: experts say the old river bridge is unsafe."
LOADED = "The mayor claimed the repair budget was balanced."
SAID = "The mayor said the repair budget was balanced."
