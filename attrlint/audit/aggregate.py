"""Running totals for the summary and the report, kept as partitions arrive (constant memory)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from attrlint.audit.model import Failure, PartitionResult
from attrlint.audit.worker import SOURCE_COLUMNS

PHRASE_FAMILIES = ("SRC", "HDG")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "`": "'"})
_EDGES = " \t\n\"'.,;:!?()[]{}«»—–-"


def normalise(excerpt: str) -> str:
    """A phrasing as an editor would group it: lower case, straight quotes, one space."""
    return " ".join(excerpt.translate(_QUOTES).lower().split()).strip(_EDGES)


@dataclass(slots=True)
class Bucket:
    """Totals for a desk, a month or the whole archive."""

    articles: int = 0
    words: int = 0
    findings: int = 0
    unattributed: int = 0
    families: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)

    def per_1k(self, count: int | None = None) -> float:
        value = self.findings if count is None else count
        return 1000 * value / self.words if self.words else 0.0


@dataclass(frozen=True, slots=True)
class Figure:
    """One unattributed figure of a top article: its line and text."""

    line: int
    excerpt: str


@dataclass(slots=True)
class TopArticle:
    id: str
    path: str | None
    url: str | None
    headline: str | None
    desk: str | None
    month: str | None
    words: int
    count: int
    figures: list[Figure]

    @property
    def per_1k(self) -> float:
        return 1000 * self.count / self.words if self.words else 0.0


@dataclass(slots=True)
class Aggregate:
    top_n: int = 20
    total: Bucket = field(default_factory=Bucket)
    desks: dict[str, Bucket] = field(default_factory=dict)
    months: dict[str, Bucket] = field(default_factory=dict)
    rules: Counter[str] = field(default_factory=Counter)
    phrases: dict[str, Counter[str]] = field(
        default_factory=lambda: {f: Counter() for f in PHRASE_FAMILIES}
    )
    phrase_rules: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    top: list[TopArticle] = field(default_factory=list)
    failed: int = 0
    cached: int = 0
    undated: int = 0
    workers: dict[int, int] = field(default_factory=dict)  # pid -> peak bytes
    seconds: float = 0.0  # worker time spent linting
    cpu_seconds: float = 0.0  # worker processor time spent linting

    def add(self, result: PartitionResult) -> None:
        figures: dict[str, list[Figure]] = {}
        seen: set[tuple[str, str, int, int]] = set()
        for finding in result.findings:
            family = finding.rule[:3]
            place = (family, finding.id, finding.offset, finding.end_offset)
            if family in self.phrases and place not in seen:  # two rules, one phrasing: once
                seen.add(place)
                phrase = normalise(finding.excerpt)
                if phrase:
                    self.phrases[family][phrase] += 1
                    self.phrase_rules.setdefault((family, phrase), set()).add(finding.rule)
            if finding.rule == "ATR001":
                figures.setdefault(finding.id, []).append(Figure(finding.line, finding.excerpt))
        for row in result.articles:
            buckets = [self.total]
            buckets.append(self.desks.setdefault(row.meta.desk or "(no desk)", Bucket()))
            if row.month:
                buckets.append(self.months.setdefault(row.month, Bucket()))
            else:
                self.undated += 1
            for bucket in buckets:
                bucket.articles += 1
                bucket.words += row.words
                bucket.findings += sum(row.rules.values())
                bucket.unattributed += row.rules.get("ATR001", 0)
                for rule, n in row.rules.items():
                    bucket.families[rule[:3]] += n
                for kind in SOURCE_COLUMNS:
                    bucket.sources[kind] += row.sources.get(kind, 0)
            self.rules.update(row.rules)
            self.cached += row.cached
            count = row.rules.get("ATR001", 0)
            if count:
                meta = row.meta
                self.top.append(
                    TopArticle(
                        row.id,
                        row.path,
                        meta.url,
                        meta.headline,
                        meta.desk,
                        row.month,
                        row.words,
                        count,
                        figures.get(row.id, [])[:12],
                    )
                )
        if len(self.top) > 4 * self.top_n:
            self._prune()
        self.failed += len(result.failed)
        self.workers[result.worker] = max(self.workers.get(result.worker, 0), result.peak_rss)
        self.seconds += result.seconds
        self.cpu_seconds += result.cpu_seconds

    def add_failed(self, failures: list[Failure]) -> None:
        self.failed += len(failures)

    def _prune(self) -> None:
        self.top.sort(key=lambda t: (-t.count, -t.per_1k, t.id))
        del self.top[self.top_n :]

    def top_articles(self) -> list[TopArticle]:
        self._prune()
        return list(self.top)

    def top_phrases(self, family: str, limit: int = 15) -> list[tuple[str, int, str]]:
        """``(phrase, count, rules)`` most frequent first, ties by phrase."""
        counts = self.phrases[family]
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [(p, n, ", ".join(sorted(self.phrase_rules[(family, p)]))) for p, n in ranked]
