"""factsheets_agreements: named agreements, arrangements, memoranda, treaties... with acronym and year."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import rules
from ..extensions import AGREEMENTS, DATES
from ..normalise import is_year
from .patterns import PatternSet, clause

ACRONYM = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z][A-Za-z0-9&\-./]{1,11}$")
DETERMINERS = {"the", "a", "an"}
COORDINATORS = {"and", "or", "&"}
# How many tokens after an agreement's mention its `in 1951` may stand (`... (EDCA), which
# the two countries signed on August 15, 2020`). Calibrated on the agreement tests and the
# held-out sheets (tests/data/heldout).
MAX_YEAR_DISTANCE = 12
# Words a name needs before a lowercase head word: "Section 505 agreement" is named,
# "a U.S. treaty" is not. Calibrated on the agreement tests and the held-out sheets.
MIN_NAME_BEFORE_LOWER_HEAD = 2
# How many tokens before a name an EVENT_CUE may stand ("exercises such as Shared Accord").
EVENT_CUE_REACH = 3


@Language.factory(
    "factsheets_agreements",
    assigns=["doc.spans", "span._.name", "span._.acronym", "span._.year"],
    default_config={"rules_dir": "", "patterns": "agreements.jsonl"},
)
def make_agreements(nlp: Language, name: str, rules_dir: str, patterns: str) -> "Agreements":
    return Agreements(nlp, name, rules_dir=rules_dir, patterns=patterns)


class Agreements:
    """A name is built around a head word (HEAD: `Agreement`, `Memorandum of Understanding`,
    ...; HEAD_LOWER: `agreement` right after a name) by walking left over capitalised words,
    numbers, CONNECTOR words and `(ACRONYM)` groups, and right over a TAIL (`Agreement
    regarding the exchange of military personnel`). Then `(ACRONYM)` and `(YEAR)` groups
    after it, or a YEAR_CUE date in the same clause (`In 2020 ... concluded an EDCA`).
    A lowercase tail ends before a TAIL_STOP word (`in`, `with`, `that`...) or a year. A head
    followed by a capitalised word does not end a name (`North Atlantic Treaty Organization`,
    `Defense Framework Agreement`)."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", patterns: str = ""):
        self.name = name
        rows = rules.load(rules_dir, patterns)
        self.heads = PatternSet(nlp, [r for r in rows if r["label"] in ("HEAD", "HEAD_LOWER")], phrase_attr="ORTH", source=patterns)

        def words(label: str) -> set[str]:
            return set(rules.phrases([r for r in rows if r["label"] == label]))

        self.connectors = words("CONNECTOR")
        self.head_words = {w for r in rows if r["label"] == "HEAD" for w in r["pattern"].split()}
        self.tails = words("TAIL")
        self.not_start = words("NOT_NAME_START")
        self.year_cues = words("YEAR_CUE")
        self.year_after = words("YEAR_AFTER")
        self.tail_stops = {w.lower() for w in words("TAIL_STOP")}
        self.tail_inner = words("TAIL_INNER")
        self.title_tails = words("TAIL_TITLE")
        self.event_cues = words("EVENT_CUE")

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[Span]:
        return self.heads(doc)

    def set_annotations(self, doc: Doc, heads: list[Span]) -> Doc:
        head_ends = {h.end for h in heads}
        dates = {d.start: d for d in doc.spans[DATES]} if DATES in doc.spans else {}  # by first token
        found = []
        for head in heads:
            if found and head.start < found[-1].end:
                continue  # "MOA" in "Liaison Officer Memorandum of Agreement (LNO MOA)"
            mention = self.build(doc, head, head_ends, dates)
            if mention is not None:
                found.append(mention)
        for previous, mention in zip([None] + found[:-1], found):
            if mention._.year is None and previous is not None and mention.start > 0 \
                    and doc[mention.start - 1].text == "(" and previous.end == mention.start - 1:
                mention._.year = previous._.year  # "the 1954 Manila Pact (Southeast Asia Collective Defense Treaty)"
            if mention._.year is None:
                mention._.year = self.clause_year(doc, mention, found)
        doc.spans[AGREEMENTS] = found
        return doc

    # --- the name -------------------------------------------------------------

    def is_name_word(self, token: Token) -> bool:
        text = token.text
        return (text[:1].isupper() and any(c.isalpha() for c in text)) or text.isdigit()

    def build(self, doc: Doc, head: Span, head_ends: set[int], dates: dict[int, Span]) -> Span | None:
        after = doc[head.end] if head.end < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.is_alpha and after.text not in self.tails:
            return None  # "Treaty Organization", or the name goes on to a later head
        start, acronym = self.walk_left(doc, head, head_ends)
        if head.label_ == "HEAD_LOWER" and head.start - start < MIN_NAME_BEFORE_LOWER_HEAD:
            return None  # "the agreement", "defense-related agreements", "a U.S. treaty"
        # a lowercase tail only when the head opens the name ("an Agreement regarding ...")
        end = self.walk_tail(doc, head.end, head.sent, title_only=start != head.start)
        if start == head.start and end == head.end and not self.parenthesis_after(doc, end):
            return None  # a head word alone ("the Roadmap") names nothing, unless dated: "a Plan of Action (2014)"
        skip = set(range(*acronym)) if acronym else set()
        acr = doc[acronym[0] + 1].text if acronym else ""
        year, i = None, end
        while True:
            group_acr, group_year, after = self.read_groups(doc, i)
            acr, year = acr or group_acr, year or group_year
            if after == i:
                break
            # "Memorandum of Understanding (MOU) on Cyber Defense": the name goes on after its acronym
            tail_end = self.walk_tail(doc, after, head.sent, title_only=True)
            skip |= set(range(i, after))
            i, end = (tail_end, tail_end) if tail_end > after else (after, end)
            if tail_end == after:
                break
        name = "".join(t.text_with_ws for t in doc[start:end] if t.i not in skip).strip()
        if year is None and i + 1 < len(doc) and doc[i].lower_ in self.year_after and i + 1 in dates:
            date = dates[i + 1]  # "the Military Assistance Agreement of (April 17,) 1952"
            year, i = int(date._.iso[:4]), date.end
        if year is None and start > 0 and is_year(doc[start - 1].text):
            year = int(doc[start - 1].text)  # "the 2016 Memorandum of Understanding (MOU)"
        if self.names_an_event(doc, start):
            return None  # "combined exercises such as Shared Accord"
        mention = Span(doc, start, max(i, end), label="AGREEMENT")
        mention._.name = name
        mention._.acronym = acr
        mention._.year = year
        return mention

    def names_an_event(self, doc: Doc, start: int) -> bool:
        """An EVENT_CUE (`exercise`, `operation`, `such as`) just before the name or opening it."""
        before = [t.text for t in doc[max(start - EVENT_CUE_REACH, 0):start + 1]]
        for cue in self.event_cues:
            words = cue.split()
            if any(before[k:k + len(words)] == words for k in range(len(before) - len(words) + 1)):
                return True
        return False

    @staticmethod
    def read_groups(doc: Doc, i: int) -> tuple[str, int | None, int]:
        """`(ACRONYM)` and `(YEAR)` groups from token i: (acronym, year, first token after them)."""
        acr, year = "", None
        while i < len(doc) and doc[i].text == "(":
            close = next((j for j in range(i + 1, min(i + 6, len(doc))) if doc[j].text == ")"), None)
            if close is None:
                break
            parts = [t for t in doc[i + 1:close] if t.text not in (",", ";")]
            took = False
            words = [t for t in parts if ACRONYM.match(t.text)]
            for part in parts:
                if is_year(part.text) and year is None:
                    year, took = int(part.text), True
            if words and not acr and all(ACRONYM.match(t.text) or is_year(t.text) for t in parts):
                acr, took = "".join(t.text_with_ws for t in words).strip(), True  # "(LNO MOA)"
            if not took:
                break
            i = close + 1
        return acr, year, i

    @staticmethod
    def parenthesis_after(doc: Doc, i: int) -> bool:
        """`(YEAR)` or `(ACRONYM)` right after token i."""
        return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and bool(
            is_year(doc[i + 1].text) or ACRONYM.match(doc[i + 1].text)
        )

    def comma_in_name(self, doc: Doc, i: int, sent_start: int) -> bool:
        """`Research, Development, Test and Evaluation (RDT&E) agreement`: a comma between two
        capitalised words, the one before it not ending an earlier agreement's name."""
        return (
            doc[i].text == "," and i > sent_start and i + 1 < len(doc)
            and self.is_name_word(doc[i - 1]) and not doc[i - 1].text.isdigit() and self.is_name_word(doc[i + 1])
            and doc[i - 1].text not in self.head_words
        )

    def walk_left(self, doc: Doc, head: Span, head_ends: set[int]) -> tuple[int, tuple[int, int] | None]:
        """First token of the name, and the (start, end) of an `(ACRONYM)` group inside it."""
        start, acronym = head.start, None
        i = head.start - 1
        sent_start = head.sent.start
        while i >= sent_start:
            token = doc[i]
            if i + 1 in head_ends and not doc[i + 1].text[:1].isupper():
                break  # the end of an earlier agreement ("... Agreement and Defense ...")
            if token.text == ")" and i - 2 >= sent_start and doc[i - 2].text == "(" and ACRONYM.match(doc[i - 1].text) and acronym is None:
                acronym = (i - 2, i + 1)
                i -= 3
                continue
            if self.is_name_word(token) or token.text in self.connectors or (
                token.is_lower and i > 0 and doc[i - 1].text == "-"
            ) or self.comma_in_name(doc, i, sent_start):
                if token.text in self.not_start and (i == sent_start or not self.is_name_word(doc[i - 1])):
                    break
                i -= 1
                continue
            break
        start = i + 1
        # a name begins with a capitalised word, never a connector, a lowercase word ("ten-year
        # MOU"), a bare number or "(ACR)"
        while start < head.start and (
            doc[start].text in self.connectors or doc[start].text.isdigit() or not doc[start].text[:1].isupper()
            or (acronym is not None and acronym[0] <= start < acronym[1])
        ):
            start += 1
        if acronym and acronym[0] < start:
            acronym = None
        return start, acronym

    def walk_tail(self, doc: Doc, at: int, sent: Span, *, title_only: bool) -> int:
        """End of a name's tail from a TAIL word at token `at` (or `at` when there is none):
        capitalised words when the tail starts with one (after an optional `the`) or the name
        has words before its head (`Memorandum on Deepening the Defense and Security
        Partnership`, `Plan of Action on Regional Security Cooperation` but not its `to
        coordinate ...`), else any words up to punctuation, a TAIL_STOP word or a year
        (`Agreement regarding the exchange of military personnel`). A TAIL_TITLE word (`of`)
        takes capitalised words only (`Declaration of Partnership`, `Joint Statement of the
        Security Consultative Committee`). Months and years end a tail."""
        if at + 1 >= len(doc) or doc[at].text not in self.tails | self.title_tails:
            return at
        first = doc[at + 2] if doc[at + 1].lower_ == "the" and at + 2 < len(doc) else doc[at + 1]
        title = title_only or self.is_name_word(first)
        if doc[at].text in self.title_tails and not self.is_name_word(first):
            return at  # "Declaration of Partnership", not "Agreement of the two sides"
        i = at + 1
        while i < len(doc) and doc[i].sent == sent and not doc[i].is_space:
            token = doc[i]
            following = doc[i + 1] if i + 1 < len(doc) else None
            if token.is_punct and not self.joins_word(doc, i):
                break
            if is_year(token.text) or token._.fs_lex == "MONTH":
                break  # "... Agreement of April 17, 1952", "... cooperation in 2018"
            if title:
                if token.lower_ in self.connectors and following is not None and following.lower_ in DETERMINERS:
                    break  # "... Cooperation and the Joint Vision Statement": a new name begins
                inner = (token.lower_ in self.tail_inner and following is not None and self.is_name_word(following)
                         and following._.fs_lex != "MONTH" and doc[i - 1].lower_ not in COORDINATORS)
                if not (self.is_name_word(token) or token.text in self.connectors or inner or self.joins_word(doc, i)):
                    break
            elif token.lower_ in self.tail_stops:
                break
            i += 1
        while i > at + 1 and (doc[i - 1].text in self.connectors or doc[i - 1].lower_ in DETERMINERS):
            i -= 1
        return i if i > at + 1 else at

    @staticmethod
    def joins_word(doc: Doc, i: int) -> bool:
        """A hyphen inside a word: `Non-Proliferation`."""
        return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    # --- the year from the clause ----------------------------------------------

    def clause_year(self, doc: Doc, mention: Span, mentions: list[Span]) -> int | None:
        """The year of a date after a YEAR_CUE (`in 2020`): right after the mention, before
        the next agreement (`the Mutual Defense Treaty (MDT) in 1951, the Visiting Forces
        Agreement (VFA) in 1998`), else anywhere in the mention's clause when the clause
        names no other agreement."""
        dates = list(doc.spans[DATES]) if DATES in doc.spans else []
        lo, hi = clause(doc, mention)
        following = [m.start for m in mentions if m.start >= mention.end]
        stop = min([hi, mention.end + MAX_YEAR_DISTANCE] + following)
        for date in dates:
            if mention.end <= date.start < stop and doc[date.start - 1].text in self.year_cues:
                return int(date._.iso[:4])
        if any(m is not mention and lo <= m.start < hi for m in mentions):
            return None
        for date in dates:
            if lo <= date.start < hi and not (mention.start <= date.start < mention.end):
                if date.start > 0 and doc[date.start - 1].text in self.year_cues:
                    return int(date._.iso[:4])
        return None
