"""Labelled near-duplicate corpora for the dedup benchmark.

Base texts are the real article bodies of ../shared/benchmarks/article-extraction
(``articleBody``). To reach tens of thousands of distinct stories from 181 articles,
each further round re-spells an article with a seeded word substitution: the text keeps
its real structure (sentence and paragraph lengths, repeated phrases) but shares no
shingles with the other rounds. Each group is an original plus copies made the ways
news is republished; hard negatives are other stories quoting an original at length.

Kinds of copy (the target kinds first):
  furniture   site furniture lines added around and inside the text
  headline    a new headline line on top (and a new title)
  edits_5     2-5 % of the words substituted, deleted or inserted
  truncated   the first 60-95 % of the words
  added_para  a paragraph added at the end, on top or in the middle
  trimmed     the opening sentence(s) of the lead removed (up to ~15 % of the words)
  telegram    a channel repost: forward header, the text, the channel footer
  edits_10    5-10 % edits (beyond the target; reported separately)
  summary     a feed summary: the first 40-80 words and an ellipsis
  mixed       furniture + headline + 3 % edits + truncation to 80 %
  quote       hard negative: another story quoting 20-50 % of the original
"""
from __future__ import annotations

import dataclasses
import itertools
import datetime as dt
import json
import pathlib
import random

import xxhash

from schemas.records import Story

GROUND_TRUTH = (pathlib.Path(__file__).resolve().parents[2]
                / "shared" / "benchmarks" / "article-extraction" / "ground-truth.json")
MIN_BASE_WORDS = 60  # shorter bodies are matched by exact hash only, by design
T0 = dt.datetime(2025, 3, 1, tzinfo=dt.timezone.utc)

TARGET_KINDS = ("furniture", "headline", "edits_5", "truncated", "added_para")
COPY_KINDS = TARGET_KINDS + ("trimmed", "telegram", "edits_10", "summary", "mixed")
SITES = ("Kyiv Daily", "Northern Courier", "Border Wire", "Evening Ledger", "Metro Post",
         "Front Line Today", "Regional Herald", "Open Channel")
FURNITURE = ("Share this article", "Share on Facebook  Share on X  Copy link", "Advertisement",
             "Sign up for our morning newsletter", "Related coverage", "Follow us on Telegram",
             "© 2025 {site}. All rights reserved.", "Photo: {site}", "Comments (14)",
             "Most read this week", "Subscribe to keep reading", "Read more: {headline}",
             "Listen to this story", "{site} newsroom")


@dataclasses.dataclass
class LabelledStory:
    story: Story
    group: int  # gold cluster: the original and its copies
    kind: str  # "original", a copy kind, "quote" (hard negative) or "single"
    source_group: int | None = None  # for a hard negative: the group it quotes


def load_bodies(path: pathlib.Path = GROUND_TRUTH) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    bodies = [entry.get("articleBody") or "" for _, entry in sorted(data.items())]
    return [body for body in bodies if len(body.split()) >= MIN_BASE_WORDS]


class Corpus:
    def __init__(self, bodies: list[str], seed: int = 7):
        self._bodies = bodies
        # Re-spelling draws from Latin, Greek and Cyrillic tokens only (the product reads
        # Russian, Ukrainian and English news).
        self._vocabulary = sorted({token for body in bodies for token in body.split()
                                   if max(token) < "\u0530"})
        self._rng = random.Random(seed)

    def base(self, index: int) -> str:
        """Distinct base text number ``index``: an article, re-spelled from the second round on."""
        body = self._bodies[index % len(self._bodies)]
        spelling = index // len(self._bodies)
        if spelling == 0:
            return body
        size = len(self._vocabulary)
        return "\n".join(" ".join(self._vocabulary[xxhash.xxh32_intdigest(token.encode(), spelling) % size]
                                  for token in line.split())
                         for line in body.split("\n"))

    def _words(self, count: int) -> str:
        return " ".join(self._rng.choice(self._vocabulary) for _ in range(count))

    def _headline(self) -> str:
        return self._words(self._rng.randint(6, 12)).capitalize()

    def _furniture(self, site: str) -> str:
        return self._rng.choice(FURNITURE).format(site=site, headline=self._headline())

    def _edit(self, text: str, fraction: float) -> str:
        lines = [line.split(" ") for line in text.split("\n")]
        slots = [(i, j) for i, line in enumerate(lines) for j in range(len(line))]
        for i, j in sorted(self._rng.sample(slots, max(1, round(fraction * len(slots)))), reverse=True):
            roll = self._rng.random()
            if roll < 0.6:
                lines[i][j] = self._rng.choice(self._vocabulary)
            elif roll < 0.8 and len(lines[i]) > 1:
                del lines[i][j]
            else:
                lines[i].insert(j, self._rng.choice(self._vocabulary))
        return "\n".join(" ".join(line) for line in lines)

    def copy(self, text: str, kind: str, site: str) -> tuple[str, str]:
        """(title, text) of a copy of ``text`` made the ``kind`` way."""
        rng, title = self._rng, self._headline()
        words = text.split()
        paragraphs = [p for p in text.split("\n") if p.strip()]
        if kind == "furniture":
            top = [self._furniture(site) for _ in range(rng.randint(0, 2))]
            bottom = [self._furniture(site) for _ in range(rng.randint(1, 3))]
            if len(paragraphs) > 2:
                paragraphs.insert(rng.randint(1, len(paragraphs) - 1), self._furniture(site))
            return title, "\n".join(top + paragraphs + bottom)
        if kind == "headline":
            return title, title + "\n" + text
        if kind == "edits_5":
            return title, self._edit(text, rng.uniform(0.02, 0.05))
        if kind == "edits_10":
            return title, self._edit(text, rng.uniform(0.05, 0.10))
        if kind == "truncated":
            return title, " ".join(words[:max(1, int(len(words) * rng.uniform(0.6, 0.95)))])
        if kind == "added_para":
            extra = self._words(rng.randint(30, max(31, min(150, len(words) // 2))))
            where = rng.choice(("end", "end", "end", "top", "middle"))
            at = {"end": len(paragraphs), "top": 0,
                  "middle": rng.randint(0, len(paragraphs))}[where]
            paragraphs.insert(at, "Update: " + extra)
            return title, "\n".join(paragraphs)
        if kind == "trimmed":
            cut = rng.randint(max(1, len(words) // 30), max(2, len(words) // 7))
            return title, " ".join(words[cut:])
        if kind == "telegram":
            return title, (f"Forwarded from {site}\n{text}\n"
                           f"Subscribe: t.me/{site.lower().replace(' ', '_')} | Send us news")
        if kind == "summary":
            return title, " ".join(words[:rng.randint(40, 80)]) + " …"
        if kind == "mixed":
            _, furnished = self.copy(text, "furniture", site)
            edited = self._edit(title + "\n" + furnished, 0.03).split()
            return title, " ".join(edited[:int(0.8 * len(edited))])
        raise ValueError(kind)

    def quoting(self, quoted: str, own: str) -> str:
        """A different story that quotes 20-50 % of ``quoted`` at length, inside its own text."""
        words = quoted.split()
        length = int(len(words) * self._rng.uniform(0.2, 0.5))
        start = self._rng.randint(0, len(words) - length)
        quote = " ".join(words[start:start + length])
        own_words = own.split()
        if len(own_words) < length:  # its own reporting is at least as long as the quote
            return ""
        cut = self._rng.randint(0, len(own_words))
        return " ".join(own_words[:cut] + [f'"{quote}"'] + own_words[cut:])


def generate(n_stories: int, seed: int = 7, bodies: list[str] | None = None) -> list[LabelledStory]:
    """About ``n_stories`` labelled stories: groups of 2-8, singles and hard negatives."""
    corpus = Corpus(bodies if bodies is not None else load_bodies(), seed)
    rng = random.Random(seed + 1)
    out: list[LabelledStory] = []
    group_of_base: dict[int, int] = {}  # base text -> the group holding it unchanged

    def add(text: str, title: str, published: dt.datetime, group: int, kind: str,
            source_group: int | None = None):
        story_id = f"s{len(out):07d}"
        site = rng.choice(SITES)
        out.append(LabelledStory(Story(
            story_id=story_id, source_type="rss", source_name=site,
            url=f"https://{site.lower().replace(' ', '-')}.example/{story_id}", guid=story_id,
            title=title, text=text, lang="en", published_at=published, fetched_at=published),
            group=group, kind=kind, source_group=source_group))

    for group in itertools.count():
        if len(out) >= n_stories:
            break
        base_index = group
        base = corpus.base(base_index)
        published = T0 + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 10))
        roll = rng.random()
        if 0.35 <= roll < 0.42 and group_of_base:
            quoted_base = rng.choice(list(group_of_base)[-200:])  # a recent story
            text = corpus.quoting(corpus.base(quoted_base), base)
            if text:
                add(text, corpus._headline(), published, group, "quote",
                    source_group=group_of_base[quoted_base])
                continue
        group_of_base[base_index] = group
        if roll < 0.42:
            add(base, corpus._headline(), published, group, "single")
            continue
        add(base, corpus._headline(), published, group, "original")
        for kind in rng.sample(COPY_KINDS, rng.randint(1, 7)):
            delay = dt.timedelta(minutes=rng.randint(-30, 60 * 48))
            title, text = corpus.copy(base, kind, rng.choice(SITES))
            add(text, title, published + delay, group, kind)
    return out[:n_stories]
