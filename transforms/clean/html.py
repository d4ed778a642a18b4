"""Main text, title and date of an HTML page, by trafilatura.

Only the title and the publication date are read from the page's metadata: the
full ``with_metadata`` pass (authors, categories, tags, licence) costs as much as
the extraction itself and nothing downstream uses it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
from trafilatura.utils import load_html

# Measured on the article-extraction benchmark with the furniture filter after it
# (bench/bench_clean.py): the fast path (no readability/jusText comparison) scores as
# well as the full one and is a third quicker; favor_recall keeps more of the body and
# leaves the furniture it also keeps to the line filter (F1 0.970 against 0.969 for the
# defaults); favor_precision drops whole articles on some pages (F1 0.950).
# ``deduplicate`` stays off: its cache makes the output depend on processing order.
EXTRACTION_OPTIONS = dict(
    include_comments=False,
    include_tables=True,
    favor_recall=True,
    fast=True,
)
DATE_OPTIONS = dict(extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
               "section", "article", "header", "footer", "ul", "ol", "table", "pre", "figcaption")
_UNSEEN_TAGS = ("script", "style", "noscript", "template", "head")
# <figcaption> and the class names sites give captions ("caption", "wp-caption-text",
# "image-caption"); only whole lines equal to one are removed, so a wrapper element
# with "caption" in its class costs nothing.
_CAPTIONS = etree.XPath("//figcaption | //*[contains(@class, 'caption')]")


@dataclasses.dataclass(frozen=True)
class PageText:
    text: str  # paragraphs joined by "\n"
    title: str | None
    date: dt.date | None
    captions: tuple[str, ...] = ()  # image captions, which trafilatura drops but pages repeat


def _page_metadata(tree, url: str | None) -> tuple[str | None, dt.date | None]:
    metadata = examine_meta(tree)
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 - malformed JSON-LD only costs us the metadata
        pass
    title = metadata.title or extract_title(tree)
    try:
        found = find_date(tree, url=url or metadata.url, **DATE_OPTIONS)
        date = dt.date.fromisoformat(found) if found else None
    except (ValueError, TypeError):  # an unparseable date costs the date, not the story
        date = None
    return (title.strip() or None) if title else None, date


def _captions(tree) -> tuple[str, ...]:
    texts = (" ".join(element.text_content().split()) for element in _CAPTIONS(tree))
    return tuple(dict.fromkeys(text for text in texts if text))


def _is_fragment(html: str | bytes) -> bool:
    """A piece of HTML (a feed item's summary) rather than a whole page with menus."""
    head = (html[:2000].decode("utf-8", "replace") if isinstance(html, bytes) else html[:2000]).lower()
    return "<html" not in head and "<body" not in head


def _fragment_text(tree) -> str:
    """All visible text of a fragment, one block a line."""
    etree.strip_elements(tree, *_UNSEEN_TAGS, with_tail=False)
    for element in tree.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    text = etree.tostring(tree, method="text", encoding="unicode")
    return "\n".join(" ".join(line.split()) for line in text.splitlines())


def extract_page(html: str | bytes, url: str | None = None) -> PageText | None:
    """The page's main text, title and date; None when the HTML cannot be parsed.

    A fragment (a feed item's summary or content, a post's HTML) is all content: its
    visible text is taken whole, because trafilatura's article heuristics drop short
    paragraphs there ("5 killed") and the line filter does the cleaning.
    """
    tree = load_html(html)
    if tree is None:
        return None
    if _is_fragment(html):
        return PageText(text=_fragment_text(tree), title=None, date=None)
    title, date = _page_metadata(tree, url)
    captions = _captions(tree)
    document = trafilatura.bare_extraction(tree, url=url, **EXTRACTION_OPTIONS)
    text = (document.text or "") if document is not None else ""
    return PageText(text=text, title=title, date=date, captions=captions)
