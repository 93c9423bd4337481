"""The language server's re-lint after an edit inside one paragraph vs a full lint (issue 7).

    python benchmarks/server.py ../shared/corpora/bbc-news/politics/137.txt \
        [--repeat 15] [--edits 500] [--lsp] [--no-memory-zone]

In process, through the server's own code path (``attrlint.server.session.Linter``, which the
server runs on its lint thread): the median time of a full lint of the article (no parse to
reuse) and of a re-lint after a one-word edit inside one paragraph (the other paragraphs'
parses reused), and their ratio (target: at most 0.3). Then the resident memory (RSS) and
spaCy's string store over ``--edits`` edits, each inserting an invented word into one
paragraph, as a long editing session would. ``--lsp`` repeats the timings as real LSP round
trips (didChange sent → publishDiagnostics received) against ``python -m attrlint server
--debounce-ms 0``, and reports that server's RSS over the edits. The article is read where it
lies; nothing is copied.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from attrlint.document import load_document
from attrlint.document.model import BlockKind
from attrlint.engine import load_pipeline
from attrlint.server.session import Linter

Edit = Callable[[int], str]


def rss_mib(pid: int | str = "self") -> float:
    """Current resident memory in MiB (Linux /proc), else the peak from getrusage."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def paragraph_editor(text: str, path: str) -> tuple[Edit, Edit, int]:
    """``(one(n), every(n), paragraphs)``: the n-th edit inside one paragraph, or inside each.

    Every edit inserts an invented word before some word of a paragraph, so that no edited
    paragraph is ever seen twice (a parse to reuse would flatter the figures).
    """
    document = load_document(text, path)
    blocks = [b.span for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    starts = [
        [b.start + i + 1 for i, c in enumerate(text[b.start : b.end]) if c == " "] for b in blocks
    ]

    def insert(source: str, at: list[int], n: int) -> str:
        for offset in sorted(at, reverse=True):
            source = source[:offset] + f"zorvex{n} " + source[offset:]
        return source

    def one(n: int) -> str:
        words = starts[n % len(blocks)]
        return insert(text, [words[(n // len(blocks) * 7) % len(words)]], n)

    def every(n: int) -> str:
        return insert(text, [words[n % len(words)] for words in starts], n)

    return one, every, len(blocks)


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def in_process(article: Path, repeat: int, edits: int, zone: bool) -> None:
    text = article.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="attrlint-bench-") as root:
        linter = Linter(Path(root), memory_zone=zone)
        path = Path(root) / article.name
        one, _, paragraphs = paragraph_editor(text, str(path))
        linter.lint(text, path)  # loads the model; warms imports and lexicons
        full: list[float] = []
        for _ in range(repeat):
            linter.parses.clear()
            start = time.perf_counter()
            linter.lint(text, path)
            full.append(time.perf_counter() - start)
        edited: list[float] = []
        for n in range(repeat):
            linter.lint(text, path)  # the article as it was, every paragraph parsed
            changed = one(n)
            start = time.perf_counter()
            linter.lint(changed, path)
            edited.append(time.perf_counter() - start)
        words = len(text.split())
        print(f"article: {article} ({words} words, {paragraphs} paragraphs)")
        print(f"in process, through Linter.lint (memory zone {'on' if zone else 'off'}):")
        print(f"  full lint, median of {repeat}:            {_median_ms(full):7.1f} ms")
        print(f"  re-lint after a one-paragraph edit:       {_median_ms(edited):7.1f} ms")
        print(
            f"  ratio:                                    {statistics.median(edited) / statistics.median(full):7.2f}"
        )
        settings = linter.resolver.settings_for(path)
        strings = load_pipeline(settings.rules, settings.model).vocab.strings
        for n in range(repeat, repeat + 20):
            linter.lint(one(n), path)
        rss0, strings0 = rss_mib(), len(strings)
        marks: list[str] = []
        for i, n in enumerate(range(repeat + 20, repeat + 20 + edits), start=1):
            linter.lint(one(n), path)
            if i % 100 == 0 or i == edits:
                marks.append(f"{i}: {rss_mib():.1f}")
        rss1, strings1 = rss_mib(), len(strings)
        print(f"  RSS over {edits} edits:  {rss0:.1f} → {rss1:.1f} MiB ({rss1 - rss0:+.1f} MiB)")
        print(f"  RSS (MiB) after n edits: {', '.join(marks)}")
        print(f"  spaCy string store:     {strings0} → {strings1} strings")
        print(
            f"  parse cache:            {len(linter.parses)} blocks, {linter.parses.size / 2**20:.1f} MiB"
        )


async def over_lsp(article: Path, repeat: int, edits: int) -> None:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient
    from pygls.uris import from_fs_path

    text = article.read_text(encoding="utf-8")
    client = LanguageClient("attrlint-benchmark", "1")
    arrived: dict[int | None, asyncio.Event] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def published(params: types.PublishDiagnosticsParams) -> None:
        arrived.setdefault(params.version, asyncio.Event()).set()

    await client.start_io(sys.executable, "-m", "attrlint", "server", "--debounce-ms", "0")
    server = client._server
    assert server is not None
    with tempfile.TemporaryDirectory(prefix="attrlint-bench-") as root:
        path = Path(root) / article.name  # never created: the buffer is what gets linted
        uri = from_fs_path(str(path)) or ""
        one, every, _ = paragraph_editor(text, str(path))
        await client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=from_fs_path(root)
            )
        )
        client.initialized(types.InitializedParams())
        version = 1

        async def send(new: str) -> float:
            nonlocal version
            version += 1
            event = arrived.setdefault(version, asyncio.Event())
            start = time.perf_counter()
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)],
                )
            )
            await asyncio.wait_for(event.wait(), 120)
            return time.perf_counter() - start

        event = arrived.setdefault(1, asyncio.Event())
        start = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
            )
        )
        await asyncio.wait_for(event.wait(), 300)
        first = time.perf_counter() - start
        full = [await send(every(n)) for n in range(repeat)]
        edited: list[float] = []
        for n in range(repeat):
            await send(text)
            edited.append(await send(one(n)))
        for n in range(repeat, repeat + 20):
            await send(one(n))
        rss0 = rss_mib(server.pid)
        marks: list[str] = []
        for i, n in enumerate(range(repeat + 20, repeat + 20 + edits), start=1):
            await send(one(n))
            if i % 100 == 0 or i == edits:
                marks.append(f"{i}: {rss_mib(server.pid):.1f}")
        rss1 = rss_mib(server.pid)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()  # type: ignore[no-untyped-call]
    print("over LSP (didChange → publishDiagnostics, debounce 0):")
    print(f"  first diagnostics after didOpen (model load): {first * 1000:7.0f} ms")
    print(f"  every paragraph edited, median of {repeat}:      {_median_ms(full):7.1f} ms")
    print(f"  one paragraph edited:                         {_median_ms(edited):7.1f} ms")
    print(
        f"  ratio:                                        {statistics.median(edited) / statistics.median(full):7.2f}"
    )
    print(f"  server RSS over {edits} edits: {rss0:.1f} → {rss1:.1f} MiB ({rss1 - rss0:+.1f} MiB)")
    print(f"  server RSS (MiB) after n edits: {', '.join(marks)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--lsp", action="store_true", help="Also time real LSP round trips.")
    parser.add_argument("--no-memory-zone", action="store_true", help="For comparison.")
    args = parser.parse_args()
    in_process(args.article, args.repeat, args.edits, not args.no_memory_zone)
    if args.lsp:
        asyncio.run(over_lsp(args.article, args.repeat, args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
