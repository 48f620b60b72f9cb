"""Tests of the command line: help, exit codes, one-line errors, python -m, fetch by country."""
from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import CORPUS
from tests.localserver import Reply


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["fetch", "--help"]])
def test_cli_every_command_explains_itself(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "Usage:" in result.output


def test_cli_run_writes_tables_and_exits_0(tmp_path):
    result = CliRunner().invoke(main, ["run", str(CORPUS / "latvia-seed.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "agreements.csv", "dates.csv", "documents.csv", "fiscal_years.csv", "money.csv", "text"]
    assert (tmp_path / "text" / "latvia-seed.txt").is_file()


def test_cli_run_reports_a_failed_document_in_one_line_and_exits_1(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["run", str(empty), str(CORPUS / "latvia-seed.txt"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"error: {empty}: empty document" in result.output.splitlines()
    assert "1 of 2 documents processed" in result.output


def test_cli_usage_error_exits_2():
    result = CliRunner().invoke(main, ["run", "--no-such-option"])
    assert result.exit_code == 2


def test_cli_bad_settings_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["run", "--config", str(tmp_path / "missing.cfg")])
    assert result.exit_code == 2
    assert "settings file not found" in result.output


def test_cli_python_m_pipeline_runs_the_same_command(tmp_path):
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(CORPUS / "latvia-seed.txt"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "money.csv").read_text().count("\n") == 11


def test_cli_fetch_by_country_uses_the_configured_url_template(server, tmp_path):
    server.route("/robots.txt", Reply(404, b""))
    server.route("/sheets/cote-d-ivoire.html", Reply(200, b"<html><body><p>Sheet</p></body></html>", {"Content-Type": "text/html"}))
    config = tmp_path / "mirror.cfg"
    config.write_text(f"[fetch]\nurl_template = {server.url('/sheets/{slug}.html')}\nmin_interval = 0\n")
    store = tmp_path / "store"
    args = ["fetch", "--country", "Côte d'Ivoire", "--config", str(config), "--store", str(store)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "new snapshot" in result.output
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and "unchanged" in again.output
    assert len(list((store / "sheets-cote-d-ivoire").iterdir())) == 1


def test_cli_fetch_without_targets_is_a_usage_error():
    result = CliRunner().invoke(main, ["fetch"])
    assert result.exit_code == 2
    assert "give at least one URL or --country" in result.output
