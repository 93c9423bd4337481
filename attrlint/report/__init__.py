"""Reporters: pure functions from lint results to text (DESIGN.md §2, step 6)."""

from __future__ import annotations

from attrlint.report.json_report import render_json
from attrlint.report.text import render_text

FORMATS = ("text", "json")

__all__ = ["FORMATS", "render_json", "render_text"]
