import apache_beam as beam
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.util import assert_that, equal_to

from transforms.sources import InputSpec, ReadSources
from transforms.stage import COUNT_NAMESPACE

from .conftest import DATA


def test_read_sources_expands_folders_and_splits_rejects(test_pipeline):
    specs = [
        InputSpec("rss", str(DATA / "feeds")),
        InputSpec("telegram", str(DATA / "telegram_channel" / "result.json")),
        InputSpec("text", str(DATA / "articles")),
        InputSpec("text", "/nonexistent/incidentflow/missing.txt"),
    ]
    items, rejects = test_pipeline | ReadSources(specs)
    assert_that(items | "ItemKeys" >> beam.Map(lambda item: (item.source_type, item.guid)),
                equal_to(EXPECTED_ITEMS), label="items")
    assert_that(rejects | "RejectKeys" >> beam.Map(lambda r: (r.reason, r.source_ref.rsplit("/", 1)[-1])),
                equal_to([("feed_no_entries", "no_entries.xml"), ("input_missing", "missing.txt")]),
                label="rejects")
    result = test_pipeline.run()
    result.wait_until_finish()
    counters = {c.key.metric.name: c.committed
                for c in result.metrics().query(MetricsFilter().with_namespace(COUNT_NAMESPACE))["counters"]}
    assert counters == {"feed_bozo:Sloppy Feed": 1, "telegram_service_messages": 1,
                        "telegram_album_messages_merged": 2, "telegram_empty_messages": 1}


EXPECTED_ITEMS = [
    ("rss", "wire-1001"), ("rss", "https://wire.example.org/news/1002"),
    ("rss", "https://wire.example.org/news/1003"),
    ("rss", "urn:example:harbour-monitor:7"), ("rss", "urn:example:harbour-monitor:8"),
    ("rss", "https://sloppy.example.org/a"), ("rss", "https://sloppy.example.org/b"),
    *[("telegram", f"tg:1700000001:{n}") for n in (11, 13, 15, 17, 18, 19)],
    *[("text", (DATA / "articles" / name).resolve().as_uri())
      for name in ("bad_date.txt", "dated.txt", "headline.txt")],
]
