import argparse

from transforms.sources import FetchSettings
from transforms.sources.options import add_fetch_arguments, fetch_settings


def parse(*argv: str) -> FetchSettings:
    parser = argparse.ArgumentParser()
    add_fetch_arguments(parser)
    return fetch_settings(parser.parse_args(list(argv)))


def test_defaults_are_the_settings_defaults():
    assert parse() == FetchSettings()


def test_every_flag_reaches_its_setting():
    settings = parse("--fetch-articles", "--replay", "state/sources/warc", "--allow-private-addresses",
                     "--contact", "ops@example.org", "--min-host-delay", "2.5", "--connect-timeout", "3",
                     "--fetch-timeout", "7", "--max-fetch-mb", "2", "--fetch-retries", "1",
                     "--seen-window-days", "30")
    assert settings == FetchSettings(
        allow_private_addresses=True, fetch_articles=True, replay="state/sources/warc",
        contact="ops@example.org", min_host_delay_s=2.5, connect_timeout_s=3.0, read_timeout_s=7.0,
        max_bytes=2 * 1024 * 1024, retries=1, seen_window_days=30)
    assert "ops@example.org" in settings.user_agent and settings.user_agent.startswith("incidentflow/")
