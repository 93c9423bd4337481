"""The results cache in ``.attrlint_cache/``: one JSON entry per file, keyed by a content hash.

The key covers the file's text and format, the file's effective settings, attrlint's version and a
digest of its code and data (rules, lexicon, profiles), and the model's name and version as
installed (read with importlib.metadata, so a cached run never imports spaCy). Entries are written
to a temporary file and renamed into place, so concurrent runs never see a torn entry.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from contextlib import suppress
from dataclasses import fields
from importlib import metadata
from pathlib import Path
from typing import Any

from attrlint import __version__
from attrlint.rules import Example, RuleSpec, data_dir, load_rules
from attrlint.types import Diagnostic, Edit, Severity, Span

CACHE_DIR = ".attrlint_cache"
FORMAT = 1
CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by attrlint.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n"
)
GITIGNORE = "# Automatically created by attrlint.\n*\n"


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


@functools.cache
def code_digest() -> str:
    """A digest of attrlint's own code and data: the package's .py and .yaml files and rules/."""
    package = Path(__file__).resolve().parent
    files = sorted(package.rglob("*.py")) + sorted(package.rglob("*.yaml"))
    files += sorted(data_dir("rules").rglob("*.yaml")) + sorted(data_dir("schemas").glob("*.json"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


@functools.cache
def model_identity(model: str) -> str:
    """``name==version`` of a model package and of spaCy, from package metadata only."""
    spacy = _version("spacy")
    if model == "blank":
        return f"blank;spacy=={spacy}"
    return f"{model}=={_version(model)};spacy=={spacy}"


def _encode(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "rule": diagnostic.rule,
        "name": diagnostic.name,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "span": [diagnostic.span.start, diagnostic.span.end],
        "fix": [[e.span.start, e.span.end, e.replacement] for e in diagnostic.fix],
    }


def _decode(item: dict[str, Any]) -> Diagnostic:
    return Diagnostic(
        rule=item["rule"],
        name=item["name"],
        severity=Severity.parse(item["severity"]),
        message=item["message"],
        span=Span(*item["span"]),
        fix=tuple(Edit(Span(start, end), text) for start, end, text in item["fix"]),
    )


def _plain(value: Any) -> Any:
    """A rule record's field as JSON (severities and examples tagged, tuples as lists)."""
    if isinstance(value, Severity):
        return {"severity": value.label}
    if isinstance(value, Example):
        return {"example": [value.text, value.fixed, value.why]}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | bool | int):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        if "severity" in value:
            return Severity.parse(value["severity"])
        return Example(*value["example"])
    if isinstance(value, list):
        return tuple(_typed(v) for v in value)
    return value


def encode_rules(rules: tuple[RuleSpec, ...]) -> list[dict[str, Any]]:
    return [{f.name: _plain(getattr(r, f.name)) for f in fields(RuleSpec)} for r in rules]


def decode_rules(data: list[dict[str, Any]]) -> tuple[RuleSpec, ...]:
    return tuple(RuleSpec(**{k: _typed(v) for k, v in item.items()}) for item in data)


class Cache:
    """Diagnostics by key under ``root``; read and write problems never fail a run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problem: str | None = None  # the first write failure, for one warning
        self._prepared = False

    def key(self, source: str, fmt: str, settings: str, model: str) -> str:
        digest = hashlib.sha256()
        for part in (str(FORMAT), __version__, code_digest(), model_identity(model), fmt, settings):
            digest.update(part.encode() + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.root / f"v{FORMAT}" / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            data = json.loads(self._entry(key).read_bytes())
            return [_decode(item) for item in data["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        payload = {"version": __version__, "diagnostics": [_encode(d) for d in diagnostics]}
        try:
            self._prepare()
            atomic_write(self._entry(key), json.dumps(payload, ensure_ascii=False).encode())
        except OSError as exc:
            self.problem = self.problem or f"{self.root}: {exc.strerror or exc}"

    def _memo(self, kind: str, inputs: bytes) -> Path:
        digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{code_digest()}\0{kind}\0".encode())
        digest.update(inputs)
        return self.root / f"v{FORMAT}" / "memo" / f"{kind}-{digest.hexdigest()}.json"

    def recall(self, kind: str, inputs: bytes = b"") -> Any:
        """A value stored for ``kind`` and ``inputs`` by this attrlint build, or None."""
        try:
            return json.loads(self._memo(kind, inputs).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None

    def store(self, kind: str, inputs: bytes, value: Any) -> None:
        try:
            self._prepare()
            atomic_write(self._memo(kind, inputs), json.dumps(value, ensure_ascii=False).encode())
        except OSError as exc:
            self.problem = self.problem or f"{self.root}: {exc.strerror or exc}"

    def rules(self) -> tuple[RuleSpec, ...]:
        """The rule catalogue, without parsing and validating every record again."""
        try:
            return decode_rules(self.recall("rules"))
        except (TypeError, KeyError, ValueError):
            rules = load_rules()
        with suppress(TypeError):  # a field this encoder does not know: simply not memoised
            self.store("rules", b"", encode_rules(rules))
        return rules

    def _prepare(self) -> None:
        """Create the folder with CACHEDIR.TAG and a .gitignore that ignores everything."""
        if self._prepared:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)):
            if not (self.root / name).exists():
                atomic_write(self.root / name, text.encode(), 0o644)
        self._prepared = True
