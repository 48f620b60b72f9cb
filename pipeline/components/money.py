"""factsheets_money: amounts of money (value, currency, range, qualifier) from rules/money.jsonl."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import MONEY, QUALIFIERS
from ..normalise import parse_number, scaled
from .lexicon import lexicon_classes
from .patterns import SENTENCE_END, PatternSet, content, is_row

# How many words may stand between a qualifier and its amount when all of them are
# FILLER phrases ("more than a total of $5 million"). Calibrated on the money tests.
MAX_QUALIFIER_GAP = 3

# A table's unit note ("($ in thousands)", "USD Thousands") is a short paragraph of its
# own, or ends a short caption. Calibrated on tests/data/layouts and the money tests.
MAX_UNIT_NOTE_TOKENS = 12
# A heading row inside a table ("Security Assistance") that has no cells: at most this long.
MAX_TABLE_TITLE_TOKENS = 8

# Labels of money.jsonl rows that are not amounts
UNIT_NOTE, TABLE_FIGURE, NOT_AFTER = "UNIT_NOTE", "TABLE_FIGURE", "NOT_AFTER"


@Language.factory(
    "factsheets_money",
    assigns=["doc.spans", "doc.spans", "doc._.table_rows", "span._.value", "span._.value_high",
             "span._.currency", "span._.qualifier"],
    default_config={"rules_dir": "", "patterns": "money.jsonl", "qualifiers": "qualifiers.jsonl"},
)
def make_money(nlp: Language, name: str, rules_dir: str, patterns: str, qualifiers: str) -> "Money":
    return Money(nlp, name, rules_dir=rules_dir, patterns=patterns, qualifiers=qualifiers)


class Money:
    """Token patterns over lexicon classes (`factsheets_lexicon` tags `$`, `million`, ...).

    Labels: MONEY (one amount), MONEY_RANGE (`$1-2 million`: value is the low end,
    value_high the high end), MONEY_BARE (`12.81M` with no currency: kept only when the
    sentence has an amount with a currency, whose currency it takes).

    Tables: the clean stage renders a table as one paragraph per row (`Label: FY 2010:
    11,000; FY 2011: 16,000`) after its unit note. A UNIT_NOTE match (`($ in thousands)`)
    sets the scale (its SCALE word) and currency (its currency word) of every TABLE_FIGURE
    that fills a cell (after `:`, before `;` or the row's end) in the rows that follow,
    until a paragraph that is not a row. Such figures get the label MONEY_TABLE."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = "", qualifiers: str = ""):
        self.name = name
        rows = rules.load(rules_dir, patterns)
        lexicon = lexicon_classes(nlp)
        # "(in U.S. FY 2012 dollars)": a number right after these words is a year or a section
        self.not_after = set(rules.phrases([r for r in rows if r["label"] == NOT_AFTER]))
        self.patterns = PatternSet(nlp, [r for r in rows if r["label"] not in (UNIT_NOTE, TABLE_FIGURE, NOT_AFTER)],
                                   source=patterns, lexicon=lexicon)
        self.tables = PatternSet(nlp, [r for r in rows if r["label"] in (UNIT_NOTE, TABLE_FIGURE)],
                                 source=patterns, lexicon=lexicon)
        self.qualifiers = PatternSet(nlp, rules.load(rules_dir, qualifiers, {"QUALIFIER", "FILLER"}), source=qualifiers)
        self.after = rules.phrases(rules.load(rules_dir, qualifiers, {"QUALIFIER_AFTER"}))

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Span], list[Span], list[Span]]:
        return self.patterns(doc), self.qualifiers(doc), self.tables(doc)

    def set_annotations(self, doc: Doc, found: tuple[list[Span], list[Span], list[Span]]) -> Doc:
        candidates, phrases, table_spans = found
        amounts = []
        for span in self.split_changes(filter_spans(candidates)):
            if span.start > 0 and span[0].text[:1].isdigit() and doc[span.start - 1].text in self.not_after:
                continue
            if not self.read_amount(span):
                continue
            amounts.append(span)
        amounts = [s for s in amounts if s.label_ != "MONEY_BARE" or self.borrow_currency(s, amounts)]
        figures, rows = self.table_figures(doc, table_spans, amounts)
        amounts = sorted(amounts + figures, key=lambda s: s.start)
        if not doc._.table_rows:  # plain text: a table is known by its unit note
            doc._.table_rows = rows
        qualifiers = [q for q in phrases if q.label_ == "QUALIFIER"]
        fillers = {t.i for q in phrases if q.label_ == "FILLER" for t in q}
        for span in amounts:
            span._.qualifier = self.qualifier_for(span, qualifiers, fillers)
        doc.spans[MONEY] = amounts
        doc.spans[QUALIFIERS] = qualifiers
        return doc

    @staticmethod
    def split_changes(spans: list[Span]) -> list[Span]:
        """`from $4 million to $6 million` is a change between two amounts, not a range."""
        result = []
        for span in spans:
            doc = span.doc
            to = next((t.i for t in span if t.lower_ == "to"), None)
            if (span.label_ == "MONEY_RANGE" and to is not None and span.start > 0
                    and doc[span.start - 1].lower_ == "from" and doc[to + 1]._.fs_lex.startswith("CURRENCY")):
                result += [Span(doc, span.start, to, label="MONEY"), Span(doc, to + 1, span.end, label="MONEY")]
            else:
                result.append(span)
        return result

    def read_amount(self, span: Span) -> bool:
        """Set value, value_high and currency from the tokens' lexicon classes."""
        numbers, scales, currency = [], [], ""
        for token in span:
            lex = token._.fs_lex
            if lex and lex.startswith("CURRENCY"):
                currency = currency or token._.fs_lex_id
            elif lex in ("SCALE", "SCALE_ABBR") and numbers:
                scales.append((len(numbers) - 1, token._.fs_lex_id))
            elif lex == "NUMBER_WORD":  # "two million dollars"
                numbers.append(parse_number(token._.fs_lex_id))
            elif token.like_num and token.text[0].isdigit():
                numbers.append(parse_number(token.text))
        if not numbers:
            return False
        # a scale written once at the end applies to every number before it ("$1-2 million")
        factors = [None] * len(numbers)
        for index, factor in scales:
            factors[index] = factor
        last = next((f for f in reversed(factors) if f), None)
        factors = [f or last for f in factors]
        values = [scaled(n, f) for n, f in zip(numbers, factors)]
        span._.value = values[0]
        span._.value_high = values[-1] if span.label_ == "MONEY_RANGE" and len(values) > 1 else None
        span._.currency = currency
        return True

    def table_figures(self, doc: Doc, spans: list[Span], amounts: list[Span]) -> tuple[list[Span], list]:
        """Cell figures of the table rows under each unit note, scaled by the note; and the
        rows, as (table number, start, end) like `doc._.table_rows`."""
        notes = [s for s in spans if s.label_ == UNIT_NOTE and is_unit_note(s)]
        if not notes:
            return [], []
        figures = [s for s in spans if s.label_ == TABLE_FIGURE]
        taken = {t.i for a in amounts for t in a}
        sents = list(doc.sents)
        starts = {sent.start: k for k, sent in enumerate(sents)}
        found, rows = [], []
        for number, note in enumerate(notes):
            factor = next((t._.fs_lex_id for t in note if t._.fs_lex in ("SCALE", "SCALE_ABBR")), None)
            currency = next((t._.fs_lex_id for t in note if t._.fs_lex.startswith("CURRENCY")), "") or note._.code
            for sent in sents[starts[note.sent.start] + 1:]:
                if any(n.sent == sent for n in notes):
                    break  # the next table's note
                cells = [f for f in figures if sent.start <= f.start < sent.end and is_cell(f) and f.start not in taken]
                if not is_row(sent):
                    if cells or not is_title(sent):
                        break
                    continue
                rows.append((number, sent.start_char, sent.end_char))
                for cell in cells:
                    span = Span(doc, cell.start, cell.end, label="MONEY_TABLE")
                    span._.value = scaled(parse_number(cell.text), factor)
                    span._.currency = currency
                    found.append(span)
        return found, rows

    @staticmethod
    def borrow_currency(span: Span, amounts: list[Span]) -> bool:
        for other in amounts:
            if other.sent == span.sent and other._.currency:
                span._.currency = other._.currency
                return True
        return False

    def qualifier_for(self, span: Span, qualifiers: list[Span], fillers: set[int]) -> str:
        if span[-1].lower_ in self.after:  # "$5 billion-plus"
            return self.after[span[-1].lower_]
        for q in reversed(qualifiers):
            if q.end > span.start:
                continue
            gap = range(q.end, span.start)
            if len(gap) <= MAX_QUALIFIER_GAP and all(i in fillers for i in gap):
                return q._.code
            break
        return ""


def is_unit_note(note: Span) -> bool:
    """The note ends its paragraph (a caption may come before it), which is short."""
    tokens = content(note.sent)
    return bool(tokens) and tokens[-1].i < note.end and len(tokens) <= MAX_UNIT_NOTE_TOKENS


def is_title(sent: Span) -> bool:
    """A heading row of a table: short, no colon, no full stop."""
    tokens = content(sent)
    return 0 < len(tokens) <= MAX_TABLE_TITLE_TOKENS and tokens[-1].text not in SENTENCE_END and not any(
        t.text == ":" for t in tokens
    )


def is_cell(figure: Span) -> bool:
    """A figure alone in a cell: right after `:`, right before `;` or the row's end."""
    doc = figure.doc
    if figure.start == 0 or doc[figure.start - 1].text != ":":
        return False
    i = figure.end
    while i < figure.sent.end and doc[i].is_space:
        i += 1
    return i >= figure.sent.end or doc[i].text == ";"
