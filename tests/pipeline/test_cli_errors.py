"""What a user sees when the command line is misused: one line saying what to do."""
from __future__ import annotations

import pytest

from pipelines.cli import main


@pytest.mark.parametrize("argv, message", [
    (["run", "samples/articles", "--output", "setup.py"], "is a file: give a folder"),
    (["run", "no/such/input", "--output", "OUT"], "does not exist"),
    (["run", "--output", "OUT"], "nothing to read"),
    (["run", "samples/articles", "--output", "OUT", "--runner", "DataflowRunner"], "gs://"),
    (["query", ".", "SELECT 1"], "not the output folder of a run"),
])
def test_misuse_gives_one_line_and_exit_code_2(argv, message, capsys, monkeypatch):
    from tests.conftest import REPO

    monkeypatch.chdir(REPO)
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_bad_sql_names_the_tables(tmp_path, capsys):
    (tmp_path / "_runs").mkdir()
    assert main(["query", str(tmp_path), "SELECT nope FROM incidents"]) == 2
    assert "The tables are stories, incidents and rejects" in capsys.readouterr().err


def test_local_processes_must_be_a_positive_whole_number(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["run", "samples/articles", "--output", "OUT", "--local_processes", "0"])
    assert exit_.value.code == 2
    assert "'0' is not a whole number of at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("beam_args, requested, expected", [
    ([], None, "cores"),
    ([], 3, 3),
    (["--runner", "DataflowRunner"], 3, 1),
    (["--runner", "PortableRunner"], None, 1),
    (["--direct_num_workers", "2", "--direct_running_mode", "multi_processing"], None, 1),
])
def test_local_processes_only_on_an_in_process_runner(beam_args, requested, expected):
    import os

    from pipelines.options import beam_options, local_processes

    wanted = os.cpu_count() if expected == "cores" else expected
    assert local_processes(beam_options(beam_args), requested) == wanted
