"""Configuration: discovery, validation, profiles and the settings each file is linted with.

Sources, lowest precedence first: the profile, the closest configuration file (``.attrlint.toml``,
``attrlint.toml`` or ``[tool.attrlint]`` in ``pyproject.toml``, walking up from the file and
stopping at the repository root; or ``--config``/``ATTRLINT_CONFIG``), the article's front matter,
then the command line. Every key is validated against ``schemas/config.schema.json``.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from attrlint.cache import Cache
from attrlint.document.files import MIB, read_limited
from attrlint.document.model import Document
from attrlint.errors import AttrlintError, InputError, RuleDataError
from attrlint.inputs import glob_match, is_repo_root
from attrlint.registry.load import RegistryError, load_registry
from attrlint.registry.model import Registry
from attrlint.rules import FAMILIES, RuleSpec, data_dir
from attrlint.safe_yaml import YAMLLimitError, load_packaged, load_yaml
from attrlint.types import Severity

CONFIG_FILES = (".attrlint.toml", "attrlint.toml", "pyproject.toml")
PROFILES = ("news", "feature", "opinion", "wiki")
DEFAULT_PROFILE = "news"
DEFAULT_FAIL_LEVEL = "warning"
ENV_CONFIG = "ATTRLINT_CONFIG"
PROFILES_FILE = Path(__file__).resolve().parent / "data" / "profiles.yaml"
RULES_HINT = "expected a rule id, name or family (`attrlint rules --all` lists them)"
MAX_CONFIG_BYTES = MIB  # configuration is a few lines; this bounds a runaway file
MAX_CONFIG_DEPTH = 16
MAX_FRONT_MATTER_CHARS = 256 * 1024

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_FRONT_KEY = re.compile(r"^attrlint\s*:", re.MULTILINE)
_TYPE_WORDS = {
    "array": "a list",
    "object": "a table",
    "string": "a string",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


class ConfigError(AttrlintError):
    """A configuration file, profile or option that fails validation (exit 2)."""


@dataclass(frozen=True, slots=True)
class Options:
    """One layer of settings: a profile, a configuration file, front matter or the command line."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    profile: str | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    respect_gitignore: bool | None = None
    model: str | None = None
    fail_level: str | None = None
    registry: str | None = None  # the source registry file (relative to the config file)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Options:
        """Build from a validated mapping with the schema's kebab-case keys."""

        def strings(key: str) -> tuple[str, ...] | None:
            value = data.get(key)
            return None if value is None else tuple(value)

        return cls(
            select=strings("select"),
            extend_select=strings("extend-select") or (),
            ignore=strings("ignore") or (),
            per_file_ignores=tuple(
                (glob, tuple(rules)) for glob, rules in data.get("per-file-ignores", {}).items()
            ),
            severity=tuple(data.get("severity", {}).items()),
            profile=data.get("profile"),
            exclude=strings("exclude"),
            extend_exclude=strings("extend-exclude") or (),
            force_exclude=data.get("force-exclude"),
            respect_gitignore=data.get("respect-gitignore"),
            model=data.get("model"),
            fail_level=data.get("fail-level"),
            registry=data.get("registry"),
        )


@dataclass(frozen=True, slots=True)
class Config:
    """One configuration file (or the defaults) and the folder its globs are relative to."""

    options: Options
    base: Path
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class FileSettings:
    """What one file is linted with: its enabled rules, forced severities, model and fail level."""

    rules: tuple[RuleSpec, ...]
    severities: tuple[tuple[str, Severity], ...] = ()
    model: str | None = None
    fail_level: Severity = Severity.WARNING
    registry: Registry | None = None

    def key(self) -> str:
        """The settings that change a file's diagnostics, as stable text for the cache key.

        The model is left out: the cache keys on the resolved model's name and version instead.
        The registry counts by its content digest, so editing it invalidates cached results.
        """
        forced = [[rule, level.label] for rule, level in self.severities]
        if self.registry is not None:
            return json.dumps([[r.id for r in self.rules], forced, self.registry.digest])
        return json.dumps([[r.id for r in self.rules], forced])


# --- validation -----------------------------------------------------------------------------


@functools.cache
def _schema() -> dict[str, Any]:
    text = (data_dir("schemas") / "config.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator(definition: str | None) -> Any:
    import jsonschema

    schema = _schema()
    if definition is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{definition}"}
    return jsonschema.Draft202012Validator(schema)


def key_name(path: Iterable[str | int], prefix: str = "") -> str:
    """``select[0]``, ``tool.attrlint.severity.SRC001``, ``per-file-ignores."wire/**"``."""
    out = prefix
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out = f"{out}.{name}" if out else name
    return out or "(top level)"


def _value_words(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "nothing" if value is None else type(value).__name__


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _describe(error: Any, prefix: str) -> str:
    """One line naming the key, what is wrong and what is allowed."""
    path = list(error.absolute_path)
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema.get("properties", {}))
        extra = next(k for k in value if k not in allowed)
        return (
            f"unknown key {key_name([*path, extra], prefix)!r}{_suggest(extra, allowed)}; "
            f"allowed keys: {', '.join(allowed)}"
        )
    where = key_name(path, prefix)
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        return (
            f"{where}: {value!r} is not allowed{_suggest(str(value), allowed)}; "
            f"use one of: {', '.join(allowed)}"
        )
    if kind == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_WORDS.get(n, n) for n in names)
        return f"{where}: expected {wanted}, got {_value_words(value)}"
    if kind == "pattern":
        return f"{where}: {value!r} is not a rule id, name or family"
    if kind == "minLength":
        return f"{where}: must not be empty"
    return f"{where}: {error.message}"


def validate(data: Any, definition: str | None, prefix: str = "") -> str | None:
    """Check ``data`` against the config schema (or one of its ``$defs``); a message, or None."""
    import jsonschema

    errors = list(_validator(definition).iter_errors(data))
    if not errors:
        return None
    return _describe(jsonschema.exceptions.best_match(errors), prefix)


# --- rule selectors -------------------------------------------------------------------------


def match_selector(rules: Sequence[RuleSpec], selector: str) -> frozenset[str] | None:
    """Rule ids named by an id, name, family or ``ALL`` (any case); None if it names nothing."""
    key = selector.strip()
    upper = key.upper()
    if upper == "ALL":
        return frozenset(r.id for r in rules)
    found = frozenset(
        r.id for r in rules if r.id == upper or r.name == key.lower() or r.family == upper
    )
    return found if found or upper in FAMILIES else None


class Catalogue:
    """The rule records, and the resolution of selectors with did-you-mean errors."""

    def __init__(self, rules: tuple[RuleSpec, ...]) -> None:
        self.rules = rules
        self._words = sorted({*FAMILIES, *(r.id for r in rules), *(r.name for r in rules)})

    def resolve(self, selector: str, where: str) -> frozenset[str]:
        found = match_selector(self.rules, selector)
        if found is None:
            word = selector.strip()
            word = word.upper() if re.fullmatch(r"[A-Za-z]{3}\d*", word) else word.lower()
            raise ConfigError(
                f"{where}: unknown rule or family {selector!r}{_suggest(word, self._words)}; "
                f"{RULES_HINT}"
            )
        return found

    def resolve_all(self, selectors: Iterable[str], where: str = "") -> frozenset[str]:
        out: set[str] = set()
        for selector in selectors:
            out |= self.resolve(selector, where)
        return frozenset(out)

    def check(self, options: Options, label: str, prefix: str = "", cli: bool = False) -> None:
        """Resolve every selector in ``options`` so that an unknown rule fails early."""

        def where(*path: str | int) -> str:
            return f"--{path[0]}" if cli else f"{label}: {key_name(path, prefix)}"

        for key, values in (
            ("select", options.select or ()),
            ("extend-select", options.extend_select),
            ("ignore", options.ignore),
        ):
            for index, selector in enumerate(values):
                self.resolve(selector, where(key, index))
        for glob, values in options.per_file_ignores:
            for index, selector in enumerate(values):
                self.resolve(selector, where("per-file-ignores", glob, index))
        for selector, _ in options.severity:
            self.resolve(selector, where("severity", selector))


# --- profiles -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    summary: str
    options: Options


@functools.cache
def profile_data() -> dict[str, Any]:
    """The raw profiles in ``attrlint/data/profiles.yaml``, validated; errors exit 2."""
    try:
        data = load_packaged(PROFILES_FILE.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleDataError(f"{PROFILES_FILE}: cannot read profiles: {exc}") from exc
    if not isinstance(data, dict) or sorted(data) != sorted(PROFILES):
        raise RuleDataError(f"{PROFILES_FILE}: expected the profiles {', '.join(PROFILES)}")
    for name, body in data.items():
        problem = validate(body, "profile", name)
        if problem:
            raise RuleDataError(f"{PROFILES_FILE}: {problem}")
    return data


def build_profiles(data: Mapping[str, Any]) -> dict[str, Profile]:
    return {
        name: Profile(name, body["summary"], Options.from_mapping(body))
        for name, body in data.items()
    }


def load_profiles(cache: Cache | None = None) -> dict[str, Profile]:
    """The profiles; with a cache, as validated by an earlier run of this attrlint build."""
    if cache is None:
        return build_profiles(profile_data())
    data = cache.recall("profiles")
    if not isinstance(data, dict) or sorted(data) != sorted(PROFILES):
        data = profile_data()
        cache.store("profiles", b"", data)
    return build_profiles(data)


# --- files ----------------------------------------------------------------------------------


def display(path: Path) -> str:
    """``path`` relative to the working folder when it lies below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_config(
    path: Path, base: Path, catalogue: Catalogue, explicit: bool, cache: Cache | None = None
) -> Config | None:
    """Read and validate one file; a pyproject.toml without ``[tool.attrlint]`` gives None.

    With a cache, a file whose exact text this attrlint build has validated before is trusted.
    """
    label = display(path)
    try:
        text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(f"{label}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{label}: is a folder, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{label}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{label}: not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{label}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{label}: invalid TOML: arrays or tables nested too deeply") from None
    prefix = ""
    table: Any = data
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("attrlint") if isinstance(tool, dict) else None
        if table is None:
            return Config(Options(), base, path) if explicit else None
        prefix = "tool.attrlint"
    if _depth(table) > MAX_CONFIG_DEPTH:  # what validation walks, and what it recurses into
        raise ConfigError(f"{label}: arrays or tables nested more than {MAX_CONFIG_DEPTH} deep")
    seen = f"{prefix}\0{text}".encode()
    if cache is None or cache.recall("config", seen) is not True:
        problem = validate(table, None, prefix)
        if problem:
            raise ConfigError(f"{label}: {problem}")
        catalogue.check(Options.from_mapping(table), label, prefix)
        if cache is not None:
            cache.store("config", seen, True)
    return Config(Options.from_mapping(table), base, path)


def _depth(data: Any) -> int:
    """How deeply lists and tables nest in parsed configuration (without recursion)."""
    deepest = 0
    stack = [(data, 0)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level + 1)
            if deepest > MAX_CONFIG_DEPTH:
                break
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, level + 1) for child in children)
    return deepest


def front_matter_options(document: Document, catalogue: Catalogue) -> Options | None:
    """The article's ``attrlint:`` front matter settings; InputError if they are invalid."""
    text = document.front_matter
    if not text or not _FRONT_KEY.search(text):
        return None
    try:
        data = load_yaml(text, MAX_FRONT_MATTER_CHARS)
    except YAMLLimitError as exc:
        raise InputError(document.path, f"front matter: {exc}") from None
    except yaml.YAMLError:
        raise InputError(
            document.path, "front matter: not valid YAML, so its attrlint settings cannot be read"
        ) from None
    if not isinstance(data, dict) or data.get("attrlint") is None:
        return None
    problem = validate(data["attrlint"], "frontMatter", "attrlint")
    if problem:
        raise InputError(document.path, f"front matter: {problem}")
    options = Options.from_mapping(data["attrlint"])
    try:
        catalogue.check(options, "front matter", "attrlint")
    except ConfigError as exc:
        raise InputError(document.path, str(exc)) from None
    return options


# --- resolution -----------------------------------------------------------------------------


class Resolver:
    """Finds the configuration for each folder and computes each file's settings."""

    def __init__(
        self,
        rules: tuple[RuleSpec, ...],
        cli: Options,
        cwd: Path,
        explicit: Path | None = None,
        isolated: bool = False,
        cache: Cache | None = None,
    ) -> None:
        self.catalogue = Catalogue(rules)
        self.catalogue.check(cli, "", cli=True)
        self.cache = cache
        self.profiles = load_profiles(cache)
        for profile in self.profiles.values():
            self.catalogue.check(profile.options, str(PROFILES_FILE), profile.name)
        self.cli = cli
        self.cwd = cwd
        self.default = Config(Options(), cwd)
        self.fixed: Config | None = None
        if explicit is not None:
            path = explicit if explicit.is_absolute() else cwd / explicit
            self.fixed = load_config(path, cwd, self.catalogue, True, cache)
        elif isolated:
            self.fixed = self.default
        self._found: dict[Path, Config] = {}
        self._registries: dict[Path, Registry] = {}

    def config_for(self, folder: Path) -> Config:
        """The closest configuration at or above ``folder`` (an absolute path)."""
        if self.fixed is not None:
            return self.fixed
        chain: list[Path] = []
        current = folder
        found = self.default
        while True:
            if current in self._found:
                found = self._found[current]
                break
            chain.append(current)
            here = self._config_in(current)
            if here is not None:
                found = here
                break
            if is_repo_root(current) or current.parent == current:
                break
            current = current.parent
        for seen in chain:
            self._found[seen] = found
        return found

    def _config_in(self, folder: Path) -> Config | None:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                config = load_config(candidate, folder, self.catalogue, False, self.cache)
                if config is not None:
                    return config
        return None

    # The walk policy that attrlint.inputs asks about each folder and file.

    def excluded(self, path: Path) -> bool:
        config = self.config_for(path.parent)
        if self.cli.exclude is not None:
            globs = [(g, self.cwd) for g in self.cli.exclude]
        else:
            globs = [(g, config.base) for g in config.options.exclude or ()]
        globs += [(g, config.base) for g in config.options.extend_exclude]
        globs += [(g, self.cwd) for g in self.cli.extend_exclude]
        return any(glob_match(glob, base, path) for glob, base in globs)

    def respect_gitignore(self, folder: Path) -> bool:
        if self.cli.respect_gitignore is not None:
            return self.cli.respect_gitignore
        option = self.config_for(folder).options.respect_gitignore
        return True if option is None else option

    def force_exclude(self, path: Path) -> bool:
        return bool(self.cli.force_exclude or self.config_for(path.parent).options.force_exclude)

    def registry_for(self, config: Config) -> Registry | None:
        """``--registry`` (relative to the working folder), else the configuration's ``registry``
        (relative to the configuration file); each file is read and validated once."""
        if self.cli.registry is not None:
            path, label = self.cwd / self.cli.registry, self.cli.registry
        elif config.options.registry is not None and config.path is not None:
            path = config.path.parent / config.options.registry
            label = display(path)
        else:
            return None
        path = path.resolve()
        if path not in self._registries:
            try:
                self._registries[path] = load_registry(path, label, self.cache)
            except RegistryError as exc:
                raise ConfigError(str(exc)) from None
        return self._registries[path]

    def settings_for(self, path: Path | None, front: Options | None = None) -> FileSettings:
        """The settings for a file (absolute path; None for unnamed standard input)."""
        config = self.config_for(path.parent if path is not None else self.cwd)
        layers = [config.options, front or Options(), self.cli]
        name = next((o.profile for o in reversed(layers[:2]) if o.profile), DEFAULT_PROFILE)
        resolve = self.catalogue.resolve_all
        enabled = {r.id for r in self.catalogue.rules if r.enabled}
        forced: dict[str, Severity] = {}
        for layer in [self.profiles[name].options, *layers]:
            if layer.select is not None:
                enabled = set(resolve(layer.select))
            enabled |= resolve(layer.extend_select)
            enabled -= resolve(layer.ignore)
            for selector, level in layer.severity:
                forced.update(dict.fromkeys(resolve([selector]), Severity.parse(level)))
        if path is not None:
            for glob, selectors in config.options.per_file_ignores:
                if glob_match(glob, config.base, path):
                    enabled -= resolve(selectors)
        if front is not None:
            enabled -= resolve(front.ignore)  # the article has the last word on what it ignores
        level = self.cli.fail_level or config.options.fail_level or DEFAULT_FAIL_LEVEL
        return FileSettings(
            rules=tuple(r for r in self.catalogue.rules if r.id in enabled),
            severities=tuple(sorted((k, v) for k, v in forced.items() if k in enabled)),
            model=self.cli.model or config.options.model,
            registry=self.registry_for(config),
            fail_level=Severity.parse(level),
        )


def explicit_config(option: str | None) -> Path | None:
    """``--config`` if given, else ``ATTRLINT_CONFIG`` if set and non-empty."""
    value = option or os.environ.get(ENV_CONFIG) or None
    return Path(value) if value else None
