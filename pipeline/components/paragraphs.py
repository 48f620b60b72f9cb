"""factsheets_paragraphs: a paragraph break always starts a sentence (runs after the sentencizer)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("factsheets_paragraphs", assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> "ParagraphBreaks":
    return ParagraphBreaks(nlp, name)


class ParagraphBreaks:
    """Headings, table rows and list items end without a full stop; a line break ends them all the same."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[int]:
        return [t.i + 1 for t in doc[:-1] if t.is_space and "\n" in t.text]

    def set_annotations(self, doc: Doc, starts: list[int]) -> Doc:
        for i in starts:
            doc[i].is_sent_start = True
        return doc
