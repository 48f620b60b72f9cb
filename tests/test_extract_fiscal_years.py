"""Fiscal-year expressions and their start/end years (factsheets_fiscal_years)."""
from __future__ import annotations

import pytest


def fy_spans(nlp, text):
    doc = nlp(text)
    spans = list(doc.spans["fiscal_years"])
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
    return spans


# sentence, expression text, fy_start, fy_end
POSITIVE = [
    ("In FY 2020, Ghana hosted the course.", "FY 2020", 2020, 2020),
    ("The FY2020 request for Peru was small.", "FY2020", 2020, 2020),
    ("Training resumed in FY20 after a pause.", "FY20", 2020, 2020),
    ("Funds lapsed in FY 19 without use.", "FY 19", 2019, 2019),
    ("From FY 2016-2020 Kenya trained pilots.", "FY 2016-2020", 2016, 2020),
    ("From FY 2016–2020 Kenya trained pilots.", "FY 2016–2020", 2016, 2020),
    ("From FY 2016—2020 Kenya trained pilots.", "FY 2016—2020", 2016, 2020),
    ("Between FY 2012 through FY 2014 sales doubled.", "FY 2012 through FY 2014", 2012, 2014),
    ("From FY 2011 to FY 2013 Chile bought radars.", "FY 2011 to FY 2013", 2011, 2013),
    ("Benin received courses in fiscal year 2018.", "fiscal year 2018", 2018, 2018),
    ("In Fiscal Year 2023 the program grew.", "Fiscal Year 2023", 2023, 2023),
    ("Over fiscal years 2014-2016 Togo got boats.", "fiscal years 2014-2016", 2014, 2016),
    ("Fiscal Year (FY) 2009: assistance to Armenia.", "Fiscal Year (FY) 2009", 2009, 2009),
    ("In FYs 2005-2009 Nepal trained officers.", "FYs 2005-2009", 2005, 2009),
    ("From FY 2013-15 Mali received support.", "FY 2013-15", 2013, 2015),
    ("Between FY 2012 and FY 2016 Niger got trucks.", "FY 2012 and FY 2016", 2012, 2016),
    ("Since FY 2011 Jordan has bought jets.", "FY 2011", 2011, None),
    ("Since the beginning of FY 2009, Oman has trained staff.", "FY 2009", 2009, None),
    ("Beginning in FY 2018, Chad joined the course.", "FY 2018", 2018, None),
    ("Since the start of fiscal year 2012, Fiji has hosted teams.", "fiscal year 2012", 2012, None),
    ("Since FY 2010-2012 nothing changed.", "FY 2010-2012", 2010, 2012),
    ("The Est. FY 2008 level for Georgia rose.", "FY 2008", 2008, 2008),
    ("The FY'21 budget for Laos was flat.", "FY'21", 2021, 2021),
    ("The FY 99 budget for Bhutan was flat.", "FY 99", 1999, 1999),
    ("From FY 2017 thru FY 2019 Peru bought helicopters.", "FY 2017 thru FY 2019", 2017, 2019),
    ("From FY2014-FY2016 Palau received patrol craft.", "FY2014-FY2016", 2014, 2016),
    ("In fiscal years 2019 and 2020, Samoa received boats.", "fiscal years 2019 and 2020", 2019, 2020),
    ("In fiscal 2019 the Tongan program grew.", "fiscal 2019", 2019, 2019),
    ("From FY 2010 until FY 2012 Yemen got aid.", "FY 2010 until FY 2012", 2010, 2012),
    ("The FY 2016/2017 allocation was late.", "FY 2016/2017", 2016, 2017),
    ("From fiscal year 2015 to fiscal year 2019 Kenya got radars.", "fiscal year 2015 to fiscal year 2019", 2015, 2019),
]


@pytest.mark.parametrize("sentence,text,fy_start,fy_end", POSITIVE)
def test_fiscal_years_expressions(nlp, sentence, text, fy_start, fy_end):
    spans = fy_spans(nlp, sentence)
    assert [(s.text, s._.fy_start, s._.fy_end) for s in spans] == [(text, fy_start, fy_end)]


def test_fiscal_years_two_expressions_joined_by_and(nlp):
    spans = fy_spans(nlp, "In FY 2020 and FY 2021, Malawi hosted two courses.")
    assert [(s.text, s._.fy_start, s._.fy_end) for s in spans] == [("FY 2020", 2020, 2020), ("FY 2021", 2021, 2021)]


def test_fiscal_years_are_not_dates(nlp):
    doc = nlp("In FY 2020 and fiscal year 2021 Zambia got trucks.")
    assert list(doc.spans["dates"]) == []


NEGATIVE = [
    "Since 2015, Kenya has trained pilots.",
    "In 2022, Malawi received trucks.",
    "The CY2015 figures were revised.",
    "FYI: the course is full.",
    "The 2020 budget of Peru was flat.",
    "The fiscal policy of Chile changed in 2019.",
    "Each fiscal year the ministry reports.",
    "The 2019-2020 school year began late.",
    "Section 2020 of the bill was amended.",
    "Ghana has 2,000 troops in the mission.",
    "For 25 years Oman has hosted the exercise.",
    "The FY budget was not passed.",
    "Fiji received $2,019 in fees.",
    "Their fiscal reforms since 2016 have worked.",
    "The FYROM name was dropped in 2019.",
    "The year 2021 was a record.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_fiscal_years_not_fiscal_years(nlp, sentence):
    assert fy_spans(nlp, sentence) == []


def test_fiscal_years_table_column_labels_repeated_in_rows_are_reported_once(nlp):
    rows = ["FMF: FY 2010 Actual: 55,000; FY 2011 Estimate: 47,904", "IMET: FY 2010 Actual: 1,695; FY 2011 Estimate: 1,400"]
    text = "\n\n".join(["($ in thousands)"] + rows)
    doc = nlp.make_doc(text)
    doc._.table_rows = [(0, text.index(row), text.index(row) + len(row)) for row in rows]  # as the clean stage marks them
    doc = nlp(doc)
    assert [s.text for s in doc.spans["fiscal_years"]] == ["FY 2010", "FY 2011"]
    assert [s.text for s in doc.spans["table_headers"]] == ["FY 2010", "FY 2011"]
    assert [(m.text, m._.program, m._.fy_start) for m in doc.spans["money"]] == [
        ("55,000", "FMF", 2010), ("47,904", "FMF", 2011), ("1,695", "IMET", 2010), ("1,400", "IMET", 2011)]


def test_fiscal_years_in_lines_the_page_wrote_itself_all_count(nlp):
    doc = nlp("Peace and Security (PS): FY 2007: $3.05M; Est. FY 2008: $2.35M\n\n"
              "Democracy (GJD): FY 2007: $5.1M; Est. FY 2008: $4.2M")
    assert [s.text for s in doc.spans["fiscal_years"]] == ["FY 2007", "FY 2008", "FY 2007", "FY 2008"]


def test_fiscal_years_plain_text_table_is_known_by_its_unit_note(nlp):
    doc = nlp("($ in thousands)\n\nFMF: FY 2010 Actual: 55,000; FY 2011 Estimate: 47,904\n\n"
              "IMET: FY 2010 Actual: 1,695; FY 2011 Estimate: 1,400\n\nSince FY 2009 the program grew.")
    assert [s.text for s in doc.spans["fiscal_years"]] == ["FY 2010", "FY 2011", "FY 2009"]
