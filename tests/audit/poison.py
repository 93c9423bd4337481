"""A test-only Dask worker plugin: any text holding a marker kills the worker process mid-parse.

It stands in for what happens in real archives (a native crash in the parser, the kernel's OOM
killer) without a hook in attrlint itself: it wraps spaCy's ``Language.pipe`` inside the worker
processes of the test's own cluster, and the scheduler applies it again to every restarted worker.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class Poison(WorkerPlugin):
    name = "attrlint-test-poison"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def setup(self, worker: Any) -> None:
        from spacy.language import Language

        real = Language.pipe
        marker = self.marker

        def pipe(nlp: Any, texts: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
            texts = list(texts)
            if any(isinstance(t, str) and marker in t for t in texts):
                os._exit(70)  # no cleanup, no exception: the process is simply gone
            return real(nlp, texts, *args, **kwargs)

        Language.pipe = pipe  # type: ignore[method-assign]
