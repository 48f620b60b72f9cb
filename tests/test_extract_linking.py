"""Links of each amount: programme, fiscal years, category, agency, qualifier (factsheets_linker)."""
from __future__ import annotations

import pytest

from pipeline.normalise import format_number


def linked(nlp, text):
    doc = nlp(text)
    out = []
    for s in doc.spans["money"]:
        assert doc.text[s.start_char:s.end_char] == s.text
        out.append((s.text, s._.program or "", s._.fy_start, s._.fy_end, s._.category or ""))
    return out


# text, [(amount, program, fy_start, fy_end, category), ...]
POSITIVE = [
    ("From FY 2016-2020 the Department of State has provided $42.3 million in Foreign Military Financing (FMF) "
     "to Ghana, as well as $3.9 million in International Military Education and Training (IMET) funding.",
     [("$42.3 million", "FMF", 2016, 2020, ""), ("$3.9 million", "IMET", 2016, 2020, "")]),
    ("In FY 2021, the United States provided $18.4 million in FMF to Peru.",
     [("$18.4 million", "FMF", 2021, 2021, "")]),
    ("Since the beginning of FY 2014, Benin has received $7.2 million under Section 333.",
     [("$7.2 million", "Section 333", 2014, None, "")]),
    ("Since 2014, Benin has received $7.2 million under Section 333.",
     [("$7.2 million", "Section 333", None, None, "")]),
    ("In 2022, Togo received $4 million in IMET.",
     [("$4 million", "IMET", None, None, "")]),
    ("Kenya received $12 million in FMF in FY20 and $3 million in IMET in FY2021.",
     [("$12 million", "FMF", 2020, 2020, ""), ("$3 million", "IMET", 2021, 2021, "")]),
    ("In FY 2019 and FY 2020, Chile got $5 million in FMF.",
     [("$5 million", "FMF", 2019, 2020, "")]),
    ("In fiscal years 2019 and 2020, Samoa got $2 million in Title 10 funding.",
     [("$2 million", "Title 10", 2019, 2020, "")]),
    ("From FY 2017 through FY 2019, the United States authorized the permanent export of over $61.7 million in "
     "defense articles to Oman via Direct Commercial Sales (DCS).",
     [("$61.7 million", "DCS", 2017, 2019, "")]),
    ("The United States has $1.4 billion in active government-to-government sales cases with Qatar under the "
     "Foreign Military Sales (FMS) system.",
     [("$1.4 billion", "FMS", None, None, "")]),
    ("Under Presidential Drawdown Authority, Mali received $9 million in equipment in FY 2013.",
     [("$9 million", "PDA", 2013, 2013, "")]),
    ("Jordan received $25 million in Excess Defense Articles and $10 million in ESF.",
     [("$25 million", "EDA", None, None, ""), ("$10 million", "ESF", None, None, "")]),
    ("Through the European Deterrence Initiative, Poland gained $300 million in infrastructure.",
     [("$300 million", "EDI", None, None, "")]),
    ("The Counterterrorism Partnerships Fund (CTPF) gave Niger $14 million. The CTPF also gave Chad $6 million.",
     [("$14 million", "CTPF", None, None, ""), ("$6 million", "CTPF", None, None, "")]),
    ("Tunisia obtained $8 million through Nonproliferation, Anti-terrorism, Demining, and Related Programs.",
     [("$8 million", "NADR", None, None, "")]),
    ("Mexico received $160 million in INCLE funds and $2 million in GPOI support.",
     [("$160 million", "INCLE", None, None, ""), ("$2 million", "GPOI", None, None, "")]),
    ("Ukraine received $1.5 billion through USAI and $600 million through drawdowns in FY 2022.",
     [("$1.5 billion", "USAI", 2022, 2022, ""), ("$600 million", "PDA", 2022, 2022, "")]),
    ("Lithuania received $90 million under the Baltic Security Initiative (BSI).",
     [("$90 million", "BSI", None, None, "")]),
    ("Uganda gained $11 million in PKO funds for its AMISOM contingent.",
     [("$11 million", "PKO", None, None, "")]),
    ("In FY 2018, the United States provided $6 million in FMF; in FY 2019 it provided $8 million in FMF.",
     [("$6 million", "FMF", 2018, 2018, ""), ("$8 million", "FMF", 2019, 2019, "")]),
    ("From FY 2018-2022, the United States authorized $52.8 million in Direct Commercial Sales to Peru. The top "
     "categories of DCS to Peru were Aircraft ($20.1 million); Night Vision Equipment ($9.4 million); and "
     "Ammunition and Ordnance ($1.3 million).",
     [("$52.8 million", "DCS", 2018, 2022, ""), ("$20.1 million", "DCS", 2018, 2022, "Aircraft"),
      ("$9.4 million", "DCS", 2018, 2022, "Night Vision Equipment"),
      ("$1.3 million", "DCS", 2018, 2022, "Ammunition and Ordnance")]),
    ("In FY 2020 Chile received $12M in assistance ($9M FMF, $3M Other).",
     [("$12M", "", 2020, 2020, ""), ("$9M", "FMF", 2020, 2020, ""), ("$3M", "", 2020, 2020, "Other")]),
    ("Since FY 2012, Colombia has bought $2.1 billion in Foreign Military Sales, including Helicopters "
     "($900 million) and Patrol Boats ($150 million).",
     [("$2.1 billion", "FMS", 2012, None, ""), ("$900 million", "FMS", 2012, None, "Helicopters"),
      ("$150 million", "FMS", 2012, None, "Patrol Boats")]),
    ("Estonia donated €45 million worth of equipment to Ukraine.",
     [("€45 million", "", None, None, "")]),
    ("Between FY 2015 and FY 2017, Albania received $7 million under Section 1206.",
     [("$7 million", "Section 1206", 2015, 2017, "")]),
    ("In FY 2019 Georgia received $30 million in FMF. It also received $2 million in IMET.",
     [("$30 million", "FMF", 2019, 2019, ""), ("$2 million", "IMET", None, None, "")]),
    ("Over fiscal years 2010-2012 Peru got $4 million in EXBS assistance and $3 million in CWD funds.",
     [("$4 million", "EXBS", 2010, 2012, ""), ("$3 million", "CWD", 2010, 2012, "")]),
    ("In FY 2016, Ghana received $1.1 million in the State Partnership Program.",
     [("$1.1 million", "SPP", 2016, 2016, "")]),
    ("Malta got $5 million in Foreign Military Financing in FY 2011.",
     [("$5 million", "FMF", 2011, 2011, "")]),
    ("Armenia received $3 million under the FREEDOM Support Act (FSA) in FY 2008.",
     [("$3 million", "FSA", 2008, 2008, "")]),
]


@pytest.mark.parametrize("text,expected", POSITIVE)
def test_linking_program_fiscal_years_category(nlp, text, expected):
    assert linked(nlp, text) == expected


def test_linking_acronym_defined_in_text(nlp):
    text = ("Oman takes part in Section 333 Building Partner Capacity (BPC) programs. "
            "In FY 2020, Oman's navy received $6 million in BPC funds and $1 million in IMET.")
    assert linked(nlp, text) == [("$6 million", "Section 333", 2020, 2020, ""), ("$1 million", "IMET", 2020, 2020, "")]


def test_linking_breakdown_in_next_sentence(nlp):
    text = ("From FY 2019 through FY 2021, the United States authorized the permanent export of $8.6 million in "
            "defense articles to Fiji via Direct Commercial Sales. "
            "The top categories were Vessels ($5.1 million) and Communications Equipment ($2.4 million).")
    assert linked(nlp, text) == [
        ("$8.6 million", "DCS", 2019, 2021, ""),
        ("$5.1 million", "DCS", 2019, 2021, "Vessels"),
        ("$2.4 million", "DCS", 2019, 2021, "Communications Equipment"),
    ]


@pytest.mark.parametrize("text,agency", [
    ("From FY 2015-2019 the Department of State has provided $20 million in FMF to Chad.", "Department of State"),
    ("DoD has notified $14 million in Section 333 programs for Benin.", "Department of Defense"),
    ("The Department of Defense provided an additional $9 million under Section 333.", "Department of Defense"),
    ("The State Department allocated $4 million in IMET to Nepal.", "Department of State"),
    ("Peru received $4 million in IMET.", ""),
])
def test_linking_agency_from_subject(nlp, text, agency):
    doc = nlp(text)
    assert [s._.agency or "" for s in doc.spans["money"]] == [agency]


@pytest.mark.parametrize("text,qualifier", [
    ("The Department of State provided more than $4 million in FMF.", "more than"),
    ("Latvia gave equipment worth more than €20 million.", "more than"),
    ("The fund exceeded $250 million in FY 2019.", "more than"),
    ("A minimum of $35 million in FMF was set aside.", "at least"),
    ("An estimated $1.5 billion in sales is pending.", "approximately"),
    ("The program cost a total of $12 million.", ""),
])
def test_linking_qualifier_before_amount(nlp, text, qualifier):
    doc = nlp(text)
    assert [s._.qualifier or "" for s in doc.spans["money"]] == [qualifier]


def test_linking_breakdown_items_as_list_paragraphs(nlp):
    text = ("Since FY 2015, Norway has bought over $2.6 billion under the Foreign Military Sales (FMS) program. "
            "Recent sales include:\n\nP-8A Poseidon Aircraft ($1.1 billion)\n\nNaval Strike Missiles ($400 million)\n\n"
            "Norway also hosts allied exercises.")
    assert linked(nlp, text) == [
        ("$2.6 billion", "FMS", 2015, None, ""),
        ("$1.1 billion", "FMS", 2015, None, "P-8A Poseidon Aircraft"),
        ("$400 million", "FMS", 2015, None, "Naval Strike Missiles"),
    ]


NEGATIVE = [
    # (text, amounts that must have no programme / no fiscal years)
    "Since 2015, Kenya has spent $40 million of its own funds on defense.",
    "In 2021, Ghana spent $12 million on its navy.",
    "Estonia donated €12 million to Ukraine in 2022.",
    "The total across all programmes was $70 million.",
    "Chile's defense budget is $5 billion.",
    "Peru paid $3 million for fuel during the 2019 exercise.",
    "Norway contributed $8 million to the NATO trust fund.",
    "The NDAA authorized $2 billion for the Army.",
    "Since CY2015 Oman has spent $3 billion.",
    "Under the Arms Export Control Act, Benin paid $1 million in fees.",
    "The DSCA processed $9 million in payments.",
    "The U.S.-Ghana Dialogue discussed $6 million in investments.",
    "Togo pledged $2 million at the 2016 summit.",
    "In spring 2018 Mali spent $7 million on trucks.",
    "Since 1999, Chad has received $3 million from the EU.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_linking_no_program_or_fiscal_year(nlp, text):
    doc = nlp(text)
    assert [s.text for s in doc.spans["money"]], "the amount itself must be found"
    for s in doc.spans["money"]:
        assert (s._.program or "", s._.fy_start, s._.fy_end) == ("", None, None)


def test_linking_values_kept(nlp):
    doc = nlp("In FY 2020, Kenya received $1.25 million in FMF.")
    assert [format_number(s._.value) for s in doc.spans["money"]] == ["1250000"]


def test_linking_amount_naming_an_unknown_fund_takes_no_other_programme(nlp):
    doc = nlp("In FY 2021, Fiji received $3 million in FMF and $2 million in CRF assistance.")
    assert [(m.text, m._.program) for m in doc.spans["money"]] == [("$3 million", "FMF"), ("$2 million", "")]


def test_linking_fiscal_year_after_in_is_not_an_unknown_fund(nlp):
    doc = nlp("In FY 2020 the U.S. provided $5 million in FMF, and $2 million more in FY 2021 to Chad.")
    assert [m._.program for m in doc.spans["money"]] == ["FMF", "FMF"]


def test_linking_a_total_does_not_take_the_programme_of_its_part(nlp):
    doc = nlp("U.S. assistance to Jordan totaled $1.65 billion in FY 2021, including $425 million in FMF.")
    assert [(m.text, m._.program, m._.fy_start) for m in doc.spans["money"]] == [
        ("$1.65 billion", "", 2021), ("$425 million", "FMF", 2021)]


def test_linking_a_later_amount_carries_the_programme_named_before_it(nlp):
    doc = nlp("Georgia received $35 million in FMF in FY 2021 and $40 million in FY 2022.")
    assert [(m._.program, m._.fy_start) for m in doc.spans["money"]] == [("FMF", 2021), ("FMF", 2022)]


@pytest.mark.parametrize(
    "text, categories",
    [
        ("Significant recent FMS cases include: F-35 aircraft ($4.6 billion); HIMARS ($414 million); and Patriot "
         "air and missile defense systems ($4.75 billion).",
         ["F-35 aircraft", "HIMARS", "Patriot air and missile defense systems"]),
        ("Recent FMS cases include patrol boats ($40 million), Black Hawk helicopters ($210 million), and radar "
         "upgrades ($15 million).",
         ["patrol boats", "Black Hawk helicopters", "radar upgrades"]),
    ],
)
def test_linking_breakdown_labels_may_hold_lowercase_words_between_item_boundaries(nlp, text, categories):
    doc = nlp(text)
    assert [m._.category for m in doc.spans["money"]] == categories
    assert {m._.program for m in doc.spans["money"]} == {"FMS"}


def test_linking_list_item_paragraph_is_its_own_label(nlp):
    doc = nlp("Recent FMS sales to Chile include:\n\nF-16 upgrades ($120 million)\n\nC-130 aircraft ($45 million)")
    assert [(m._.category, m._.program) for m in doc.spans["money"]] == [
        ("F-16 upgrades", "FMS"), ("C-130 aircraft", "FMS")]


@pytest.mark.parametrize(
    "text, program",
    [
        ("Since 2008, the United States has authorized more than $20 billion in sales through Foreign Military "
         "Sales (FMS) and Direct Commercial Sales (DCS).", ""),
        ("Peru bought $56 million of equipment through FMS and DCS.", ""),
        ("DoD provided $8.3 million under Sec. 333 for maritime security.", "Section 333"),
        ("Chile bought $272 million of equipment under the Foreign Military Sales program with national funds "
         "and FMF.", "FMS"),
    ],
)
def test_linking_an_amount_across_joined_programmes_has_none(nlp, text, program):
    doc = nlp(text)
    assert [m._.program for m in doc.spans["money"]] == [program]


def test_linking_the_partners_own_funds_have_no_programme(nlp):
    doc = nlp("Iraq committed at least $500 million in national funds to sustain the equipment provided through "
              "CTEF, and received $1 billion through CTEF.")
    assert [(m._.program, m._.qualifier) for m in doc.spans["money"]] == [("", "at least"), ("CTEF", "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # amounts paired with fiscal years in order
        ("In FYs 2017 and 2018, USAI provided $150 million and $200 million, respectively.",
         [("USAI", 2017, 2017), ("USAI", 2018, 2018)]),
        # an amount with its own calendar time takes no fiscal year from elsewhere in the sentence
        ("Since FY 2018, DoD has notified $160 million under Section 333, while GPOI has contributed $4.5 million "
         "since 2016 to the training center.", [("Section 333", 2018, None), ("GPOI", None, None)]),
        # a fiscal year after 'whereas' belongs to its own clause
        ("Active FMS cases are valued at $1.1 billion, whereas DCS authorizations from FY 2020 through FY 2022 "
         "came to $1 billion.", [("FMS", None, None), ("DCS", 2020, 2022)]),
        # a separator right after an amount ends its phrase
        ("In FY 2022, IMET funding reached $2.8M and INCLE assistance totaled $300 million.",
         [("IMET", 2022, 2022), ("INCLE", 2022, 2022)]),
        # lines under an introduction take its programme
        ("Bilateral INCLE allocations by country:\n\nGuatemala: FY 2014: $4.2M; FY 2015: $3.9M\n\n"
         "Honduras: FY 2014: $5.6M", [("INCLE", 2014, 2014), ("INCLE", 2015, 2015), ("INCLE", 2014, 2014)]),
        ("Through the Central America Regional Security Initiative (CARSI), the region received $161.5 million "
         "in FY 2014.", [("CARSI", 2014, 2014)]),
    ],
)
def test_linking_clauses_respectively_and_introductions(nlp, text, expected):
    doc = nlp(text)
    assert [(m._.program, m._.fy_start, m._.fy_end) for m in doc.spans["money"]] == expected


def test_linking_an_amount_in_parentheses_after_another_is_its_equivalent(nlp):
    doc = nlp("In FY 2015 the United States authorized $182.5 million via DCS.\n\n"
              "The own defense budget was R44.6 billion (approximately $3.4 billion) in 2015.")
    assert [(m.text, m._.program, m._.fy_start, m._.category) for m in doc.spans["money"]] == [
        ("$182.5 million", "DCS", 2015, ""), ("R44.6 billion", "", None, ""), ("$3.4 billion", "", None, "")]
