"""attrlint: a source-reliability and attribution linter for news articles."""

__version__ = "0.1.0"

__all__ = ["__version__"]
