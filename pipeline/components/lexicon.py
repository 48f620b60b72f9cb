"""factsheets_lexicon: tags tokens with their lexical class (currency, scale, month...) from rules/ lexicons."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import rules


@Language.factory(
    "factsheets_lexicon",
    assigns=["token._.fs_lex", "token._.fs_lex_id"],
    default_config={"rules_dir": "", "files": "currencies.jsonl,scales.jsonl,months.jsonl"},
)
def make_lexicon(nlp: Language, name: str, rules_dir: str, files: str) -> "Lexicon":
    return Lexicon(nlp, name, rules_dir=rules_dir, files=files)


class Lexicon:
    """Single-token lexicon entries become token attributes, so token patterns can say
    `{"_": {"fs_lex": "CURRENCY_SYMBOL"}}` and an analyst adds a currency by adding a line.

    Symbols, codes and capitalised words match exactly (`M` is not `m`, `May` is not `may`);
    a lowercase word also matches its Capitalised and UPPERCASE forms (`Million`).
    `classes` lists every string of each class, so patterns can be compiled to ORTH sets."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", files: str = ""):
        self.name = name
        self.entries: dict[str, tuple[str, str]] = {}
        for file in filter(None, (f.strip() for f in files.split(","))):
            for row in rules.load(rules_dir, file):
                pattern = row["pattern"]
                if not isinstance(pattern, str):
                    raise rules.RulesError(f"{file}: lexicon entries are strings, got {pattern!r}")
                entry = (row["label"], str(row.get("id", pattern)))
                self.entries.setdefault(pattern, entry)
                if pattern.isalpha() and pattern.islower() and len(pattern) > 1:
                    for variant in (pattern.capitalize(), pattern.upper()):
                        self.entries.setdefault(variant, entry)
        self.classes: dict[str, list[str]] = {}
        for text, (label, _) in self.entries.items():
            self.classes.setdefault(label, []).append(text)

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[int, str, str]]:
        found = []
        for token in doc:
            entry = self.entries.get(token.text)
            if entry:
                found.append((token.i, *entry))
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[int, str, str]]) -> Doc:
        for i, label, value in found:
            doc[i]._.fs_lex = label
            doc[i]._.fs_lex_id = value
        return doc


def lexicon_classes(nlp: Language) -> dict[str, list[str]] | None:
    """The classes of the pipeline's factsheets_lexicon, for compiling patterns; None without one."""
    for _, component in nlp.pipeline:
        if isinstance(component, Lexicon):
            return component.classes
    return None
