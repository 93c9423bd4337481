"""A registry written in each test: made-up outlets, every tier and link kind represented."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from attrlint.registry import Registry, load_registry

REGISTRY = """\
version: 1
sources:
  - id: kestrel-wire
    names: ["Kestrel Wire", "Kestrel Wire Service"]
    domains: [kestrelwire.example]
    kind: wire
    tier: reliable
    reviewed: 2026-01-10
  - id: tidewater-courier
    names: ["Tidewater Courier", "the Courier"]
    domains: [tidewatercourier.example]
    kind: newspaper
    tier: reliable
  - id: morning-bugle
    names: ["Morning Bugle"]
    domains: [bugle.example]
    kind: newspaper
    tier: mixed
  - id: gossip-gazette
    names: ["Gossip Gazette"]
    domains: [gossipgazette.example]
    kind: newspaper
    tier: deprecated
  - id: linkfarm
    names: ["Linkfarm Today"]
    domains: [linkfarm.example]
    kind: online
    tier: blocked
  - id: whisper-net
    names: ["WhisperNet", "Whisper Net News"]
    domains: [whispernet.example]
    kind: online
    tier: unreliable
  - id: bugle-digest
    names: ["Bugle Digest"]
    kind: online
    tier: reliable
    derives_from: [whisper-net]
  - id: ferrovia
    names: ["Ferrovia Holdings"]
    kind: company
    tier: mixed
    interested_in: [rail, fares]
  - id: saltmarsh-trust
    names: ["Saltmarsh Trust"]
    kind: charity
    tier: reliable
    interested_in: [marsh, wetland]
"""


@pytest.fixture()
def registry_file(tmp_path: Path) -> Path:
    path = tmp_path / "registry.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    return path


@pytest.fixture()
def registry(registry_file: Path) -> Registry:
    return load_registry(registry_file)


@pytest.fixture()
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def run(text: str, name: str = "registry.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return run
