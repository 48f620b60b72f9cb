"""Money extraction: amounts, currencies, scales, ranges and qualifiers (factsheets_money)."""
from __future__ import annotations

import pytest

from pipeline.normalise import format_number


def money_spans(nlp, text):
    doc = nlp(text)
    spans = list(doc.spans["money"])
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
    return spans


# sentence, amount text, value, value_high, currency, qualifier
POSITIVE = [
    ("Norway received $1,250,000 in grants.", "$1,250,000", "1250000", "", "USD", ""),
    ("Chile spent US$45 million on radars.", "US$45 million", "45000000", "", "USD", ""),
    ("The loan to Peru totals USD 12 million.", "USD 12 million", "12000000", "", "USD", ""),
    ("Portugal pledged 30 million euros to the mission.", "30 million euros", "30000000", "", "EUR", ""),
    ("Spain contributed €5.5bn to the fund.", "€5.5bn", "5500000000", "", "EUR", ""),
    ("The United Kingdom gave £10 million for demining.", "£10 million", "10000000", "", "GBP", ""),
    ("Congress appropriated $1.2 million annually for training.", "$1.2 million", "1200000", "", "USD", ""),
    ("The grant of $3.05M arrived in May.", "$3.05M", "3050000", "", "USD", ""),
    ("Sales to Qatar reached $4.5B in total.", "$4.5B", "4500000000", "", "USD", ""),
    ("Ghana will receive $7 mn for boats.", "$7 mn", "7000000", "", "USD", ""),
    ("Indonesia spent $3 bn on ships.", "$3 bn", "3000000000", "", "USD", ""),
    ("The reserve stands at $2.5 trillion.", "$2.5 trillion", "2500000000000", "", "USD", ""),
    ("Benin got $300 thousand for fuel.", "$300 thousand", "300000", "", "USD", ""),
    ("Kenya received 5 million dollars in kind.", "5 million dollars", "5000000", "", "USD", ""),
    ("Pakistan pledged EUR 27 million to the trust.", "EUR 27 million", "27000000", "", "EUR", ""),
    ("Tunisia will need $1-2 million for spares.", "$1-2 million", "1000000", "2000000", "USD", ""),
    ("Tunisia will need $3–4 million for spares.", "$3–4 million", "3000000", "4000000", "USD", ""),
    ("Jordan expects $4 million to $6 million in upgrades.", "$4 million to $6 million", "4000000", "6000000", "USD", ""),
    ("Egypt runs a $5 billion-plus modernization effort.", "$5 billion-plus", "5000000000", "", "USD", "more than"),
    ("The Moroccan budget exceeded $250 million last year.", "$250 million", "250000000", "", "USD", "more than"),
    ("The Finnish deal is worth more than €87 million.", "€87 million", "87000000", "", "EUR", "more than"),
    ("An estimated $6.2 billion in orders is pending.", "$6.2 billion", "6200000000", "", "USD", "approximately"),
    ("Oman committed a minimum of $90 million to the effort.", "$90 million", "90000000", "", "USD", "at least"),
    ("Qatar has ~$8.1 billion in open cases.", "$8.1 billion", "8100000000", "", "USD", "approximately"),
    ("Mali received around $3 million for medical kits.", "$3 million", "3000000", "", "USD", "approximately"),
    ("Niger was granted some $20 million for radios.", "$20 million", "20000000", "", "USD", "approximately"),
    ("Chad used almost $9 million for trucks.", "$9 million", "9000000", "", "USD", "nearly"),
    ("India holds in excess of $1 billion in cases.", "$1 billion", "1000000000", "", "USD", "more than"),
    ("Nepal may draw up to $40 million from the fund.", "$40 million", "40000000", "", "USD", "up to"),
    ("Bhutan will get at least $3 million for clinics.", "$3 million", "3000000", "", "USD", "at least"),
    ("Fiji spent less than $2 million on patrol boats.", "$2 million", "2000000", "", "USD", "less than"),
    ("Togo got nearly $14.6 million in equipment.", "$14.6 million", "14600000", "", "USD", "nearly"),
    ("Laos received about $600,000 for demining.", "$600,000", "600000", "", "USD", "approximately"),
    ("Samoa spent roughly $75 million on ports.", "$75 million", "75000000", "", "USD", "approximately"),
    ("Peru purchased over $19.3 million in spares.", "$19.3 million", "19300000", "", "USD", "more than"),
    ("Brazil has approximately $88.4 million in cases.", "$88.4 million", "88400000", "", "USD", "approximately"),
    ("Mongolia received $4.12 Million (M) in 2009.", "$4.12 Million", "4120000", "", "USD", ""),
    ("Tonga was offered USD 5.5 million for a wharf.", "USD 5.5 million", "5500000", "", "USD", ""),
    ("Palau received 250,000 dollars for a clinic.", "250,000 dollars", "250000", "", "USD", ""),
    ("The Ecuadorian fund reached 75 million USD.", "75 million USD", "75000000", "", "USD", ""),
    ("Estonia's donation exceeded €40 million in value.", "€40 million", "40000000", "", "EUR", "more than"),
]


@pytest.mark.parametrize("sentence,text,value,value_high,currency,qualifier", POSITIVE)
def test_money_amounts(nlp, sentence, text, value, value_high, currency, qualifier):
    spans = money_spans(nlp, sentence)
    assert [s.text for s in spans] == [text]
    span = spans[0]
    assert str(format_number(span._.value)) == value
    assert format_number(span._.value_high) == value_high
    assert span._.currency == currency
    assert (span._.qualifier or "") == qualifier


def test_money_bare_figure_in_breakdown_takes_currency(nlp):
    spans = money_spans(nlp, "Assistance totals $20M ($12.81M FMF, 7.19M Other).")
    assert [(s.text, format_number(s._.value), s._.currency) for s in spans] == [
        ("$20M", "20000000", "USD"), ("$12.81M", "12810000", "USD"), ("7.19M", "7190000", "USD"),
    ]


def test_money_several_amounts_in_one_sentence(nlp):
    spans = money_spans(nlp, "Greece got $12 million, Cyprus €4 million and Malta £1.5 million.")
    assert [(s.text, format_number(s._.value), s._.currency) for s in spans] == [
        ("$12 million", "12000000", "USD"), ("€4 million", "4000000", "EUR"), ("£1.5 million", "1500000", "GBP"),
    ]


NEGATIVE = [
    "Defense spending rose to 2.3 percent of GDP.",
    "Croatia spends 2% of its GDP on defense.",
    "Ghana deployed 2,000 personnel to the mission.",
    "The Air Force delivered 12 helicopters and 40 vehicles.",
    "Section 333 authorizes the training of foreign forces.",
    "Call 202-647-4000 for more information.",
    "In 2019, Kenya hosted the exercise.",
    "Since 1995, 8,500 troops have served abroad.",
    "The 1,000 km border is patrolled by 300 guards.",
    "The depot holds 3 million rounds of ammunition.",
    "Title 10 funds supported 14 battalions.",
    "The team trained 350 officers in FY 2020.",
    "Reach the desk at +1 (202) 647-5000.",
    "Uruguay has served in peacekeeping for 30 years.",
    "The population is 5.4 million people.",
    "The F-16 Block 70 and the Mk 54 torpedo were offered.",
    "10 U.S.C. 333 allows the Secretary to train partners.",
    "Armenia sent 1,200 peacekeepers in 2004 and 2005.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_money_not_money(nlp, sentence):
    assert money_spans(nlp, sentence) == []


# figures of a table rendered as text rows under a unit note (see pipeline/clean.py)
TABLE = (
    "The table below shows assistance to Georgia.\n\n"
    "($ in thousands)\n\n"
    "Foreign Military Financing (FMF): FY 2010 Actual: 11,000; FY 2011 Estimate: 16,000; FY 2012 Request: 14,400\n\n"
    "International Military Education and Training (IMET): FY 2010 Actual: 1,800; FY 2011 Estimate: --; FY 2012 Request: 1,950\n\n"
    "Total: FY 2010 Actual: 12,800; FY 2011 Estimate: 16,000; FY 2012 Request: 16,350\n\n"
    "Since 2004, Georgia has deployed 1,500 troops a year."
)


def test_money_table_figures_under_unit_note(nlp):
    spans = money_spans(nlp, TABLE)
    rows = [(s.text, format_number(s._.value), s._.currency, s._.program, s._.fy_start, s._.fy_end) for s in spans]
    assert rows == [
        ("11,000", "11000000", "USD", "FMF", 2010, 2010),
        ("16,000", "16000000", "USD", "FMF", 2011, 2011),
        ("14,400", "14400000", "USD", "FMF", 2012, 2012),
        ("1,800", "1800000", "USD", "IMET", 2010, 2010),
        ("1,950", "1950000", "USD", "IMET", 2012, 2012),
        ("12,800", "12800000", "USD", "", 2010, 2010),
        ("16,000", "16000000", "USD", "", 2011, 2011),
        ("16,350", "16350000", "USD", "", 2012, 2012),
    ]


@pytest.mark.parametrize("note,scale", [
    ("USD Thousands", "1000"),
    ("($ in millions)", "1000000"),
    ("(in thousands of U.S. dollars)", "1000"),
    ("Dollars in Thousands", "1000"),
])
def test_money_table_unit_note_variants(nlp, note, scale):
    text = f"{note}\n\nInternational Narcotics Control and Law Enforcement: FY 2021: 8,000; FY 2022: 2,500"
    spans = money_spans(nlp, text)
    assert [(s.text, format_number(s._.value), s._.program, s._.fy_start) for s in spans] == [
        ("8,000", str(8000 * int(scale)), "INCLE", 2021), ("2,500", str(2500 * int(scale)), "INCLE", 2022),
    ]


def test_money_table_figures_need_a_unit_note(nlp):
    text = "Training Courses: FY 2021: 8; FY 2022: 12\n\nPersonnel: FY 2021: 1,300; FY 2022: 1,450"
    assert money_spans(nlp, text) == []


def test_money_table_ends_at_running_text(nlp):
    text = "($ in thousands)\n\nESF: FY 2020: 3,000\n\nIn 2021 the army had 4,000 soldiers: 2,500 were conscripts."
    spans = money_spans(nlp, text)
    assert [s.text for s in spans] == ["3,000"]


def test_money_from_one_amount_to_another_is_two_amounts(nlp):
    spans = money_spans(nlp, "Sales grew from $4 million to $6 million, within a $1 million to $2 million band.")
    assert [(s.text, format_number(s._.value), format_number(s._.value_high)) for s in spans] == [
        ("$4 million", "4000000", ""), ("$6 million", "6000000", ""), ("$1 million to $2 million", "1000000", "2000000")]


def test_money_a_currency_symbol_added_to_the_rules_is_split_off_its_number(nlp):
    spans = money_spans(nlp, "Taiwan's budget totals NT$606.8 billion.")
    assert [(s.text, format_number(s._.value), s._.currency) for s in spans] == [("NT$606.8 billion", "606800000000", "TWD")]


def test_money_a_fiscal_year_price_base_is_not_money(nlp):
    doc = nlp("Japan pays up to $2.8 billion (in U.S. FY 2012 dollars) each year.")
    assert [s.text for s in doc.spans["money"]] == ["$2.8 billion"]
    assert [s.text for s in doc.spans["fiscal_years"]] == ["FY 2012"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The defense budget was R44.6 billion this year.", [("R44.6 billion", "44600000000", "ZAR")]),
        ("Russia sent R2 units and Model R7 drones.", []),
        ("Tunisia received two million dollars for border security.", [("two million dollars", "2000000", "USD")]),
    ],
)
def test_money_weak_symbols_need_a_scale_and_number_words_count(nlp, text, expected):
    assert [(s.text, format_number(s._.value), s._.currency) for s in money_spans(nlp, text)] == expected
