"""The `factsheets` command line: argument parsing and messages only; the work is in run.py and fetch.py."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .settings import load_settings


def _settings(config: str | None):
    try:
        return load_settings(config)
    except (OSError, ValueError, KeyError) as exc:
        raise click.UsageError(f"bad settings: {exc}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Turn U.S. State Department security-cooperation fact sheets into CSV tables.

    \b
    Example:
        factsheets run                      # the bundled corpus/ -> outputs/
        factsheets run sheets/ extra.html --out tables/
        factsheets fetch --country Latvia
    """
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--out", "out_dir", default="outputs", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the CSV tables and text/.")
@click.option("--store", type=click.Path(file_okay=False), default=None,
              help="Snapshot store for fetched URLs (default: corpus/snapshots).")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Settings file overriding settings.cfg.")
def run(inputs: tuple[str, ...], out_dir: str, store: str | None, config: str | None) -> None:
    """Extract money, fiscal years, agreements and dates from fact sheets.

    INPUTS are .html/.htm/.txt files, folders (searched recursively) and http(s) URLs
    (fetched first, each version kept in the snapshot store); none means the project's
    corpus/. Writes documents.csv, money.csv, fiscal_years.csv, agreements.csv, dates.csv
    and text/DOC_ID.txt to --out. Exit status 0 when every document was processed, 1 when
    one failed (the others are still written), 2 for a usage error.

    \b
    Example:
        factsheets run corpus/latvia.html https://www.state.gov/u-s-security-cooperation-with-estonia/ --out tables/
    """
    from .run import run as run_pipeline

    result = run_pipeline(list(inputs) or None, out_dir, settings=_settings(config), store=store)
    for doc in result.failures:
        click.echo(f"error: {doc.source}: {doc.error}", err=True)
    ok = len(result.documents) - len(result.failures)
    click.echo(f"{ok} of {len(result.documents)} documents processed; tables in {Path(out_dir)}/", err=True)
    sys.exit(result.exit_code)


@main.command()
@click.argument("urls", nargs=-1)
@click.option("--country", "countries", multiple=True, help="A country whose sheet to fetch (repeatable).")
@click.option("--store", type=click.Path(file_okay=False), default=None,
              help="Snapshot store (default: corpus/snapshots).")
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Settings file overriding settings.cfg.")
def fetch(urls: tuple[str, ...], countries: tuple[str, ...], store: str | None, config: str | None) -> None:
    """Fetch fact sheets by URL or country and keep every version in the snapshot store.

    A country name becomes the sheet's address through url_template in the settings. A page
    fetched before is asked for conditionally; unchanged pages add no snapshot.

    \b
    Example:
        factsheets fetch --country Latvia --country "Côte d'Ivoire"
    """
    from .fetch import SnapshotStore, country_url, fetch_all
    from .run import DEFAULT_STORE

    settings = _settings(config)
    targets = list(urls)
    for name in countries:
        try:
            targets.append(country_url(name, settings))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--country") from None
    if not targets:
        raise click.UsageError("give at least one URL or --country")
    report = fetch_all(targets, settings, SnapshotStore(Path(store) if store else DEFAULT_STORE))
    for snap in report.snapshots:
        state = "new snapshot" if snap.new else "unchanged"
        click.echo(f"{snap.url}: {state} {snap.path}")
    for _url, message in report.failures:
        click.echo(f"error: {message}", err=True)
    sys.exit(1 if report.failures else 0)
