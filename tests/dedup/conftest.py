"""Stories and synthetic news texts for the dedup tests (written here, not copied)."""
from __future__ import annotations

import datetime as dt
import random

from schemas.records import Story

_WORDS = """
air defence units destroyed drones over the region overnight governor said debris fell on
a residential building in the district two people were injured and taken to hospital
emergency services extinguished fire at an oil depot near the border according to local
officials missile strike damaged power substation leaving thousands without electricity
ministry reported interception of ballistic missiles above city centre windows shattered
roof collapsed school closed classes moved online railway traffic suspended trains delayed
residents evacuated shelter warning sirens sounded for three hours early morning attack
fragments hit cars parked outside apartment block mayor urged calm repairs began quickly
investigators examined crater military facility industrial plant airfield fuel tanks
bridge damaged road closed police cordon explosion heard witnesses posted videos online
channel reported casualties unconfirmed later statement clarified numbers earlier figures
revised upward rescuers searched rubble dogs brought volunteers delivered water blankets
""".split()


def news_text(seed: int, words: int = 160, paragraph_every: int = 40) -> str:
    """A varied synthetic report: sentences of random news words, in paragraphs."""
    rng = random.Random(seed)
    out, sentence, paragraph = [], [], []
    for i in range(words):
        sentence.append(rng.choice(_WORDS))
        if len(sentence) >= rng.randint(8, 16) or i == words - 1:
            paragraph.append(" ".join(sentence).capitalize() + ".")
            sentence = []
        if (i + 1) % paragraph_every == 0 or i == words - 1:
            if paragraph:
                out.append(" ".join(paragraph))
            paragraph = []
    return "\n\n".join(out)


T0 = dt.datetime(2025, 3, 14, 6, 0, tzinfo=dt.timezone.utc)


def make_story(story_id: str, text: str, published: dt.datetime | None = T0,
               url: str | None = None, guid: str = "", title: str = "") -> Story:
    return Story(story_id=story_id, source_type="rss", source_name="test",
                 url=url or f"https://example.org/{story_id}", guid=guid, title=title,
                 text=text, lang="en", published_at=published, fetched_at=T0)


def edit_words(text: str, fraction: float, seed: int) -> str:
    """Replaces ``fraction`` of the words, keeping the paragraph layout."""
    rng = random.Random(seed)
    paragraphs = [p.split(" ") for p in text.split("\n\n")]
    slots = [(p, w) for p, words in enumerate(paragraphs) for w in range(len(words))]
    for p, w in rng.sample(slots, max(1, round(fraction * len(slots)))):
        paragraphs[p][w] = rng.choice(["reportedly", "allegedly", "nearby", "also", "again",
                                       "local", "several", "officially"])
    return "\n\n".join(" ".join(words) for words in paragraphs)
