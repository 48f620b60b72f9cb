"""Calendar dates with ISO value, precision and modifier (factsheets_dates)."""
from __future__ import annotations

import pytest


def date_spans(nlp, text):
    doc = nlp(text)
    spans = list(doc.spans["dates"])
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
    return spans


# sentence, date text, ISO value, precision, modifier
POSITIVE = [
    ("Ghana signed the deal on June 30, 2021.", "June 30, 2021", "2021-06-30", "day", ""),
    ("Ghana signed the deal on 30 June 2021.", "30 June 2021", "2021-06-30", "day", ""),
    ("Peru signed on March 3rd, 2019 in Lima.", "March 3rd, 2019", "2019-03-03", "day", ""),
    ("Peru signed on the 3rd of March 2019.", "3rd of March 2019", "2019-03-03", "day", ""),
    ("The course began on January 1, 2020.", "January 1, 2020", "2020-01-01", "day", ""),
    ("The course began on 1 January 2020.", "1 January 2020", "2020-01-01", "day", ""),
    ("The course began on Jan. 15, 2018.", "Jan. 15, 2018", "2018-01-15", "day", ""),
    ("Since December 2019, Chile has led the task force.", "December 2019", "2019-12", "month", ""),
    ("Since February 2022, Norway has sent aid.", "February 2022", "2022-02", "month", ""),
    ("Since Feb. 2022, Norway has sent aid.", "Feb. 2022", "2022-02", "month", ""),
    ("The unit deployed in Sept. 2019.", "Sept. 2019", "2019-09", "month", ""),
    ("The unit deployed in Oct 2017.", "Oct 2017", "2017-10", "month", ""),
    ("The unit deployed in October of 2018.", "October of 2018", "2018-10", "month", ""),
    ("The exercise took place in spring 2004.", "spring 2004", "2004", "year", "spring"),
    ("The exercise took place in early 2022.", "early 2022", "2022", "year", "early"),
    ("The exercise took place in mid-2019.", "mid-2019", "2019", "year", "mid"),
    ("The exercise took place in late 2020.", "late 2020", "2020", "year", "late"),
    ("The exercise took place in autumn 2011.", "autumn 2011", "2011", "year", "autumn"),
    ("The exercise took place in the summer of 2018.", "summer of 2018", "2018", "year", "summer"),
    ("Relations were established in 1922.", "1922", "1922", "year", ""),
    ("Since 2016, Kenya has hosted the course.", "2016", "2016", "year", ""),
    ("The Status of Forces Agreement (1995) still applies.", "1995", "1995", "year", ""),
    ("Estonia met its 2014 Wales Pledge.", "2014", "2014", "year", ""),
    ("The CY2015 figures for Peru were revised.", "CY2015", "2015", "year", ""),
    ("Malta joined the Union in 2004 after a vote.", "2004", "2004", "year", ""),
    ("The brigade was formed in Winter 2015.", "Winter 2015", "2015", "year", "winter"),
    ("The brigade was formed in Mid-2016.", "Mid-2016", "2016", "year", "mid"),
    ("The base opened in July 2008 near the coast.", "July 2008", "2008-07", "month", ""),
    ("Talks concluded on 4 Sept. 2012.", "4 Sept. 2012", "2012-09-04", "day", ""),
    ("Talks concluded on August 5 2015.", "August 5 2015", "2015-08-05", "day", ""),
    ("Georgia has served since the late 1990s and since 1999.", "1999", "1999", "year", ""),
]


@pytest.mark.parametrize("sentence,text,iso,precision,modifier", POSITIVE)
def test_dates_expressions(nlp, sentence, text, iso, precision, modifier):
    spans = date_spans(nlp, sentence)
    assert [(s.text, s._.iso, s._.precision, s._.modifier or "") for s in spans] == [(text, iso, precision, modifier)]


def test_dates_years_of_a_calendar_range(nlp):
    spans = date_spans(nlp, "Between 2005 and 2008 Oman trained four battalions.")
    assert [(s.text, s._.iso) for s in spans] == [("2005", "2005"), ("2008", "2008")]


NEGATIVE = [
    "In FY 2020 Zambia bought trucks.",
    "The fiscal year 2021 request rose.",
    "Samoa has hosted the course for 30 years.",
    "Ghana deployed 2,000 personnel to Mali.",
    "Veterans of World War II attended.",
    "The 1990s were turbulent.",
    "Section 2011 of the code applies.",
    "Mongolia received $2,015 in fees.",
    "The mission has 3,000 troops.",
    "Kenya sent 2019 soldiers abroad.",
    "Resolution 2025 was adopted.",
    "Defense spending rose 15 percent.",
    "Title 1990 does not exist.",
    "FY2019-FY2021 budgets rose.",
    "The ship sailed 1500 miles.",
    "The course had 2010 participants.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_dates_not_dates(nlp, sentence):
    assert date_spans(nlp, sentence) == []


def test_dates_sentence_ends_after_a_roman_numeral(nlp):
    doc = nlp("It became independent after World War I. Latvia was annexed in 1940.")
    assert [s.text for s in doc.sents] == ["It became independent after World War I.", "Latvia was annexed in 1940."]
    assert doc.spans["dates"][0].sent.text == "Latvia was annexed in 1940."


def test_dates_eighteenth_century_years(nlp):
    doc = nlp("Morocco recognized the United States in 1777 and signed a treaty in 1786.")
    assert [d._.iso for d in doc.spans["dates"]] == ["1777", "1786"]
