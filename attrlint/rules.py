"""The rule catalogue: records in the top-level ``rules/`` folder, validated against their schema."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from attrlint.errors import RuleDataError, UsageError
from attrlint.safe_yaml import load_packaged
from attrlint.types import Severity

FAMILIES = ("ATR", "SRC", "VRB", "HDG", "NUM", "REL", "LNT")
DOCS_URL = "https://github.com/attrlint/attrlint/blob/main/docs/rules.md#{id}"


def data_dir(name: str) -> Path:
    """``rules`` or ``schemas``: bundled in a wheel, or beside the package in a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_bundled" / name, package.parent / name):
        if candidate.is_dir():
            return candidate
    raise RuleDataError(f"attrlint's {name}/ folder is missing from this installation")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    fixed: str | None = None
    why: str | None = None


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule's metadata; the check that implements it lives in ``attrlint.checks``."""

    id: str
    name: str
    family: str
    severity: Severity
    enabled: bool
    summary: str
    message: str
    messages: tuple[tuple[str, str], ...]
    rationale: str
    known_problems: str
    fix: str
    references: tuple[str, ...]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    path: str

    @property
    def url(self) -> str:
        return DOCS_URL.format(id=self.id.lower())

    def template(self, key: str | None) -> str:
        if key is None:
            return self.message
        return dict(self.messages).get(key, self.message)


def _examples(items: list[dict[str, str]]) -> tuple[Example, ...]:
    return tuple(Example(i["text"], i.get("fixed"), i.get("why")) for i in items)


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((data_dir("schemas") / "rule.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def load_rule(path: Path) -> RuleSpec:
    try:
        data = load_packaged(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleDataError(f"{path}: cannot read rule record: {exc}") from exc
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "(top level)"
        raise RuleDataError(f"{path}: {where}: {errors[0].message}")
    expected = f"{data['id']}-{data['name']}.yaml"
    if path.name != expected or data["family"] != data["id"][:3]:
        raise RuleDataError(f"{path}: file name and family must match the record ({expected})")
    return RuleSpec(
        id=data["id"],
        name=data["name"],
        family=data["family"],
        severity=Severity.parse(data["severity"]),
        enabled=data["enabled"],
        summary=data["summary"].strip(),
        message=data["message"],
        messages=tuple(sorted(data.get("messages", {}).items())),
        rationale=data["rationale"].strip(),
        known_problems=data.get("known_problems", "").strip(),
        fix=data.get("fix", "none"),
        references=tuple(data.get("references", [])),
        bad=_examples(data["examples"]["bad"]),
        good=_examples(data["examples"]["good"]),
        path=str(path),
    )


@functools.cache
def load_rules() -> tuple[RuleSpec, ...]:
    """Every rule record, sorted by id."""
    rules = [load_rule(p) for p in sorted(data_dir("rules").glob("*/*.yaml"))]
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise RuleDataError("duplicate rule ids in rules/")
    return tuple(sorted(rules, key=lambda r: r.id))


def select_rules(
    rules: tuple[RuleSpec, ...], select: list[str] | None, ignore: list[str] | None
) -> tuple[RuleSpec, ...]:
    """Apply ``--select``/``--ignore`` (ids, names or families, case-insensitive; ``ALL``)."""

    def matches(selector: str) -> set[str]:
        key = selector.strip()
        upper = key.upper()
        if upper == "ALL":
            return {r.id for r in rules}
        found = {r.id for r in rules if r.id == upper or r.name == key.lower() or r.family == upper}
        if not found:
            known = ", ".join(sorted({*FAMILIES, *(r.id for r in rules)}))
            raise UsageError(f"unknown rule or family {selector!r}; known: {known}")
        return found

    chosen = {r.id for r in rules if r.enabled} if not select else set()
    for selector in select or ():
        chosen |= matches(selector)
    for selector in ignore or ():
        chosen -= matches(selector)
    return tuple(r for r in rules if r.id in chosen)
