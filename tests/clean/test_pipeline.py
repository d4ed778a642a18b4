"""CleanStories under TestPipeline: template learning across one source's items."""
from __future__ import annotations

import datetime as dt

import apache_beam as beam
from apache_beam.testing.util import assert_that, equal_to

from schemas.records import RawItem
from transforms.clean import CleanStories

NOW = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
# A channel's own footer: no rule names it; it is furniture because it recurs.
FOOTER = "Курск сегодня — главное о регионе за минуту"
EVENTS = [
    "Над Курской областью сбиты 7 беспилотников.",
    "В Рыльске обломками повреждена линия электропередачи.",
    "В Курчатове объявлена ракетная опасность.",
    "Губернатор сообщил о двух пострадавших в Судже.",
    "Ночью ПВО уничтожила 12 дронов над регионом.",
    "В Льгове повреждены окна в жилом доме.",
]


def _post(source: str, index: int, text: str) -> RawItem:
    return RawItem(source_type="telegram", source_name=source, url=f"tg:{source}:{index}",
                   guid=f"{source}:{index}", title="", published_at=NOW, body=text,
                   body_format="text", fetched_at=NOW, position=f"result.json#{index}")


def test_clean_stories_learns_and_removes_each_sources_template(test_pipeline):
    kursk = [_post("kursk", i, f"{event}\n\n{FOOTER}") for i, event in enumerate(EVENTS)]
    # The same line in a small source is not template there: too few items to tell.
    other = [_post("other", 0, f"Сбиты 3 беспилотника над Орлом.\n{FOOTER}")]
    empty = [_post("kursk", 99, "Реклама\n👉 Подписаться")]
    with test_pipeline as pipeline:
        stories, rejects = pipeline | beam.Create(kursk + other + empty) | CleanStories()
        assert_that(stories | "Texts" >> beam.Map(lambda s: (s.source_name, s.text)), equal_to(
            [("kursk", event) for event in EVENTS]
            + [("other", f"Сбиты 3 беспилотника над Орлом.\n{FOOTER}")]), label="stories")
        assert_that(rejects | "Reasons" >> beam.Map(lambda r: (r.reason, r.source_ref)),
                    equal_to([("empty_after_cleaning", "result.json#99")]), label="rejects")


def test_clean_stories_rejects_bad_html_without_stopping(test_pipeline):
    items = [
        RawItem(source_type="rss", source_name="feed", url="https://example.org/a", guid="a",
                title="A", published_at=NOW, body="<html><body><script>1</script></body></html>",
                body_format="html", fetched_at=NOW),
        _post("feed", 1, "Ukraine's air force shot down 40 of 45 drones overnight."),
    ]
    with test_pipeline as pipeline:
        stories, rejects = pipeline | beam.Create(items) | CleanStories()
        assert_that(stories | "Langs" >> beam.Map(lambda s: s.lang), equal_to(["en"]), label="stories")
        assert_that(rejects | "Reasons" >> beam.Map(lambda r: r.reason),
                    equal_to(["extraction_failed"]), label="rejects")
