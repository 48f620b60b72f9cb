"""factsheets_linker: ties each amount to its programme, agency, fiscal years and breakdown category."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import rules
from ..extensions import AGENCIES, DATES, FISCAL_YEARS, MONEY, PROGRAMS, QUALIFIERS, TABLE_HEADERS
from ..normalise import years_in
from .patterns import clause, is_row


# How many earlier paragraphs a list item ("Patrol Boats ($150 million)") may look back
# over (its sibling items and the introduction) to find the total it breaks down.
# Calibrated on the linking tests; re-run the dev score before changing.
MAX_ITEM_LOOKBACK = 25
# How many tokens after an amount its own calendar time may start ("$4.5 million since 2016").
OWN_TIME_GAP = 2


@dataclass
class Link:
    program: str = ""
    agency: str = ""
    fy_start: int | None = None
    fy_end: int | None = None
    category: str = ""
    label: tuple[int, int] | None = None  # token range of the item's own label, if any
    total: Span | None = None  # the amount a breakdown item is part of
    intro: Span | None = None  # the sentence introducing a list of items ("Recent FMS sales include:")
    across: bool = False  # a total across programmes ("$20 billion through FMS and DCS")


@dataclass
class Mentions:
    """What the earlier components found in a Doc, as the linker reads it."""

    money: list[Span]
    programs: list[Span]
    fys: list[Span]  # FISCAL_YEARS and TABLE_HEADERS, in order
    agencies: list[Span]
    qualifiers: list[Span]
    dates: list[Span]
    free_programs: list[Span] = field(default_factory=list)  # not a breakdown item's own label
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)  # id(amount) -> its phrase

    @classmethod
    def of(cls, doc: Doc) -> "Mentions":
        def group(key: str) -> list[Span]:
            return list(doc.spans[key]) if key in doc.spans else []

        fys = sorted(group(FISCAL_YEARS) + group(TABLE_HEADERS), key=lambda s: s.start)
        return cls(group(MONEY), group(PROGRAMS), fys, group(AGENCIES), group(QUALIFIERS), group(DATES))


@Language.factory(
    "factsheets_linker",
    assigns=["span._.program", "span._.agency", "span._.fy_start", "span._.fy_end", "span._.category"],
    requires=["doc.spans", "doc.spans", "doc.spans"],
    default_config={"rules_dir": "", "settings": "linking.json"},
)
def make_linker(nlp: Language, name: str, rules_dir: str, settings: str) -> "Linker":
    return Linker(nlp, name, rules_dir=rules_dir, settings=settings)


class Linker:
    """The rules, in order of precedence (the word lists are rules/linking.json):

    1. Breakdown items: `Military Electronics ($30.5 million)`, list items in paragraphs of
       their own, and `($16M FSA, $1.77M Other)` take their label as category (or as
       programme when the label is one), and the programme and fiscal years of the total
       they break down (the amount before them in the sentence, else the last amount of the
       previous sentence, else the list's introduction) when they state none. An amount in
       parentheses right after another is its equivalent (`R44.6 billion (about $3.4
       billion)`).
    2. Table-like lines `Label (ACR): FY 2007: $3.05M; Est. FY 2008: $2.35M`: the label is
       the category (or programme) of every amount in the line; lines under an introduction
       ending in `:` take its programme.
    3. Programme: the nearest programme mention in the amount's own phrase (between the
       amounts before and after it, cut at a separator), none when that programme is joined
       to another (`through FMS and DCS`) or the money is the partner's own, else the one
       named before it in its sentence (or after it, unless a part-of word stands between).
    4. Fiscal years: the nearest FY expression before it in its phrase and clause
       (`;`-delimited), else after it in its phrase, else (unless the amount has its own
       calendar time, `since 2016`) before it in its sentence, else after it in its clause
       short of a contrast word; FY expressions joined by `and` widen the range, and
       `respectively` pairs amounts with years in order.
    5. Agency: the nearest agency mentioned before it in its sentence."""

    def __init__(self, nlp: Language, name: str, *, rules_dir: str = "", settings: str = ""):
        self.name = name
        cfg = rules.load_json(rules_dir, settings)
        self.cell_words = set(cfg.get("cell_words", []))
        self.label_words = set(cfg.get("label_words", []))
        self.total_labels = set(cfg.get("total_labels", []))
        self.separators = set(cfg.get("phrase_separators", []))
        self.fy_joiners = set(cfg.get("fy_joiners", []))
        self.max_label = int(cfg.get("max_label_tokens", 14))
        self.funding_preps = set(cfg.get("funding_prepositions", []))
        self.part_of = set(cfg.get("part_of_words", []))
        self.item_boundaries = set(cfg.get("item_boundaries", []))
        self.program_joiners = set(cfg.get("program_joiners", []))
        self.own_fund_phrases = list(cfg.get("own_fund_phrases", []))
        self.contrast_words = set(cfg.get("contrast_words", []))
        self.time_cues = set(cfg.get("time_cues", []))
        self.respective_words = set(cfg.get("respective_words", []))

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[Span, Link]]:
        found = Mentions.of(doc)
        links = {id(m): Link() for m in found.money}
        for m in found.money:  # 1-2: labels of breakdown items and table-like lines
            self.find_label(doc, m, found.money, links[id(m)], found.qualifiers, found.fys)
        labelled = [links[id(m)].label for m in found.money if links[id(m)].label]
        found.free_programs = [p for p in found.programs if not any(lo <= p.start < hi for lo, hi in labelled)]
        found.bounds = self.phrases(doc, found.money, found.programs + found.fys)
        for m in found.money:  # 3-5: what the amount's own words say
            link = links[id(m)]
            if not link.program:
                self.own_program(doc, m, link, found)
            self.own_years(doc, m, link, found)
            agency = last([a for a in found.agencies if m.sent.start <= a.start and a.end <= m.start])
            link.agency = agency._.code if agency is not None else ""
        self.respectively(doc, found.money, found.fys, links)
        for m in found.money:  # fallbacks: the total's or introduction's, then the sentence's programme
            self.inherit(doc, m, links[id(m)], links, found)
        return [(m, links[id(m)]) for m in found.money]

    def own_program(self, doc: Doc, m: Span, link: Link, found: "Mentions") -> None:
        """The nearest programme in the amount's phrase, unless it is one of several joined
        (a total across programmes) or the phrase says the money is the partner's own."""
        lo, hi = found.bounds[id(m)]
        mine = [p for p in found.free_programs if lo <= p.start and p.end <= hi]
        if mine:
            pick = nearest(m, mine)
            link.across = self.joined_programs(doc, pick, mine) or self.own_funds(doc, m, pick)
            link.program = "" if link.across else pick._.code

    def own_years(self, doc: Doc, m: Span, link: Link, found: "Mentions") -> None:
        """The FY expression of the amount's phrase and clause, else one governing its sentence."""
        fys = found.fys
        lo, hi = found.bounds[id(m)]
        clause_lo, clause_hi = clause(doc, m)
        lo, hi = max(lo, clause_lo), min(hi, clause_hi)
        fy = (
            last([f for f in fys if lo <= f.start and f.end <= m.start])  # its own phrase
            or first([f for f in fys if m.end <= f.start and f.end <= hi])
        )
        if fy is None and not self.own_time(doc, m, found.dates):  # "$4.5 million since 2016" has its own time
            # "..., whereas DCS ... from FY 2020 through FY 2022": a contrasting clause has its own years
            part_hi = min(clause_hi, self.contrast_end(doc, m))
            fy = (
                last([f for f in fys if m.sent.start <= f.start and f.end <= m.start])  # governing the sentence
                or first([f for f in fys if m.end <= f.start and f.end <= part_hi])  # "... $6M via X in FY 2022"
            )
        if fy is not None:
            link.fy_start, link.fy_end = self.coordinated(doc, fy, fys)

    def inherit(self, doc: Doc, m: Span, link: Link, links: dict[int, Link], found: "Mentions") -> None:
        """A breakdown item takes what it lacks from its total, a list item from the list's
        introduction; an amount with no programme of its own takes its sentence's."""
        if link.total is not None:
            total = links.get(id(link.total))
            # a list whose sentence names other programmes than the amount before it is not
            # that amount's breakdown ("... EDA worth USD 600,000. Recent FMS cases include: ...")
            named = {p._.code for p in found.free_programs if m.sent.start <= p.start and p.end <= m.sent.end}
            if total is not None and (not named or total.program in named):
                link.program = link.program or total.program
                if link.fy_start is None:
                    link.fy_start, link.fy_end = total.fy_start, total.fy_end
                link.agency = link.agency or total.agency
        elif link.intro is not None:  # items of a list whose introduction states no amount
            intro = link.intro
            named = [p for p in found.programs if intro.start <= p.start and p.end <= intro.end]
            link.program = link.program or (named[-1]._.code if named else "")
            dated = [f for f in found.fys if intro.start <= f.start and f.end <= intro.end]
            if link.fy_start is None and dated:
                link.fy_start, link.fy_end = self.coordinated(doc, dated[-1], found.fys)
        if not link.program and not link.across and link.label is None and not self.names_other_fund(
                doc, m, found.bounds[id(m)], found.programs + found.fys + found.agencies):
            link.program = self.sentence_program(m, found.free_programs)

    def set_annotations(self, doc: Doc, links: list[tuple[Span, Link]]) -> Doc:
        for span, link in links:
            span._.program = link.program
            span._.agency = link.agency
            span._.fy_start = link.fy_start
            span._.fy_end = link.fy_end
            span._.category = link.category
        return doc

    def sentence_program(self, m: Span, programs: list[Span]) -> str:
        """An amount whose phrase names no programme carries the one named before it in the
        sentence (`$35 million in FMF in FY 2021 and $40 million in FY 2022`), else the one
        after it (`$120 million and $5 billion on CRF projects`) unless a part-of word stands
        between (`$1.65 billion in FY 2021, including $425 million in FMF`)."""
        doc = m.doc
        before = [p for p in programs if m.sent.start <= p.start and p.end <= m.start]
        if before:
            return before[-1]._.code
        after = [p for p in programs if m.end <= p.start and p.end <= m.sent.end]
        if after and not any(t.lower_ in self.part_of for t in doc[m.end:after[0].start]):
            return after[0]._.code
        return ""

    def joined_programs(self, doc: Doc, pick: Span, candidates: list[Span]) -> bool:
        """`$20 billion ... through Foreign Military Sales (FMS) and Direct Commercial Sales
        (DCS)`: the programme is joined by `and`/`or` to another one, so the amount is a total
        across programmes and has none."""
        named = {t.i for p in candidates for t in p}
        for other in candidates:
            if other._.code == pick._.code:
                continue
            a, b = (pick, other) if pick.start < other.start else (other, pick)
            between = [t for t in doc[a.end:b.start] if t.i not in named and t.text not in "()" and not t.is_space]
            if between and all(t.lower_ in self.program_joiners for t in between):
                return True
        return False

    def own_funds(self, doc: Doc, m: Span, pick: Span) -> bool:
        """`at least $500 million in national funds to sustain equipment provided through CTEF`:
        the partner's own money, whatever programme the rest of the phrase names."""
        lo, hi = (m.end, pick.start) if m.end <= pick.start else (pick.end, m.start)
        words = " ".join(t.lower_ for t in doc[lo:hi])
        return any(f" {phrase} " in f" {words} " for phrase in self.own_fund_phrases)

    def names_other_fund(self, doc: Doc, m: Span, bounds: tuple[int, int], known: list[Span]) -> bool:
        """`$2 million in CRF assistance`: the amount names a fund the rules do not know, so
        the sentence's other programme is not its programme."""
        covered = {t.i for p in known for t in p}
        for i in range(m.end, min(bounds[1], m.end + 3) - 1):
            if doc[i].lower_ in self.funding_preps:
                after = doc[i + 1]
                return after.i not in covered and len(after.text) > 1 and after.text.isupper() and after.is_alpha
        return False

    # --- phrases and fiscal years ---------------------------------------------------

    def phrases(self, doc: Doc, money: list[Span], names: list[Span]) -> dict[int, tuple[int, int]]:
        """Token range of each amount's own phrase: between the amounts before and after it
        in its sentence, cut at the last separator (`,`, `and`...) between two amounts so
        that `$12 million in FMF in FY20 and $3 million in IMET in FY21` gives each amount
        its own words; a separator right after an amount ends its phrase there. Separators
        inside a programme or FY name do not count."""
        inside = {t.i for n in names for t in n}
        bounds = {}
        for m in money:
            bounds[id(m)] = [m.sent.start, m.sent.end]
        for a, b in zip(money, money[1:]):
            if a.sent != b.sent:
                continue
            cut = next(
                (i for i in range(b.start - 1, a.end - 1, -1)
                 if doc[i].lower_ in self.separators and i not in inside and not self.in_parens(doc, doc[i:i + 1])),
                None,
            )
            if a.end < b.start and doc[a.end].lower_ in self.separators:
                cut = a.end  # "IMET funding reached $2.8M and INCLE assistance totaled $300 million"
            bounds[id(a)][1] = cut if cut is not None else b.start
            bounds[id(b)][0] = cut if cut is not None else a.end
        return {k: (lo, hi) for k, (lo, hi) in bounds.items()}

    def respectively(self, doc: Doc, money: list[Span], fys: list[Span], links: dict[int, Link]) -> None:
        """`In FYs 2017 and 2018, USAI provided $150 million and $200 million, respectively`:
        the amounts take the fiscal years in order."""
        for token in doc:
            if token.lower_ not in self.respective_words:
                continue
            sent = token.sent
            amounts = [m for m in money if m.sent == sent and m.end <= token.i]
            named = [f for f in fys if sent.start <= f.start and f.end <= sent.end]
            if len(amounts) < 2:
                continue
            if len(named) == len(amounts):
                slots = [(f._.fy_start, f._.fy_end) for f in named]
            elif len(named) == 1 and len(years_in(named[0].text)) == len(amounts):
                slots = [(year, year) for year in years_in(named[0].text)]
            else:
                continue
            for m, (start, end) in zip(amounts, slots):
                links[id(m)].fy_start, links[id(m)].fy_end = start, end

    def own_time(self, doc: Doc, m: Span, dates: list[Span]) -> bool:
        """`$4.5 million since 2016`: a calendar time right after the amount is its own, so a
        fiscal year stated earlier in the sentence does not govern it."""
        return any(m.end <= d.start <= m.end + OWN_TIME_GAP and doc[d.start - 1].lower_ in self.time_cues for d in dates)

    def contrast_end(self, doc: Doc, m: Span) -> int:
        """Where m's part of its sentence ends: the next contrast word (`whereas`, `while`)."""
        return min((t.i for t in doc[m.end:m.sent.end] if t.lower_ in self.contrast_words), default=m.sent.end)

    def coordinated(self, doc: Doc, fy: Span, fys: list[Span]) -> tuple[int | None, int | None]:
        """Years of `fy`, widened over FY expressions joined to it (`FY 2019 and FY 2020` -> 2019, 2020)."""
        chain = [fy]
        ordered = sorted(fys, key=lambda f: f.start)
        k = ordered.index(fy)
        for step in (-1, 1):
            j = k
            while 0 <= j + step < len(ordered):
                a, b = (ordered[j + step], ordered[j]) if step < 0 else (ordered[j], ordered[j + step])
                between = [t for t in doc[a.end:b.start] if not t.is_space]
                if not between or not all(t.lower_ in self.fy_joiners for t in between):
                    break
                j += step
                chain.append(ordered[j])
        if len(chain) == 1:
            return fy._.fy_start, fy._.fy_end
        ends = [f._.fy_end for f in chain]
        return min(f._.fy_start for f in chain), None if None in ends else max(ends)

    # --- labels -----------------------------------------------------------------

    def find_label(self, doc: Doc, m: Span, money: list[Span], link: Link, qualifiers: list[Span], fys: list[Span]) -> None:
        """The label a breakdown item or table-like line gives the amount, if any (rules 1-2)."""
        start = next((q.start for q in qualifiers if q.end == m.start), m.start)  # "(approximately $2 million)"
        if start > 0 and m.end < len(doc) and doc[start - 1].text == "(" and doc[m.end].text == ")":
            if self.item_before_parens(doc, m, money, link, doc[start - 1].i, doc[m.end].i):
                return
        if start > 0 and doc[start - 1].text in ("(", ",") and self.in_parens(doc, m):
            if self.item_in_parens(doc, m, money, link):
                return
        self.table_line(doc, m, start, money, link, fys)

    def item_before_parens(self, doc: Doc, m: Span, money: list[Span], link: Link, opening: int, closing: int) -> bool:
        """`Military Electronics ($30.5 million)`; `R44.6 billion (approximately $3.4 billion)` is
        the same sum twice, whose second takes the first as its total."""
        equivalent = next((o for o in money if o.end == opening), None)
        if equivalent is not None:
            link.total = equivalent
            return True
        lo = self.walk_label_left(doc, opening, m.sent.start, whole_item=is_list_item(doc, m.sent, closing))
        if lo is None:
            return False
        self.set_label(doc, link, lo, opening, list(doc.spans[PROGRAMS]))
        link.total, link.intro = self.total_before(m, money, lo)
        return True

    def item_in_parens(self, doc: Doc, m: Span, money: list[Span], link: Link) -> bool:
        """`($16M FSA, $1.77M Other)`: the words after the amount up to `,` or `)`."""
        hi = m.end
        while hi < m.sent.end and hi - m.end < self.max_label and doc[hi].text not in (",", ")", ";"):
            if not (is_name_word(doc[hi]) or doc[hi].text in self.label_words):
                return False
            hi += 1
        if hi == m.end or hi >= len(doc) or doc[hi].text not in (",", ")"):
            return False
        self.set_label(doc, link, m.end, hi, list(doc.spans[PROGRAMS]))
        link.total, link.intro = self.total_before(m, money, self.open_paren(doc, m))
        return True

    def table_line(self, doc: Doc, m: Span, start: int, money: list[Span], link: Link, fys: list[Span]) -> None:
        """`Peace and Security (PS): FY 2007: $3.05M; Est. FY 2008: $2.35M`: a capitalised label
        before the line's first colon, and only cell words, FYs and amounts up to this one."""
        sent = m.sent
        colon = next((t.i for t in doc[sent.start:m.start] if t.text == ":"), None)
        if colon is None or colon == sent.start or colon - sent.start > self.max_label:
            return
        label = doc[sent.start:colon]
        if not is_name_word(label[0]) or any(f.start < colon and f.end > sent.start for f in fys):
            return
        if not all(is_name_word(t) or t.text in self.label_words or t.text in "()" for t in label):
            return
        allowed = {t.i for span in fys + money for t in span}
        if any(t.i not in allowed and t.text not in self.cell_words and t.text not in (":", ";", ",") and not t.is_space
               for t in doc[colon:start]):
            return
        self.set_label(doc, link, sent.start, colon, list(doc.spans[PROGRAMS]))
        link.intro = row_intro(sent)  # "Bilateral INCLE allocations by country:" above the rows

    def set_label(self, doc: Doc, link: Link, lo: int, hi: int, programs: list[Span]) -> None:
        link.label = (lo, hi)
        program = [p for p in programs if lo <= p.start and p.end <= hi]
        tokens = [t for t in doc[lo:hi]]
        # drop an "(ACR)" group: "Peace and Security (PS)" -> "Peace and Security"
        words, skip = [], False
        for t in tokens:
            if t.text == "(":
                skip = True
            elif t.text == ")":
                skip = False
            elif not skip:
                words.append(t)
        text = "".join(t.text_with_ws for t in words).strip()
        # "Foreign Military Financing (FMF)": the name and its acronym are one programme
        if program and len({p._.code for p in program}) == 1 and any(p.text.strip() == text for p in program):
            link.program = program[0]._.code
        elif text not in self.total_labels:  # a "Total" row is no category
            link.category = text

    def walk_label_left(self, doc: Doc, paren: int, sent_start: int, *, whole_item: bool = False) -> int | None:
        """First token of the label before `($30.5 million)`.

        A list item runs back to the item before it (`;`, `:` or its `)`), lowercase words
        and all: `include: F-35 aircraft ($4.6 billion); Patriot air and missile defense
        systems ($4.75 billion)`; so does a list item that is a paragraph of its own (`C-130
        aircraft ($45 million)`). Without such a boundary in reach, the label is the run of
        capitalised words: `were Military Electronics ($30.5 million)`."""
        i = paren - 1
        while i >= sent_start and paren - i <= self.max_label and doc[i].text not in self.item_boundaries:
            i -= 1
        if (i >= sent_start and doc[i].text in self.item_boundaries) or (whole_item and i < sent_start):
            lo = i + 1
            while lo < paren and (doc[lo].text in self.label_words or doc[lo].is_punct or doc[lo].is_space):
                lo += 1
            if lo < paren:
                return lo
        i = paren - 1
        while i >= sent_start and paren - i <= self.max_label:
            t = doc[i]
            if is_name_word(t) or (t.text in self.label_words and t.text != "the"):
                i -= 1
                continue
            break
        lo = i + 1
        while lo < paren and (doc[lo].text in self.label_words or doc[lo].is_lower):
            lo += 1
        return lo if lo < paren else None

    @staticmethod
    def in_parens(doc: Doc, m: Span) -> bool:
        depth = 0
        for t in doc[m.sent.start:m.start]:
            depth += t.text == "("
            depth -= t.text == ")"
        return depth > 0

    @staticmethod
    def open_paren(doc: Doc, m: Span) -> int:
        depth = 0
        for t in reversed(doc[m.sent.start:m.start]):
            if t.text == ")":
                depth += 1
            elif t.text == "(":
                if depth == 0:
                    return t.i
                depth -= 1
        return m.sent.start

    @staticmethod
    def total_before(m: Span, money: list[Span], before: int) -> tuple[Span | None, Span | None]:
        """The amount a breakdown item belongs to: the last one before the item's label in
        its sentence, else the last one of the previous sentence. List items in paragraphs
        of their own (`Patrol Boats ($150 million)`) and an introduction ending in `:`
        (`Recent sales include:`) are stepped over to the sentence that states the total.
        Returns (total, introduction): the introduction when the list has one and no total."""
        earlier = [o for o in money if o.sent == m.sent and o.end <= before]
        if earlier:
            return earlier[-1], None
        doc, sent, intro = m.doc, m.sent, None
        for _ in range(MAX_ITEM_LOOKBACK):
            if sent.start == 0:
                return None, intro
            sent = doc[sent.start - 1].sent
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            amounts = [o for o in money if sent.start <= o.start and o.end <= sent.end]
            if len(amounts) == 1 and words[-1].text == ")" and amounts[0].start > 0 and doc[amounts[0].start - 1].text == "(" \
                    and amounts[0].end == words[-1].i:
                continue  # an earlier item of the same list
            if amounts:
                return amounts[-1], None
            if words[-1].text != ":":
                return None, intro
            intro = intro or sent
        return None, intro


def row_intro(sent: Span) -> Span | None:
    """The line ending in `:` that introduces a run of `Label: FY 2014: $4.2M` lines."""
    doc = sent.doc
    for _ in range(MAX_ITEM_LOOKBACK):
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        if words[-1].text == ":":
            return sent
        if not is_row(sent):
            return None
    return None


def is_name_word(token) -> bool:
    text = token.text
    return text[:1].isupper() and any(c.isalpha() for c in text)


def is_list_item(doc: Doc, sent: Span, close: int) -> bool:
    """The sentence is a paragraph of its own that ends with the item's `)` (a list item)."""
    starts_paragraph = sent.start == 0 or (doc[sent.start - 1].is_space and "\n" in doc[sent.start - 1].text)
    rest = [t for t in doc[close + 1:sent.end] if not t.is_space and t.text not in (".", ";", ",")]
    return starts_paragraph and not rest


def nearest(m: Span, spans: list[Span]) -> Span:
    """The span closest to m in tokens; on a tie the one after it ("$5 million in FMF")."""
    def distance(s: Span) -> tuple[int, int]:
        return (m.start - s.end, 1) if s.end <= m.start else (s.start - m.end, 0)
    return min(spans, key=distance)


def first(spans: list[Span]) -> Span | None:
    return spans[0] if spans else None


def last(spans: list[Span]) -> Span | None:
    return spans[-1] if spans else None
