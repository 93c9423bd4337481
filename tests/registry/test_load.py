"""Reading a registry: the schema, errors that name the entry and key, safety limits, lookups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from attrlint.registry import MAX_BYTES, Registry, RegistryError, load_registry
from attrlint.registry.audit import audit
from attrlint.registry.model import alias_key, host_of

Write = Callable[..., Path]
ENTRY = "sources:\n  - id: x\n    names: [X Daily]\n    tier: mixed\n"


def _error(path: Path) -> str:
    with pytest.raises(RegistryError) as info:
        load_registry(path, path.name)
    return str(info.value)


def test_a_valid_registry_loads_with_every_field(registry: Registry) -> None:
    wire = registry.get("kestrel-wire")
    assert wire is not None
    assert wire.names == ("Kestrel Wire", "Kestrel Wire Service")
    assert (wire.kind, wire.tier, wire.reviewed) == ("wire", "reliable", date(2026, 1, 10))
    assert wire.line == 3
    assert len(registry) == 9
    assert registry.get("ferrovia") is not None
    assert registry.get("ferrovia").interested_in == ("rail", "fares")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ENTRY + "    kidn: wire\n",
            "registry.yaml:5: entry 'x': unknown key 'sources[0].kidn' (did you mean 'kind'?)",
        ),
        (
            ENTRY.replace("tier: mixed", "tier: unreliabel"),
            "registry.yaml:4: entry 'x': sources[0].tier: 'unreliabel' is not allowed "
            "(did you mean 'unreliable'?); use one of: reliable, mixed,",
        ),
        (
            ENTRY.replace("    names: [X Daily]\n", ""),
            "registry.yaml:2: entry 'x': sources[0]: 'names' is a required property",
        ),
        (
            ENTRY + "    names_extra: 1\n  - id: y\n    names: []\n    tier: mixed\n",
            "entry 'x': unknown key 'sources[0].names_extra'",
        ),
        (
            ENTRY.replace("names: [X Daily]", "names: X Daily"),
            "registry.yaml:3: entry 'x': sources[0].names: expected a list, got the string",
        ),
        (ENTRY + "    reviewed: 2026-02-30\n", "registry.yaml:5: entry 'x': sources[0].reviewed: "),
        (ENTRY + "    domains: ['not a domain']\n", "entry 'x': sources[0].domains[0]"),
        ("sourcs: []\n", "unknown key 'sourcs' (did you mean 'sources'?)"),
        ("", "the registry is empty"),
        ("sources: [\n", "registry.yaml:2: not valid YAML"),
        (
            ENTRY + ENTRY.replace("sources:\n", ""),
            "entry 'x': the id is already used by the entry on line 2",
        ),
    ],
)
def test_schema_errors_name_the_line_entry_and_key(write: Write, text: str, expected: str) -> None:
    assert expected in _error(write(text))


def test_anchors_and_aliases_are_refused(write: Write) -> None:
    text = "sources:\n  - &one {id: a, names: [A Daily], tier: mixed}\n  - *one\n"
    assert "anchors and aliases" in _error(write(text))
    deep = "sources: " + "[" * 5000 + "]" * 5000 + "\n"
    assert "nested more than" in _error(write(deep))


def test_size_limit_and_encoding(write: Write, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_BYTES + 1))
    assert "larger than" in _error(big)
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("sources: [{id: a, names: [Caf\xe9], tier: mixed}]\n".encode("latin-1"))
    assert "not valid UTF-8" in _error(latin)
    assert "not found" in _error(tmp_path / "missing.yaml")
    assert "folder" in _error(tmp_path)


def test_the_digest_ignores_comments_and_layout_but_not_content(write: Write) -> None:
    first = load_registry(write(ENTRY))
    flow = "sources: [{id: x, tier: mixed, names: ['X Daily']}]  # rated by the desk\n"
    again = load_registry(write(flow))
    changed = load_registry(write(ENTRY.replace("mixed", "reliable")))
    assert first.digest == again.digest != changed.digest


@pytest.mark.parametrize(
    ("written", "alias"),
    [
        ("Morning Bugle", "Morning Bugle"),
        ("the morning bugle", "Morning Bugle"),
        ("THE MORNING BUGLE'S", "Morning Bugle"),
        ("Morning Bugle’s", "the Morning Bugle"),
        ("Acme Corp.", "Acme Corp"),
    ],
)
def test_alias_keys_ignore_case_the_and_possessives(written: str, alias: str) -> None:
    assert alias_key(written) == alias_key(alias)


def test_lookups_by_name_and_domain(registry: Registry) -> None:
    assert registry.by_name("the Morning Bugle's").id == "morning-bugle"  # type: ignore[union-attr]
    assert registry.by_name("Courier").id == "tidewater-courier"  # type: ignore[union-attr]
    assert registry.by_name("Morning") is None
    assert registry.by_url("https://www.bugle.example/a/b?c").id == "morning-bugle"  # type: ignore[union-attr]
    assert registry.by_url("http://news.gossipgazette.example/x").id == "gossip-gazette"  # type: ignore[union-attr]
    assert registry.by_url("https://notbugle.example/") is None
    assert registry.by_url("mailto:desk@bugle.example") is None
    assert host_of("www.linkfarm.example/page") == "linkfarm.example"


def test_derives_from_puts_entries_in_one_group(registry: Registry) -> None:
    assert registry.group("bugle-digest") == registry.group("whisper-net")
    assert registry.group("morning-bugle") != registry.group("whisper-net")


def test_audit_reports_shared_names_unknown_ids_and_stale_reviews(write: Write) -> None:
    text = """\
sources:
  - id: a
    names: [Alpha Post]
    domains: [alpha.example]
    tier: reliable
    reviewed: 2024-01-01
  - id: b
    names: [the alpha post, Beta]
    domains: [www.alpha.example]
    tier: mixed
    derives_from: [c, b]
    reviewed: 2025-12-01
"""
    found = audit(load_registry(write(text)), date(2026, 1, 1))
    messages = [(p.line, p.severity.label, p.entry, p.message) for p in found]
    assert (
        2,
        "warning",
        "a",
        "last reviewed 2024-01-01, 731 days ago: review its tier",
    ) in messages
    assert any(
        m[2] == "b" and "'the alpha post' is also a name of 'a' (line 2" in m[3] for m in messages
    )
    assert any(
        m[2] == "b" and "domain 'www.alpha.example' is also a domain of 'a'" in m[3]
        for m in messages
    )
    assert any(m[2] == "b" and "'c', which is not an entry id" in m[3] for m in messages)
    assert any(m[2] == "b" and "names the entry itself" in m[3] for m in messages)
    assert not any(m[2] == "b" and "reviewed" in m[3] for m in messages)
