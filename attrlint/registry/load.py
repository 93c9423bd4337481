"""Reading a registry file: safe YAML, a size limit, the schema, and errors that name the entry.

Dates stay strings while validating (``reviewed: 2025-01-15`` is checked against the schema, then
parsed). YAML anchors and aliases are refused, so a small file cannot expand into a huge one, and
nesting is bounded, so a deep one cannot exhaust the stack.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from attrlint.errors import AttrlintError
from attrlint.registry.model import Entry, Registry
from attrlint.rules import data_dir

if TYPE_CHECKING:
    from attrlint.cache import Cache

MAX_BYTES = 4 * 1024 * 1024  # a registry of thousands of outlets is well under 1 MB
MAX_DEPTH = 32  # a registry needs four levels
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class RegistryError(AttrlintError):
    """A registry file that cannot be read or fails validation (exit 2)."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps (dates stay text) and without anchors or aliases."""

    yaml_implicit_resolvers = {  # noqa: RUF012 (PyYAML reads it from the class)
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ComposerError(
                None, None, "anchors and aliases (*name) are not allowed", event.start_mark
            )
        if self.depth >= MAX_DEPTH:  # the composer recurses: bound it before Python does
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
            )
        self.depth += 1
        try:
            node: Node | None = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        return node


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed registry: the data and the YAML node tree (for line numbers)."""

    data: Any
    root: Node | None

    def line(self, path: list[str | int]) -> int:
        """The 1-based line of the node at ``path`` (or of the deepest part of it that exists)."""
        node = self.root
        line = 1 if node is None else node.start_mark.line + 1
        for part in path:
            child: Node | None = None
            if isinstance(node, MappingNode):
                for key, value in node.value:
                    if isinstance(key, ScalarNode) and key.value == part:
                        child = value
                        break
            elif (
                isinstance(node, SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line


def parse(text: str) -> Document:
    """YAML text to data and nodes; yaml.YAMLError on bad YAML."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return Document(data, root)


def read_text(path: Path, label: str) -> str:
    """The file's text, refusing files over MAX_BYTES and text that is not UTF-8."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise RegistryError(f"{label}: registry file not found") from None
    except IsADirectoryError:
        raise RegistryError(f"{label}: is a folder, not a registry file") from None
    except OSError as exc:
        raise RegistryError(f"{label}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise RegistryError(f"{label}: larger than {MAX_BYTES // (1024 * 1024)} MB; not a registry")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RegistryError(f"{label}: not valid UTF-8") from None


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads((data_dir("schemas") / "registry.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _entry_label(data: Any, path: list[str | int]) -> str:
    """ "entry 'daily-rumour' " for an error inside ``sources[i]``; empty elsewhere."""
    if len(path) < 2 or path[0] != "sources" or not isinstance(path[1], int):
        return ""
    try:
        entry = data["sources"][path[1]]
    except (KeyError, IndexError, TypeError):
        return ""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        return f"entry {entry['id']!r}: "
    return f"entry {path[1] + 1}: "


def schema_problem(document: Document) -> tuple[int, str] | None:
    """``(line, message)`` for the first schema violation, or None."""
    import jsonschema

    from attrlint.config import _describe

    errors = list(_validator().iter_errors(document.data))
    if not errors:
        return None
    error = jsonschema.exceptions.best_match(errors)
    path = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        path += [next((k for k in error.instance if k not in allowed), "")]
    return document.line(path), _entry_label(document.data, path) + _describe(error, "")


def digest_of(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def build(document: Document, label: str) -> Registry:
    """Entries from validated data; duplicate ids and impossible dates are errors."""
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(document.data["sources"]):
        line = document.line(["sources", index])
        entry_id = item["id"]
        if entry_id in seen:
            raise RegistryError(
                f"{label}:{line}: entry {entry_id!r}: the id is already used by the entry on "
                f"line {seen[entry_id]}; ids must be unique"
            )
        seen[entry_id] = line
        reviewed = None
        if "reviewed" in item:
            try:
                reviewed = date.fromisoformat(item["reviewed"])
            except ValueError:
                where = document.line(["sources", index, "reviewed"])
                raise RegistryError(
                    f"{label}:{where}: entry {entry_id!r}: sources[{index}].reviewed: "
                    f"{item['reviewed']!r} is not a date (YYYY-MM-DD)"
                ) from None
        entries.append(
            Entry(
                id=entry_id,
                names=_strings(item["names"]),
                tier=item["tier"],
                kind=item.get("kind", "other"),
                domains=_strings(item.get("domains")),
                expertise=_strings(item.get("expertise")),
                interested_in=_strings(item.get("interested_in")),
                derives_from=_strings(item.get("derives_from")),
                reviewed=reviewed,
                notes=str(item.get("notes", "")),
                line=line,
            )
        )
    return Registry.build(label, digest_of(document.data), tuple(entries))


def load_document(path: Path, label: str) -> Document:
    """Read and parse a registry file and check it against the schema; RegistryError if not."""
    document = _parse(read_text(path, label), label)
    _check_schema(document, label)
    return document


def _parse(text: str, label: str) -> Document:
    try:
        document = parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{label}:{mark.line + 1}" if mark is not None else label
        problem = getattr(exc, "problem", None) or str(exc)
        raise RegistryError(f"{where}: not valid YAML: {problem}") from None
    if document.data is None:
        raise RegistryError(f"{label}: the registry is empty; it needs a `sources:` list")
    return document


def _check_schema(document: Document, label: str) -> None:
    problem = schema_problem(document)
    if problem is not None:
        line, message = problem
        raise RegistryError(f"{label}:{line}: {message}")


def load_registry(path: Path, label: str | None = None, cache: Cache | None = None) -> Registry:
    """The registry in ``path``; ``label`` names it in messages (default: the path).

    With a cache, a file whose exact text this attrlint build has validated before is trusted
    (so a fully cached run need not import jsonschema).
    """
    label = label or str(path)
    text = read_text(path, label)
    document = _parse(text, label)
    seen = text.encode("utf-8", "surrogatepass")
    trusted = cache is not None and cache.recall("registry", seen) is True
    if not trusted:
        _check_schema(document, label)
    registry = build(document, label)
    if cache is not None and not trusted:
        cache.store("registry", seen, True)
    return registry
