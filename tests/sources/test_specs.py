import pytest

from transforms.sources import InputSpec, expand_input, load_config, resolve_inputs
from transforms.sources.specs import kind_of_file

from .conftest import DATA


@pytest.mark.parametrize("name, kind", [
    ("feed.xml", "rss"), ("feed.RSS", "rss"), ("x.atom", "rss"), ("result.json", "telegram"),
    ("messages.html", "telegram"), ("messages12.html", "telegram"), ("a.txt", "text"),
    ("page.html", "html"), ("page.htm", "html"), ("page.html.gz", "html"), ("notes.md", None),
])
def test_kind_of_file(name, kind):
    assert kind_of_file(f"/some/folder/{name}") == kind


def test_resolve_urls_files_and_export_folders():
    specs = resolve_inputs(["https://example.org/feed", str(DATA / "feeds" / "atom.xml"),
                            str(DATA / "telegram_html"), str(DATA / "telegram_channel")])
    assert specs == [
        InputSpec("rss", "https://example.org/feed"),
        InputSpec("rss", str(DATA / "feeds" / "atom.xml")),
        InputSpec("telegram", str(DATA / "telegram_html")),
        InputSpec("telegram", str(DATA / "telegram_channel")),
    ]


def test_plain_folder_gives_one_spec_per_kind_and_per_export(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("<p>x</p>")
    (tmp_path / "README.md").write_text("ignored")
    export = tmp_path / "export"
    (export / "photos").mkdir(parents=True)
    (export / "result.json").write_text("{}")
    (export / "messages.html").write_text("<html/>")
    (export / "photos" / "p.html").write_text("export furniture")
    specs = resolve_inputs([str(tmp_path)])
    assert sorted((spec.kind, spec.location) for spec in specs) == [
        ("html", str(tmp_path)), ("telegram", str(export)), ("text", str(tmp_path))]


def test_expand_folder_per_kind(tmp_path):
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text("x")
    text_files = [spec.location for spec in expand_input(InputSpec("text", str(tmp_path), "n"))]
    assert text_files == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert list(expand_input(InputSpec("rss", "https://example.org/f"))) == [
        InputSpec("rss", "https://example.org/f")]


def test_telegram_folder_prefers_json_over_its_html_twin():
    specs = list(expand_input(InputSpec("telegram", str(DATA / "telegram_channel"))))
    assert [spec.location.rsplit("/", 1)[-1] for spec in specs] == ["result.json", "truncated.json"]


@pytest.mark.parametrize("location, message", [
    ("/nonexistent/incidentflow/feeds", "does not exist"),
    ("ftp://example.org/feed.xml", "unsupported location"),
])
def test_resolve_errors_say_what_to_do(location, message):
    with pytest.raises(ValueError, match=message):
        resolve_inputs([location])


def test_unknown_file_kind_is_explained(tmp_path):
    (tmp_path / "notes.md").write_text("x")
    with pytest.raises(ValueError, match=r"cannot tell what kind.*expected an http\(s\) feed URL"):
        resolve_inputs([str(tmp_path / "notes.md")])
    with pytest.raises(ValueError, match="holds no readable inputs"):
        resolve_inputs([str(tmp_path)])


def test_config_sources(tmp_path):
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "result.json").write_text("{}")
    config = tmp_path / "sources.yaml"
    config.write_text("""
sources:
  - name: wire
    kind: rss
    url: https://wire.example.org/feed
    timeout: 20
  - name: oblast
    kind: telegram
    location: exports/result.json
    username: "@oblastwatch"
    timezone: Europe/Kyiv
""")
    specs = resolve_inputs([], str(config))
    assert specs == [
        InputSpec("rss", "https://wire.example.org/feed", "wire", (("timeout", "20"),)),
        InputSpec("telegram", str(tmp_path / "exports" / "result.json"), "oblast",
                  (("timezone", "Europe/Kyiv"), ("username", "oblastwatch"))),
    ]


@pytest.mark.parametrize("body, message", [
    ("sources: {}", "must be a mapping with a 'sources:' list"),
    ("sources: [{kind: rss, url: 'https://x.org'}]", "give every source a non-empty 'name'"),
    ("sources: [{name: a, kind: podcast, url: 'https://x.org'}]", "unknown kind 'podcast'"),
    ("sources: [{name: a, kind: rss, url: 'https://x.org', usernme: b}]", r"unknown key\(s\) usernme"),
    ("sources: [{name: a, kind: rss}]", "exactly one of 'url'"),
    ("sources: [{name: a, url: 'https://x.org', location: 'https://y.org'}]", "exactly one of 'url'"),
    ("sources: [{name: a, kind: rss, url: 'x.org/feed'}]", "must start with http"),
    ("sources: [{name: a, url: 'https://x.org'}, {name: a, url: 'https://y.org'}]", "used twice"),
    ("sources: [{name: a, kind: telegram, path: nowhere.json}]", r"sources\[0\] \(a\): input .* does not exist"),
    ("sources: [{name: a, kind: telegram, path: x.json, timezone: Mars/Olympus}]", "unknown timezone"),
    ("sources: [{name: a, kind: telegram, path: x.json, username: 'no spaces'}]", "not a Telegram public username"),
    ("sources: [{name: a, kind: rss, url: 'https://x.org', timeout: -1}]", "positive number"),
    ("sources: [name: a\n  - broken", "not valid YAML"),
])
def test_config_errors_name_the_source_and_the_fix(tmp_path, body, message):
    config = tmp_path / "sources.yaml"
    config.write_text(body)
    with pytest.raises(ValueError, match=message):
        load_config(str(config))


def test_missing_config_file():
    with pytest.raises(ValueError, match="cannot read config"):
        resolve_inputs([], "/nonexistent/sources.yaml")


def test_a_missing_input_at_read_time_is_a_reject_and_an_empty_folder_has_no_items(tmp_path):
    from transforms.sources import read_input
    (tmp_path / "empty").mkdir()
    assert list(expand_input(InputSpec("text", str(tmp_path / "empty")))) == []
    for missing in (str(tmp_path / "gone"), "/nonexistent/incidentflow/a.txt"):
        [spec] = expand_input(InputSpec("text", missing))
        [reject] = read_input(spec)
        assert reject.reason == "input_missing"


def test_full_account_html_export_gives_one_spec_per_chat(tmp_path):
    (tmp_path / "lists").mkdir()
    (tmp_path / "export_results.html").write_text("<html/>")
    (tmp_path / "lists" / "chats.html").write_text("<html/>")
    for chat in ("chat_01", "chat_02"):
        (tmp_path / "chats" / chat).mkdir(parents=True)
        (tmp_path / "chats" / chat / "messages.html").write_text("<html/>")
    specs = resolve_inputs([str(tmp_path)])
    assert specs == [InputSpec("telegram", str(tmp_path / "chats" / chat)) for chat in ("chat_01", "chat_02")]


def test_nothing_inside_a_json_export_is_read_twice(tmp_path):
    (tmp_path / "result.json").write_text("{}")
    (tmp_path / "chats" / "chat_01").mkdir(parents=True)
    (tmp_path / "chats" / "chat_01" / "messages.html").write_text("<html/>")
    assert resolve_inputs([str(tmp_path)]) == [InputSpec("telegram", str(tmp_path))]
