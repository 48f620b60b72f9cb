"""The sheet's subject country from its title or first sentence (factsheets_country)."""
from __future__ import annotations

import pytest


def subject(nlp, text, title=""):
    doc = nlp.make_doc(text)
    doc._.title = title
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    for span in doc.spans["countries"]:
        assert doc.text[span.start_char:span.end_char] == span.text
    return doc._.country, list(doc._.countries or [])


# title, text, country, countries
POSITIVE = [
    ("U.S. Security Cooperation With Ghana", "The United States and Ghana share goals.", "Ghana", ["Ghana"]),
    ("U.S. Security Cooperation With Norway", "Norway hosts allied forces. Sweden joined later.", "Norway", ["Norway"]),
    ("U.S. Security Cooperation With Peru", "Chile and Peru trained together.", "Peru", ["Peru"]),
    ("U.S. Security Cooperation With Côte d'Ivoire", "The alliance grows.", "Côte d'Ivoire", ["Côte d'Ivoire"]),
    ("U.S. Security Cooperation With Bosnia and Herzegovina", "The alliance grows.", "Bosnia and Herzegovina",
     ["Bosnia and Herzegovina"]),
    ("U.S. Security Cooperation With the Republic of Korea", "The alliance grows.", "South Korea", ["South Korea"]),
    ("U.S. Security Cooperation With Mongolia", "The United States works with Mongolia.", "Mongolia", ["Mongolia"]),
    ("Foreign Operations Appropriated Assistance: Armenia", "Armenia is a partner.", "Armenia", ["Armenia"]),
    ("U.S. Security Cooperation With Tunisia", "Libya and Algeria border Tunisia.", "Tunisia", ["Tunisia"]),
    ("U.S. Security Cooperation With Kenya", "", "Kenya", ["Kenya"]),
    ("", "Norway is a founding member of NATO. The United States works with Denmark.", "Norway", ["Norway"]),
    ("", "The United States and Colombia share a long partnership.", "Colombia", ["Colombia"]),
    ("", "The U.S. values its alliance with Japan.", "Japan", ["Japan"]),
    ("", "Relations with the United States are strong. Fiji hosts the center.", "Fiji", ["Fiji"]),
    ("Fact Sheet", "The United States and Jordan have a strategic partnership.", "Jordan", ["Jordan"]),
    ("U.S. Security Cooperation With the Baltic States", "Estonia, Latvia and Lithuania are allies.", "",
     ["Estonia", "Latvia", "Lithuania"]),
    ("", "The Baltic States are steadfast allies.", "", ["Estonia", "Latvia", "Lithuania"]),
    ("", "Estonia, Latvia and Lithuania hosted the exercise.", "", ["Estonia", "Latvia", "Lithuania"]),
    ("U.S. Security Cooperation With the Baltic states", "Latvia hosts a battalion.", "",
     ["Estonia", "Latvia", "Lithuania"]),
    ("U.S. Security Cooperation With Georgia", "Georgia sent troops.", "Georgia", ["Georgia"]),
    ("U.S. Security Cooperation With Morocco", "Morocco, a major non-NATO ally, hosts African Lion.", "Morocco",
     ["Morocco"]),
    ("U.S. Security Cooperation With Chile", "Chile", "Chile", ["Chile"]),
    ("U.S. Security Cooperation with Ecuador", "Ecuador", "Ecuador", ["Ecuador"]),
    ("U.S. Relations With Vietnam", "Vietnam is a partner.", "Vietnam", ["Vietnam"]),
    ("", "The United States and Poland are allies. Germany hosts U.S. forces.", "Poland", ["Poland"]),
    ("U.S. Security Cooperation With Senegal", "The United States and Senegal work together.", "Senegal", ["Senegal"]),
    ("U.S. Security Cooperation With Egypt", "Egypt receives FMF.", "Egypt", ["Egypt"]),
    ("U.S. Security Cooperation With India", "India and the United States are partners.", "India", ["India"]),
    ("U.S. Security Cooperation With the Philippines", "The alliance is old.", "Philippines", ["Philippines"]),
    ("U.S. Security Cooperation With Brazil", "Brazil is large.", "Brazil", ["Brazil"]),
]


@pytest.mark.parametrize("title,text,country,countries", POSITIVE)
def test_country_subject(nlp, title, text, country, countries):
    assert subject(nlp, text, title) == (country, countries)


NEGATIVE = [
    ("U.S. Security Cooperation", "The United States supports its partners."),
    ("", "The United States supports its partners."),
    ("", "The U.S. Department of State issued this sheet."),
    ("Fact Sheet", "America values its allies."),
    ("", "Security cooperation builds partner capacity."),
    ("", ""),
    ("Bureau of Political-Military Affairs", "The United States of America and the USA are the same."),
    ("", "Congress appropriated $5 million."),
    ("", "In FY 2020 the Bureau of Political-Military Affairs reported sales."),
    ("", "The Arms Export Control Act governs sales."),
    ("", "NATO allies met in 2021."),
    ("", "Washington, DC hosted the meeting."),
    ("", "The Department of Defense manages Section 333."),
    ("Remarks", "Thank you all for coming."),
    ("", "The U.S.A. and the US signed."),
]


@pytest.mark.parametrize("title,text", NEGATIVE)
def test_country_none(nlp, title, text):
    assert subject(nlp, text, title) == ("", [])


def test_country_first_sentence_naming_two_takes_the_one_the_sheet_is_about(nlp):
    doc = nlp("Russia's full-scale invasion of Ukraine changed the region. Ukraine has received $5 billion in FMF. "
              "Ukraine also hosts trainers, and Ukraine buys through FMS.")
    assert (doc._.country, doc._.countries) == ("Ukraine", ["Ukraine"])


def test_country_first_sentence_naming_two_equally_leaves_country_empty(nlp):
    doc = nlp("Chile and Peru share a long coast. Both train with U.S. forces.")
    assert (doc._.country, doc._.countries) == ("", ["Chile", "Peru"])
