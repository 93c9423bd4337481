"""Command-line options that ``check`` and ``audit`` share, so that both spell and explain them
alike. Imports only click."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _stack(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(function: F) -> F:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function

    return apply


config_options = _stack(
    click.option(
        "--config",
        "config_file",
        metavar="FILE",
        help="Use this configuration file instead of discovering one (also ATTRLINT_CONFIG).",
    ),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
)

rule_options = _stack(
    click.option(
        "--select",
        multiple=True,
        metavar="RULES",
        help="Rules to enable: ids, names or families (SRC001, vague-source, SRC, ALL).",
    ),
    click.option(
        "--extend-select", multiple=True, metavar="RULES", help="Rules to enable as well."
    ),
    click.option("--ignore", multiple=True, metavar="RULES", help="Rules to disable."),
)

no_cache_option = click.option(
    "--no-cache", is_flag=True, envvar="ATTRLINT_NO_CACHE", help="Neither read nor write the cache."
)
