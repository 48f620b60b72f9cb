"""factsheets_money: amounts of money (value, currency, range, qualifier) from rules/money.jsonl."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import rules
from ..extensions import MONEY, QUALIFIERS
from ..normalise import parse_number, scaled
from .patterns import PatternSet

# How many words may stand between a qualifier and its amount when all of them are
# FILLER phrases ("more than a total of $5 million"). Calibrated on the money tests.
MAX_QUALIFIER_GAP = 3


@Language.factory(
    "factsheets_money",
    assigns=["doc.spans", "doc.spans", "span._.value", "span._.value_high",
             "span._.currency", "span._.qualifier"],
    default_config={"rules_dir": "", "patterns": "money.jsonl", "qualifiers": "qualifiers.jsonl"},
)
def make_money(nlp: Language, name: str, rules_dir: str, patterns: str, qualifiers: str) -> "Money":
    return Money(nlp, name, rules_dir=rules_dir, patterns=patterns, qualifiers=qualifiers)


class Money:
    """Token patterns over lexicon classes (`factsheets_lexicon` tags `$`, `million`, ...).

    Labels: MONEY (one amount), MONEY_RANGE (`$1-2 million`: value is the low end,
    value_high the high end), MONEY_BARE (`12.81M` with no currency: kept only when the
    sentence has an amount with a currency, whose currency it takes)."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = "", qualifiers: str = ""):
        self.name = name
        self.patterns = PatternSet(nlp, rules.load(rules_dir, patterns), source=patterns)
        self.qualifiers = PatternSet(nlp, rules.load(rules_dir, qualifiers, {"QUALIFIER", "FILLER"}), source=qualifiers)
        self.after = rules.phrases(rules.load(rules_dir, qualifiers, {"QUALIFIER_AFTER"}))

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        return self.patterns(doc), self.qualifiers(doc)

    def set_annotations(self, doc: Doc, found: tuple[list[Span], list[Span]]) -> Doc:
        candidates, phrases = found
        amounts = []
        for span in filter_spans(candidates):
            if not self.read_amount(span):
                continue
            amounts.append(span)
        amounts = [s for s in amounts if s.label_ != "MONEY_BARE" or self.borrow_currency(s, amounts)]
        qualifiers = [q for q in phrases if q.label_ == "QUALIFIER"]
        fillers = {t.i for q in phrases if q.label_ == "FILLER" for t in q}
        for span in amounts:
            span._.qualifier = self.qualifier_for(span, qualifiers, fillers)
        doc.spans[MONEY] = amounts
        doc.spans[QUALIFIERS] = qualifiers
        return doc

    def read_amount(self, span: Span) -> bool:
        """Set value, value_high and currency from the tokens' lexicon classes."""
        numbers, scales, currency = [], [], ""
        for token in span:
            lex = token._.fs_lex
            if lex and lex.startswith("CURRENCY"):
                currency = currency or token._.fs_lex_id
            elif lex in ("SCALE", "SCALE_ABBR") and numbers:
                scales.append((len(numbers) - 1, token._.fs_lex_id))
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
