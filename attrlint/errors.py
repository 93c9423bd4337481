"""Errors that end a run with exit code 2 and a message, never a traceback."""

from __future__ import annotations


class AttrlintError(Exception):
    """Base class: the CLI prints the message on stderr and exits with ``exit_code``."""

    exit_code = 2


class InputError(AttrlintError):
    """A file that cannot be read or decoded."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(AttrlintError):
    """No usable spaCy model."""


class RuleDataError(AttrlintError):
    """A rule record in ``rules/`` or a lexicon that fails validation."""


class UsageError(AttrlintError):
    """A command-line option that names something that does not exist."""


class CheckError(AttrlintError):
    """A check raised while linting one file: a bug, reported with the rule and file named."""

    def __init__(self, path: str, rule: str, detail: str) -> None:
        super().__init__(f"{path}: internal error in rule {rule}: {detail}")
        self.path = path
        self.rule = rule
