"""Generates a benchmark corpus: N stories as feeds, Telegram exports and text folders.

    python bench/corpus.py OUT_DIR --stories 10000 --mix mixed --seed 7

Deterministic for a seed. The mix:
- ``html``: saved article pages (real pages of ../shared/benchmarks/article-extraction,
  about 170 KB each, with the story's paragraphs in place of their own; the 63 of the
  181 where cleaning then finds the story, its date and little else), so cleaning costs
  what real pages cost;
- ``light``: Telegram channel exports and folders of text articles, half each;
- ``mixed``: 10 % html pages, 10 % RSS items whose ``content:encoded`` carries the
  article as an HTML fragment with furniture (as feeds that publish full text do), the
  rest light.
About 20 % of the stories are near-identical copies of an earlier one (another
headline, a few words changed, other furniture), and every original story states
incidents in the way governors, ministries and wire services do, in English, Russian
and Ukrainian.
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import gzip
import html
import json
import os
import random
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

SHARED_PAGES = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "benchmarks",
                            "article-extraction", "html", "*.html.gz")
DUPLICATE_SHARE = 0.2
ITEMS_PER_FEED = 50
POSTS_PER_CHANNEL = 2000
START = dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc)

# (English, Russian genitive, Ukrainian genitive) names of regions that war news names.
REGIONS = [
    ("Kursk region", "Курской области", "Курської області"),
    ("Belgorod region", "Белгородской области", "Бєлгородської області"),
    ("Bryansk region", "Брянской области", "Брянської області"),
    ("Voronezh region", "Воронежской области", "Воронезької області"),
    ("Rostov region", "Ростовской области", "Ростовської області"),
    ("Kaluga region", "Калужской области", "Калузької області"),
    ("Smolensk region", "Смоленской области", "Смоленської області"),
    ("Kharkiv region", "Харьковской области", "Харківської області"),
    ("Sumy region", "Сумской области", "Сумської області"),
    ("Odesa region", "Одесской области", "Одеської області"),
    ("Dnipropetrovsk region", "Днепропетровской области", "Дніпропетровської області"),
    ("Zaporizhzhia region", "Запорожской области", "Запорізької області"),
]

EN = [
    "Air defence forces destroyed {n} drones over the {en} overnight, the governor said.",
    "{k} people were killed and {i} injured in a missile strike on the {en}, officials said.",
    "The defence ministry said {n} Ukrainian drones were intercepted over the {en} on Tuesday.",
    "A drone attack on an oil depot in the {en} caused a fire; {i} workers were injured.",
]
RU = [
    "Ночью над территорией {ru} уничтожены {n} беспилотников, сообщил губернатор.",
    "В результате ракетного удара по {ru} погибли {k} человека, ранены {i}.",
    "Силы ПВО перехватили {n} беспилотных летательных аппаратов над территорией {ru}.",
]
UK = [
    "Вночі над територією {uk} збито {n} ударних безпілотників, повідомили у Повітряних силах.",
    "Внаслідок ракетного удару по території {uk} загинули {k} людей, ще {i} поранені.",
]
# Background sentences are put together from parts, so that independent stories share
# no more text than real independent reports do.
SUBJECTS = ["Emergency crews", "Local officials", "Residents of the district", "Volunteers",
            "Police officers", "Repair teams", "School directors", "Hospital staff", "Energy engineers",
            "Municipal workers", "Journalists on the scene", "Railway staff"]
PREDICATES = ["spent the morning", "worked late into the evening", "gathered again on Wednesday",
              "were called out twice", "reported progress", "asked for patience", "met with the mayor",
              "described a tense night", "inspected the damage", "published a short statement"]
OBJECTS = ["clearing debris near the market", "restoring power to the northern suburbs",
           "checking shelters in the old town", "repairing the water main by the bridge",
           "counting damaged windows on the main avenue", "moving families to a sports hall",
           "sorting donations at the library", "re-opening the ring road", "testing the sirens",
           "securing the roof of the clinic", "removing burnt cars from the courtyard"]
FURNITURE = [
    ["Advertisement", "Share", "12"],
    ["Subscribe to our newsletter", "Read more: weekly front-line summary"],
    ["Подписывайтесь на канал", "@regional_news"],
    ["Читайте також: головне за добу", "Реклама"],
]


@dataclass
class Story:
    title: str
    paragraphs: list[str]
    published: dt.datetime
    lang: str


def original_story(rng: random.Random, number: int) -> Story:
    lang = rng.choice(["en", "en", "ru", "uk"])
    templates = {"en": EN, "ru": RU, "uk": UK}[lang]
    en, ru, uk = rng.choice(REGIONS)
    values = dict(en=en, ru=ru, uk=uk, n=rng.randint(2, 60), k=rng.randint(1, 9), i=rng.randint(1, 30))
    incidents = [t.format(**values) for t in rng.sample(templates, k=min(2, len(templates)))]
    filler = [f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(OBJECTS)}." for _ in range(4)]
    published = START + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
    title = f"Report {number}: attacks in the {en}"
    # A story number in the text keeps independent stories apart, as real stories are.
    paragraphs = incidents + filler + [f"Report reference {number}, filed by correspondent {rng.randint(1, 400)}."]
    return Story(title, paragraphs, published, lang)


def near_copy(rng: random.Random, story: Story) -> Story:
    words_edited = []
    for paragraph in story.paragraphs:
        words = paragraph.split()
        for _ in range(max(1, len(words) // 30)):
            position = rng.randrange(len(words))
            words[position] = words[position].upper() if rng.random() < 0.5 else words[position] + ","
        words_edited.append(" ".join(words))
    return Story("Updated: " + story.title, words_edited,
                 story.published + dt.timedelta(minutes=rng.randint(5, 90)), story.lang)


def stories(count: int, seed: int) -> list[Story]:
    rng = random.Random(seed)
    made: list[Story] = []
    for number in range(count):
        if made and rng.random() < DUPLICATE_SHARE:
            made.append(near_copy(rng, rng.choice(made[-200:])))
        else:
            made.append(original_story(rng, number))
    return made


def text_with_furniture(rng: random.Random, story: Story) -> list[str]:
    lines = list(story.paragraphs)
    lines.insert(rng.randint(1, len(lines)), rng.choice(FURNITURE)[0])
    return lines + rng.choice(FURNITURE)


def write_text_folder(folder: str, rng: random.Random, items: list[Story]) -> None:
    os.makedirs(folder, exist_ok=True)
    for n, story in enumerate(items):
        lines = text_with_furniture(rng, story)
        head = f" date {story.published.date().isoformat()} {story.title}"
        with open(os.path.join(folder, f"article-{n:06d}.txt"), "w", encoding="utf-8") as handle:
            handle.write("\n".join([head] + lines) + "\n")


def write_telegram(folder: str, rng: random.Random, items: list[Story]) -> None:
    for channel, start in enumerate(range(0, len(items), POSTS_PER_CHANNEL)):
        messages = []
        for offset, story in enumerate(items[start:start + POSTS_PER_CHANNEL]):
            text = "\n".join(text_with_furniture(rng, story))
            messages.append({
                "id": offset + 1, "type": "message",
                "date": story.published.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(story.published.timestamp())),
                "from": f"Channel {channel}", "from_id": f"channel{1000 + channel}",
                "text": text, "text_entities": [{"type": "plain", "text": text}],
            })
        path = os.path.join(folder, f"channel_{channel:03d}")
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "result.json"), "w", encoding="utf-8") as handle:
            json.dump({"name": f"Channel {channel}", "type": "public_channel", "id": 1000 + channel,
                       "messages": messages}, handle, ensure_ascii=False)


_PARAGRAPH = re.compile(r"<p[\s>].*?</p\s*>", re.IGNORECASE | re.DOTALL)
# Text a page may keep once its paragraphs go: more (an article set in <div>s) and every
# page built on it would be a near-duplicate of the others.
MAX_HOST_TEXT_CHARS = 300


# A page's own publication date goes and the story's takes its place: copies of a story
# on pages first published years apart would never be near-duplicates (the dedup stage
# bounds a cluster's span in time).
_DATE_META = re.compile(r"<meta[^>]+(?:date|time|published|modified)[^>]*>", re.IGNORECASE)
_TIME = re.compile(r"<time\b[^>]*>.*?</time\s*>", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def host_pages() -> list[str]:
    """The real pages that can host a story: the cleaning stage finds a story put in place
    of their paragraphs, little else, and the story's date."""
    from transforms.clean.html import extract_page

    paths = sorted(glob.glob(SHARED_PAGES))
    if not paths:
        raise SystemExit("the html mix reuses ../shared/benchmarks/article-extraction pages, "
                         "which are absent here: use --mix light")
    probe = original_story(random.Random(0), 0)
    hosts = []
    for path in paths:
        page = gzip.open(path).read().decode("utf-8", "replace")
        found = extract_page(page_with_story(page, probe))
        text = found.text if found else ""
        kept = [p for p in probe.paragraphs if p in text]
        if (len(kept) == len(probe.paragraphs) and found.date == probe.published.date()
                and len(text) - sum(map(len, kept)) <= MAX_HOST_TEXT_CHARS):
            hosts.append(page)
    return hosts


def page_with_story(page: str, story: Story) -> str:
    """The page with the story's paragraphs and date in place of its own.

    The page keeps its menus, sidebars and footers, so cleaning costs what it costs on
    the real page.
    """
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in story.paragraphs)
    found = _PARAGRAPH.search(page)
    at = found.start() if found else len(page)
    page = _PARAGRAPH.sub("", page[:at]) + paragraphs + _PARAGRAPH.sub("", page[at:])
    date = f'<meta property="article:published_time" content="{story.published.isoformat()}">'
    return _HEAD.sub(lambda head: head.group(0) + date, _TIME.sub("", _DATE_META.sub("", page)), count=1)


def write_pages(folder: str, rng: random.Random, items: list[Story]) -> None:
    os.makedirs(folder, exist_ok=True)
    pages = host_pages()
    for n, story in enumerate(items):
        with open(os.path.join(folder, f"page-{n:06d}.html"), "w", encoding="utf-8") as handle:
            handle.write(page_with_story(rng.choice(pages), story))


def article_fragment(rng: random.Random, story: Story) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in text_with_furniture(rng, story))


def write_feeds(folder: str, rng: random.Random, items: list[Story]) -> None:
    os.makedirs(folder, exist_ok=True)
    for feed, start in enumerate(range(0, len(items), ITEMS_PER_FEED)):
        entries = []
        for offset, story in enumerate(items[start:start + ITEMS_PER_FEED]):
            entries.append(
                f"<item><title>{escape(story.title)}</title>"
                f"<link>https://bench.example/{feed}/{offset}</link>"
                f"<guid isPermaLink=\"false\">bench-{feed}-{offset}</guid>"
                f"<pubDate>{story.published.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
                f"<content:encoded><![CDATA[{article_fragment(rng, story)}]]></content:encoded></item>")
        with open(os.path.join(folder, f"feed_{feed:04d}.xml"), "w", encoding="utf-8") as handle:
            handle.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                         'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                         f"<title>Bench feed {feed}</title><link>https://bench.example/</link>"
                         f"<description>benchmark</description>{''.join(entries)}</channel></rss>")


def generate(out: str, count: int, mix: str, seed: int) -> dict[str, int]:
    """Writes the corpus under ``out``; returns how many stories each kind of input holds."""
    rng = random.Random(seed + 1)
    items = stories(count, seed)
    shares = {"html": (count, 0), "light": (0, 0), "mixed": (count // 10, count // 10)}[mix]
    page_count, feed_count = shares
    pages, feeds, rest = items[:page_count], items[page_count:page_count + feed_count], \
        items[page_count + feed_count:]
    telegram_count = len(rest) // 2
    writers = ((write_pages, "pages", pages), (write_feeds, "feeds", feeds),
               (write_telegram, "telegram", rest[:telegram_count]),
               (write_text_folder, "articles", rest[telegram_count:]))
    for write, folder, part in writers:
        if part:
            write(os.path.join(out, folder), rng, part)
    return {"html": page_count, "rss": feed_count, "telegram": telegram_count,
            "text": len(rest) - telegram_count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--mix", choices=("html", "light", "mixed"), default="mixed")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.stories, args.mix, args.seed)))


if __name__ == "__main__":
    main()
