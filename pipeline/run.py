"""Runs the stages over a run's inputs: read or fetch, clean, extract, export; collects failures."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_html, clean_text
from .document import Cleaned, Document, DuplicateDocId, FactsheetsError, Source, doc_id_for
from .export import write_outputs
from .inputs import Failed, expand, is_url, read_file, snapshot_source
from .rows import Tables, tables_from_doc
from .settings import PROJECT_ROOT, Settings, load_settings

LOGGER = logging.getLogger(__name__)

DEFAULT_CORPUS = PROJECT_ROOT / "corpus"
DEFAULT_STORE = DEFAULT_CORPUS / "snapshots"
# Documents handed to nlp.pipe at a time: bounds memory, not results.
BATCH_SIZE = 64


@dataclass
class RunResult:
    documents: list[Document]
    tables: Tables
    written: dict[str, Path] = field(default_factory=dict)

    @property
    def failures(self) -> list[Document]:
        return [d for d in self.documents if d.status != "ok"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def run(
    inputs: Iterable[str] | None = None,
    out_dir: str | Path = "outputs",
    *,
    settings: Settings | None = None,
    store: str | Path | None = None,
    nlp: Language | None = None,
    **fetcher_kwargs,
) -> RunResult:
    """Process files, folders and URLs (the project's corpus/ when none) into out_dir's tables."""
    settings = settings or load_settings()
    inputs = list(inputs or [])
    # the bundled corpus is named relative to the project, so outputs/ is the same on every machine
    root = None if inputs else PROJECT_ROOT
    documents = list(prepare(inputs or [str(DEFAULT_CORPUS)], settings, Path(store) if store else DEFAULT_STORE,
                             root=root, **fetcher_kwargs))
    tables = extract(documents, nlp or _build(settings))
    written = write_outputs(Path(out_dir), documents, tables)
    return RunResult(documents, tables, written)


def _build(settings: Settings) -> Language:
    from .nlp import build_nlp

    return build_nlp(settings.rules_dir)


def prepare(inputs: list[str], settings: Settings, store: Path, *, root: Path | None = None,
            **fetcher_kwargs) -> Iterator[Document]:
    """One cleaned Document per input, or one with status=error saying why not.
    With `root`, local sources are named relative to it."""
    seen: set[str] = set()
    for item in read_inputs(inputs, settings, store, **fetcher_kwargs):
        if root is not None and not is_url(item.source):
            item.source = os.path.relpath(item.source, root)
        doc_id, source = item.doc_id, item.source
        if doc_id in seen:
            yield failed(doc_id, source, str(DuplicateDocId(doc_id)))
            continue
        seen.add(doc_id)
        if isinstance(item, Failed):
            yield failed(doc_id, source, item.error)
            continue
        try:
            cleaned = clean(item, settings)
        except FactsheetsError as exc:
            yield failed(doc_id, source, str(exc))
            continue
        except Exception as exc:  # a bug must not cost the other documents
            LOGGER.exception("cleaning %s failed", source)
            yield failed(doc_id, source, f"cleaning failed ({type(exc).__name__}: {exc})")
            continue
        yield Document(
            doc_id=doc_id, source=source, url=cleaned.url or item.url, title=cleaned.title, bureau=cleaned.bureau,
            doc_type=cleaned.doc_type, published=cleaned.published, text=cleaned.text, layout=cleaned.layout,
            table_rows=cleaned.table_rows,
        )


def failed(doc_id: str, source: str, error: str) -> Document:
    LOGGER.warning("%s: %s", source, error)
    return Document(doc_id=doc_id, source=source, status="error", error=" ".join(error.split()))


def read_inputs(inputs: list[str], settings: Settings, store: Path, **fetcher_kwargs) -> Iterator[Source | Failed]:
    """Sources in the order given; URLs are fetched (into the snapshot store) first."""
    items = list(expand(inputs))
    urls = [i for i in items if isinstance(i, str) and is_url(i)]
    fetched = fetch_urls(urls, settings, store, **fetcher_kwargs) if urls else {}
    for item in items:
        if isinstance(item, (Source, Failed)):  # a stored snapshot, already read
            yield item
            continue
        if isinstance(item, str) and is_url(item):
            yield fetched[item]
            continue
        path = Path(item)
        try:
            yield read_file(path)
        except FactsheetsError as exc:
            yield Failed(doc_id_for(str(path)), str(path), str(exc))


def fetch_urls(urls: list[str], settings: Settings, store: Path, **fetcher_kwargs) -> dict[str, Source | Failed]:
    from .fetch import SnapshotStore, fetch_all

    snapshots = SnapshotStore(store)
    report = fetch_all(urls, settings, snapshots, **fetcher_kwargs)
    result: dict[str, Source | Failed] = {url: Failed(doc_id_for(url), url, message) for url, message in report.failures}
    for snap in report.snapshots:
        result[snap.url] = snapshot_source(store, snap, source=snap.url)
    for url in urls:
        result.setdefault(url, Failed(doc_id_for(url), url, "not fetched"))
    return result


def clean(source: Source, settings: Settings) -> Cleaned:
    if source.kind == "html":
        return clean_html(source.data, settings, doc_id=source.doc_id)
    return clean_text(source.data, settings, doc_id=source.doc_id)


def extract(documents: list[Document], nlp: Language) -> Tables:
    """Run the spaCy pipeline over the good documents (in batches) and collect their rows."""
    tables = Tables.empty()
    good = [d for d in documents if d.status == "ok"]
    for document, doc in zip(good, _pipe(nlp, good)):
        if doc is None:
            continue
        document.country = doc._.country or ""
        document.countries = list(doc._.countries or [])
        tables.extend(tables_from_doc(doc, document.doc_id))
    return tables


def _pipe(nlp: Language, documents: list[Document]) -> Iterator[Doc | None]:
    for i in range(0, len(documents), BATCH_SIZE):
        batch = documents[i:i + BATCH_SIZE]
        try:
            results = list(nlp.pipe(_make_docs(nlp, batch)))
        except Exception:  # find the document that broke the batch; the others go on
            for document in batch:
                try:
                    yield nlp(_make_docs(nlp, [document])[0])
                except Exception as exc:
                    LOGGER.exception("extraction failed on %s", document.doc_id)
                    document.status, document.error = "error", f"extraction failed ({type(exc).__name__}: {exc})"
                    yield None
        else:
            yield from results


def _make_docs(nlp: Language, documents: list[Document]) -> list[Doc]:
    docs = []
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.title = document.title
        doc._.table_rows = document.table_rows
        docs.append(doc)
    return docs
