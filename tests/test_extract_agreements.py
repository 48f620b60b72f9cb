"""Named agreements with acronym and year (factsheets_agreements)."""
from __future__ import annotations

import pytest


def agreement_spans(nlp, text):
    doc = nlp(text)
    spans = list(doc.spans["agreements"])
    for span in spans:
        assert doc.text[span.start_char:span.end_char] == span.text
    return spans


def rows(spans):
    return [(s.text, s._.name, s._.acronym or "", s._.year) for s in spans]


# sentence, mention text, name, acronym, year
POSITIVE = [
    ("In 2015 the two governments concluded an Enhanced Defense Cooperation Agreement (EDCA).",
     "Enhanced Defense Cooperation Agreement (EDCA)", "Enhanced Defense Cooperation Agreement", "EDCA", 2015),
    ("Ghana and the United States have a Status of Forces Agreement (SOFA) (1998).",
     "Status of Forces Agreement (SOFA) (1998)", "Status of Forces Agreement", "SOFA", 1998),
    ("Peru is bound by a Mutual Defense Treaty (1952).",
     "Mutual Defense Treaty (1952)", "Mutual Defense Treaty", "", 1952),
    ("Chile signed a Reciprocal Defense Procurement Memorandum of Understanding (2019).",
     "Reciprocal Defense Procurement Memorandum of Understanding (2019)",
     "Reciprocal Defense Procurement Memorandum of Understanding", "", 2019),
    ("The two sides signed an Agreement concerning the status of personnel (2003).",
     "Agreement concerning the status of personnel (2003)", "Agreement concerning the status of personnel", "", 2003),
    ("Norway and the U.S. signed a Supplementary Defense Cooperation Agreement in 2021.",
     "Supplementary Defense Cooperation Agreement", "Supplementary Defense Cooperation Agreement", "", 2021),
    ("Kenya signed a Logistics Support Arrangement (LSA) (2016).",
     "Logistics Support Arrangement (LSA) (2016)", "Logistics Support Arrangement", "LSA", 2016),
    ("The partners adopted a Security Cooperation Roadmap (2020).",
     "Security Cooperation Roadmap (2020)", "Security Cooperation Roadmap", "", 2020),
    ("Both navies follow the Code of Conduct Accord.",
     "Code of Conduct Accord", "Code of Conduct Accord", "", None),
    ("The ministers issued a Joint Declaration on Defense Cooperation.",
     "Joint Declaration on Defense Cooperation", "Joint Declaration on Defense Cooperation", "", None),
    ("The Defense Framework Agreement (DFA) guides planning.",
     "Defense Framework Agreement (DFA)", "Defense Framework Agreement", "DFA", None),
    ("Oman signed a Memorandum of Agreement on Logistics Support (MOA).",
     "Memorandum of Agreement on Logistics Support (MOA)", "Memorandum of Agreement on Logistics Support", "MOA", None),
    ("In 2018 Mongolia and the United States signed a Statement of Intent on Peacekeeping.",
     "Statement of Intent on Peacekeeping", "Statement of Intent on Peacekeeping", "", 2018),
    ("Jordan concluded a General Security of Military Information Agreement (GSOMIA) (2006).",
     "General Security of Military Information Agreement (GSOMIA) (2006)",
     "General Security of Military Information Agreement", "GSOMIA", 2006),
    ("The Acquisition and Cross-Servicing Agreement (ACSA) was renewed.",
     "Acquisition and Cross-Servicing Agreement (ACSA)", "Acquisition and Cross-Servicing Agreement", "ACSA", None),
    ("Ghana signed a Bilateral Framework for Security Cooperation (2015).",
     "Bilateral Framework for Security Cooperation (2015)", "Bilateral Framework for Security Cooperation", "", 2015),
    ("The Pacific Maritime Pact binds five states.",
     "Pacific Maritime Pact", "Pacific Maritime Pact", "", None),
    ("Fiji signed a Shiprider Agreement in 2011.",
     "Shiprider Agreement", "Shiprider Agreement", "", 2011),
    ("The Visiting Forces Agreement (VFA) (1999) covers exercises.",
     "Visiting Forces Agreement (VFA) (1999)", "Visiting Forces Agreement", "VFA", 1999),
    ("India signed the Basic Exchange and Cooperation Agreement (BECA) in 2020.",
     "Basic Exchange and Cooperation Agreement (BECA)", "Basic Exchange and Cooperation Agreement", "BECA", 2020),
    ("Morocco has a Security of Supply Arrangement (SOSA) (2023).",
     "Security of Supply Arrangement (SOSA) (2023)", "Security of Supply Arrangement", "SOSA", 2023),
    ("Peru signed a Letter of Intent on Cyber Defense (2017).",
     "Letter of Intent on Cyber Defense (2017)", "Letter of Intent on Cyber Defense", "", 2017),
    ("Tunisia adopted a Plan of Action (2014) with NATO.",
     "Plan of Action (2014)", "Plan of Action", "", 2014),
    ("The United States and Laos signed a Comprehensive Partnership Agreement (2016).",
     "Comprehensive Partnership Agreement (2016)", "Comprehensive Partnership Agreement", "", 2016),
    ("The Agreement regarding the training of cadets (2009) is in force.",
     "Agreement regarding the training of cadets (2009)", "Agreement regarding the training of cadets", "", 2009),
    ("Mali signed an Exchange of Notes on Defense Articles (2004).",
     "Exchange of Notes on Defense Articles (2004)", "Exchange of Notes on Defense Articles", "", 2004),
    ("Jamaica signed a Defense Cooperation Agreement (DCA) (2012).",
     "Defense Cooperation Agreement (DCA) (2012)", "Defense Cooperation Agreement", "DCA", 2012),
    ("Albania signed a Communications Compatibility and Security Agreement (COMCASA) (2018).",
     "Communications Compatibility and Security Agreement (COMCASA) (2018)",
     "Communications Compatibility and Security Agreement", "COMCASA", 2018),
    ("Our two countries ratified a Mutual Logistics Support Agreement (MLSA) in 2007.",
     "Mutual Logistics Support Agreement (MLSA)", "Mutual Logistics Support Agreement", "MLSA", 2007),
    ("Since 2013 Brazil has applied the Defense Cooperation Treaty.",
     "Defense Cooperation Treaty", "Defense Cooperation Treaty", "", 2013),
    ("Peru signed a Letter of Intent on defense cooperation in 2018.",
     "Letter of Intent on defense cooperation", "Letter of Intent on defense cooperation", "", 2018),
]


@pytest.mark.parametrize("sentence,text,name,acronym,year", POSITIVE)
def test_agreements_mentions(nlp, sentence, text, name, acronym, year):
    assert rows(agreement_spans(nlp, sentence)) == [(text, name, acronym, year)]


def test_agreements_list_separated_by_semicolons(nlp):
    text = ("Tonga and the United States have the following agreements: a Status of Forces Agreement (2002); "
            "an Acquisition and Cross-Servicing Agreement (ACSA) (2011); and a Shiprider Agreement (2013).")
    assert [(s._.name, s._.acronym or "", s._.year) for s in agreement_spans(nlp, text)] == [
        ("Status of Forces Agreement", "", 2002),
        ("Acquisition and Cross-Servicing Agreement", "ACSA", 2011),
        ("Shiprider Agreement", "", 2013),
    ]


def test_agreements_list_separated_by_commas(nlp):
    text = "Cabo Verde has a Status of Forces Agreement (2009), a Shiprider Agreement (2011), and a Defense Cooperation Agreement (2018)."
    assert [(s._.name, s._.year) for s in agreement_spans(nlp, text)] == [
        ("Status of Forces Agreement", 2009), ("Shiprider Agreement", 2011), ("Defense Cooperation Agreement", 2018),
    ]


def test_agreements_clause_year_only_for_a_single_agreement(nlp):
    text = "In 2010 Peru signed a Status of Forces Agreement and a Shiprider Agreement."
    assert [(s._.name, s._.year) for s in agreement_spans(nlp, text)] == [
        ("Status of Forces Agreement", None), ("Shiprider Agreement", None),
    ]


NEGATIVE = [
    "Estonia has fully met its 2014 Wales Pledge.",
    "The U.S.-Baltic Dialogue meets each year.",
    "Ghana joined the Global Peace Operations Initiative.",
    "Purchases are governed by the Arms Export Control Act.",
    "Kenya is a member of the North Atlantic Treaty Organization.",
    "The two governments signed the agreement in 2010.",
    "They have several defense-related agreements.",
    "Peru hosted the Resolute Sentinel exercise.",
    "The State Partnership Program links Ghana with a National Guard.",
    "Chile takes part in Operation Atlantic Resolve.",
    "The Roadmap was discussed in Lima.",
    "The ministers agreed on a framework for talks.",
    "The Foreign Assistance Act authorizes the program.",
    "Benin joined the Treaty Organization summit as an observer of the Alliance.",
    "Both sides reached an understanding on training.",
    "The Declaration Committee met in Accra.",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_agreements_not_agreements(nlp, sentence):
    assert agreement_spans(nlp, sentence) == []


def test_agreements_comma_list_takes_each_year_that_follows_its_name(nlp):
    doc = nlp("Chile and the United States signed the Mutual Defense Treaty (MDT) in 1951, the Visiting Forces "
              "Agreement (VFA) in 1998, and the Enhanced Defense Cooperation Agreement (EDCA) was signed in 2014.")
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == [
        ("Mutual Defense Treaty", "MDT", 1951),
        ("Visiting Forces Agreement", "VFA", 1998),
        ("Enhanced Defense Cooperation Agreement", "EDCA", 2014),
    ]


def test_agreements_year_written_before_the_name(nlp):
    doc = nlp("Aid flows under the 2016 Memorandum of Understanding (MOU) between the two governments.")
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == [
        ("Memorandum of Understanding", "MOU", 2016)]


def test_agreements_a_name_never_starts_lowercase(nlp):
    doc = nlp("The ten-year MOU signed in September 2016 commits $38 billion in military assistance.")
    assert list(doc.spans["agreements"]) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("They signed a Research, Development, Test and Evaluation (RDT&E) agreement in 2015.",
         ["Research, Development, Test and Evaluation agreement"]),
        ("Peru holds a Status of Forces Agreement, Defense Cooperation Agreement, and Acquisition and "
         "Cross-Servicing Agreement with the United States.",
         ["Status of Forces Agreement", "Defense Cooperation Agreement", "Acquisition and Cross-Servicing Agreement"]),
    ],
)
def test_agreements_commas_inside_a_name_and_between_names(nlp, text, names):
    doc = nlp(text)
    assert [a._.name for a in doc.spans["agreements"]] == names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In 2009 they signed the Supplemental Agreement for Cooperation and Technical Assistance in Defense and "
         "Security, which a court later reviewed.",
         [("Supplemental Agreement for Cooperation and Technical Assistance in Defense and Security", "", 2009)]),
        ("In April 2012, the two governments adopted a Plan of Action on Regional Security Cooperation to coordinate "
         "training.", [("Plan of Action on Regional Security Cooperation", "", 2012)]),
        ("Ties are guided by the 2011 Memorandum of Understanding on Advancing Bilateral Defense Cooperation and the "
         "Joint Vision Statement on Defense Relations (2015).",
         [("Memorandum of Understanding on Advancing Bilateral Defense Cooperation", "", 2011),
          ("Joint Vision Statement on Defense Relations", "", 2015)]),
        ("Cooperation continues under the Military Assistance Agreement of 1952 and later arrangements.",
         [("Military Assistance Agreement", "", 1952)]),
        ("They rely on a Memorandum on Deepening the Defense and Security Partnership (2016).",
         [("Memorandum on Deepening the Defense and Security Partnership", "", 2016)]),
        ("Ties rest on the Enhanced Defense Cooperation Agreement (EDCA), which the two countries signed on "
         "August 15, 2020, and a later roadmap.", [("Enhanced Defense Cooperation Agreement", "EDCA", 2020)]),
    ],
)
def test_agreements_capitalised_tails_and_years_after_the_name(nlp, text, expected):
    doc = nlp(text)
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In 2015 the six countries adopted the Joint Declaration of Partnership and Cooperation, which set up "
         "the forum.", [("Joint Declaration of Partnership and Cooperation", "", 2015)]),
        ("They signed a Liaison Officer Memorandum of Agreement (LNO MOA) (2020).",
         [("Liaison Officer Memorandum of Agreement", "LNO MOA", 2020)]),
        ("The Industrial Security Annex (ISA) followed in 2019.", [("Industrial Security Annex", "ISA", 2019)]),
        ("Foundational Defense Agreements\n\nThe two sides meet yearly.", []),
        ("The Agreement of the two sides is pending.", []),
    ],
)
def test_agreements_of_tails_spaced_acronyms_and_plural_headings(nlp, text, expected):
    doc = nlp(text)
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Armenia's Millennium Challenge Compact (2006) funds roads.", [("Millennium Challenge Compact", "", 2006)]),
        ("Leaders endorsed the Declaration on U.S.-Pacific Partnership in September 2022.",
         [("Declaration on U.S.-Pacific Partnership", "", 2022)]),
        ("The alliance rests on a U.S. treaty and a NATO agreement.", []),
        ("They concluded a Section 505 agreement.", [("Section 505 agreement", "", None)]),
    ],
)
def test_agreements_possessives_months_and_lowercase_heads(nlp, text, expected):
    doc = nlp(text)
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ukraine joined the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) in 1994.",
         [("Treaty on the Non-Proliferation of Nuclear Weapons", "NPT", 1994)]),
        ("They follow the Joint Statement of the U.S.-Japan Security Consultative Committee (2022).",
         [("Joint Statement of the U.S.-Japan Security Consultative Committee", "", 2022)]),
        ("Cooperation rests on the Military Assistance Agreement of April 17, 1952.",
         [("Military Assistance Agreement", "", 1952)]),
        ("The ministries signed a Memorandum of Understanding (MOU) on Cyber Defense in mid-2022.",
         [("Memorandum of Understanding on Cyber Defense", "MOU", 2022)]),
        ("The 1786 Treaty of Peace and Friendship, renegotiated in 1836, still stands.",
         [("Treaty of Peace and Friendship", "", 1786)]),
    ],
)
def test_agreements_hyphenated_tails_dated_of_and_names_after_acronyms(nlp, text, expected):
    doc = nlp(text)
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thailand signed the 1954 Manila Pact (Southeast Asia Collective Defense Treaty) and the Thanat-Rusk "
         "Communiqué (1962).", [("Manila Pact", "", 1954), ("Southeast Asia Collective Defense Treaty", "", 1954),
                                ("Thanat-Rusk Communiqué", "", 1962)]),
        ("Forces train in combined exercises such as Shared Accord and Operation Desert Accord.", []),
        ("They deepen defense cooperation through a Reciprocal Defense Procurement Agreement.",
         [("Reciprocal Defense Procurement Agreement", "", None)]),
    ],
)
def test_agreements_communiques_alternative_names_and_exercises(nlp, text, expected):
    doc = nlp(text)
    assert [(a._.name, a._.acronym, a._.year) for a in doc.spans["agreements"]] == expected
