"""Tests for pipeline/clean.py and pipeline/metadata.py: every layout, the text path, odd input."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline import metadata
from pipeline.clean import clean_html, clean_text, load_line_rules, table_paragraphs
from pipeline.document import EmptyDocument, NotADocument
from pipeline.settings import PROJECT_ROOT

LAYOUTS = Path(__file__).parent / "data" / "layouts"
LAYOUT_NAMES = sorted(p.stem for p in LAYOUTS.glob("*.html"))
SHARED = Path(__file__).parents[2] / "shared"
CORPUS = PROJECT_ROOT / "corpus"

BANNER_LINES = [
    "An official website of the United States Government",
    "Official websites use .gov",
    "A .gov website belongs to an official government organization",
    "Secure .gov websites use HTTPS",
    "A lock (",
]

# doc name -> expected metadata of the shared dev sheets saved as text
DEV_TEXT_META = {
    "latvia": dict(title="", bureau="", doc_type="", published=""),
    "baltic-states-2018": dict(title="U.S. Security Cooperation With the Baltic States",
                               bureau="Bureau of Political-Military Affairs",
                               doc_type="Fact Sheet", published="2018-10-26"),
    "moldova-2008": dict(title="Foreign Operations Appropriated Assistance: Moldova",
                         bureau="Bureau of European and Eurasian Affairs",
                         doc_type="Fact Sheet", published="2008-04-11"),
}

# a page whose markup matches no known layout: the density step must find the article
UNKNOWN_LAYOUT_PAGE = """<html><head><title>Partner sheet</title></head><body>
<div class="xq-top"><a href="/">Home</a> <a href="/a">Analysis</a> <a href="/b">Events</a> <a href="/c">About</a></div>
<div class="xq-wrap"><div class="xq-left">
<div class="xq-zz"><p>From FY 2019 to FY 2021 the Department of State provided $12.5 million in Foreign Military Financing to the partner nation.</p>
<p>The partner also received $2.2 million in International Military Education and Training funding over the same period.</p>
<p>Its forces have trained with the Ohio National Guard since 1993 through the State Partnership Program.</p></div>
<div class="xq-yy"><a href="/x">Read next: a short teaser link</a> <a href="/y">Another teaser link here</a></div>
</div><div class="xq-right"><ul><li><a href="/1">Most popular story of the week number one</a></li>
<li><a href="/2">Most popular story of the week number two</a></li></ul></div></div>
<div class="xq-bottom"><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></div>
</body></html>"""


def _expected(name: str) -> dict:
    return json.loads((LAYOUTS / f"{name}.expected.json").read_text(encoding="utf-8"))


def _body(name: str) -> str:
    return (LAYOUTS / f"{name}.body.txt").read_text(encoding="utf-8")


def _clean_layout(name: str, settings):
    return clean_html((LAYOUTS / f"{name}.html").read_bytes(), settings, doc_id=name)


def _assert_paragraph_format(text: str) -> None:
    assert text == text.strip()
    assert "\n\n\n" not in text
    for para in text.split("\n\n"):
        assert para, "empty paragraph"
        assert "\n" not in para
        assert para == " ".join(para.split()), f"uncollapsed whitespace in {para!r}"


# --- layouts ---------------------------------------------------------------------

def test_clean_layout_fixtures_present():
    assert {"statedotgov_current", "archive_2017_2021", "archive_2009_2017", "legacy_pm_fs",
            "webarchive_wrapped", "syndicated_copy"} <= set(LAYOUT_NAMES)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_clean_layout_has_no_boilerplate(name, settings):
    text = _clean_layout(name, settings).text
    leaks = [s for s in _expected(name)["must_not_contain"] if s in text]
    assert not leaks


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_clean_layout_keeps_body_sentences(name, settings):
    text = _clean_layout(name, settings).text
    missed = [s for s in _expected(name)["body_must_contain"] if s not in text]
    assert not missed


@pytest.mark.parametrize("name", LAYOUT_NAMES)
@pytest.mark.parametrize("field", ["title", "bureau", "doc_type", "published", "url", "layout"])
def test_clean_layout_metadata(name, field, settings):
    cleaned = _clean_layout(name, settings)
    assert getattr(cleaned, field) == _expected(name)[field]


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_clean_layout_text_equals_body_file(name, settings):
    assert _clean_layout(name, settings).text == _body(name)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_clean_layout_body_file_cleans_to_itself(name, settings):
    assert clean_text(_body(name), settings).text == _body(name)


@pytest.mark.parametrize("name", LAYOUT_NAMES)
def test_clean_layout_paragraphs_separated_by_one_blank_line(name, settings):
    _assert_paragraph_format(_clean_layout(name, settings).text)


# --- the Latvia page and its browser-saved text ---------------------------------------------

def test_clean_latvia_html_equals_seed_text(settings):
    html = clean_html((CORPUS / "latvia.html").read_bytes(), settings, doc_id="latvia")
    text = clean_text((CORPUS / "latvia-seed.txt").read_text(encoding="utf-8"), settings, doc_id="latvia")
    assert html.text == text.text
    assert html.text.startswith("The U.S. and Latvia share a history")
    assert html.text.endswith("@StateDeptPM.")
    assert (html.title, html.bureau, html.doc_type, html.published, html.url) == (
        "U.S. Security Cooperation With Latvia", "Bureau of Political-Military Affairs", "Fact Sheet",
        "2023-01-20", "https://www.state.gov/u-s-security-cooperation-with-latvia/")


def test_clean_text_seed_drops_banner_and_footer(settings):
    text = clean_text((CORPUS / "latvia-seed.txt").read_text(encoding="utf-8"), settings).text
    assert not any(b in text for b in BANNER_LINES)
    assert "U.S. Department of State" not in text
    assert "The Lessons of 1989" not in text
    assert "For further information, please contact the Bureau of Political-Military Affairs" in text
    _assert_paragraph_format(text)


# --- shared dev sheets saved as text ----------------------------------------------------------

@pytest.mark.parametrize("name", sorted(DEV_TEXT_META))
def test_clean_dev_text_sheets(name, settings):
    path = SHARED / "dev" / "docs" / f"{name}.txt"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    cleaned = clean_text(path.read_text(encoding="utf-8"), settings, doc_id=name)
    assert not any(b in cleaned.text for b in BANNER_LINES)
    for field, value in DEV_TEXT_META[name].items():
        assert getattr(cleaned, field) == value, field
    # header lines are metadata, not text
    for value in DEV_TEXT_META[name].values():
        if value and not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            assert not any(p == value for p in cleaned.text.split("\n\n"))
    _assert_paragraph_format(cleaned.text)


def test_clean_text_moldova_keeps_sheet_lines_and_drops_navigation(settings):
    path = SHARED / "dev" / "docs" / "moldova-2008.txt"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    text = clean_text(path.read_text(encoding="utf-8"), settings).text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Fiscal Year (FY) 2007: $17.77 Million (M) ($16M FSA, $1.77M Other)"
    assert "Estimate FY 2008: $15.23M ($14.18M FSA, $1.04M Other)" in paragraphs
    assert any(p.startswith("Assistance Goals: ") for p in paragraphs)
    assert paragraphs[-1] == "Peace and Security (PS): FY 2007: $3.05M; Est. FY 2008: $2.35M"
    for junk in ("Skip Links", "You are in:", "Daily Press Briefing", "Subject Index", "Video",
                 "U.S. Department of State", "Get Acrobat Reader", "Washington, DC", "April 11, 2008"):
        assert junk not in text


# --- odd input ------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n", "", "  \n  ", b"<html><body>  </body></html>",
                                  "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"])
def test_clean_empty_input_raises_empty_document(data, settings):
    with pytest.raises(EmptyDocument, match="empty document"):
        clean_html(data, settings, doc_id="empty")


@pytest.mark.parametrize("data", [b"", "\n \n"])
def test_clean_text_empty_input_raises_empty_document(data, settings):
    with pytest.raises(EmptyDocument):
        clean_text(data, settings)


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
])
def test_clean_binary_input_raises(data, settings):
    with pytest.raises((EmptyDocument, NotADocument)):
        clean_html(data, settings, doc_id="binary")


@pytest.mark.parametrize("fragment", [
    "<div><p>Unclosed <b>bold <i>and italic <table><tr><td>cell",
    "<<<>>> </p></div></body> <p <p <a href=>",
    "<html><body>" + "<div>" * 3000 + "<p>Deep text that still counts as content for the cleaner.</p>",
    "<html><body><p>Text with a \x00 NUL in the middle</p></body></html>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>XHTML page with a declaration and enough text in it.</p></body></html>",
    b"<html><body><p>Latin-1 bytes \xe9\xe8 undeclared, and more words to make a paragraph.</p></body></html>",
])
def test_clean_broken_html_does_not_crash(fragment, settings):
    try:
        cleaned = clean_html(fragment, settings, doc_id="broken")
    except (EmptyDocument, NotADocument):
        return
    _assert_paragraph_format(cleaned.text)


def test_clean_declared_charset_is_used(settings):
    page = "<html><head><meta charset='windows-1251'></head><body><p>Полковник Петренко прибув до Варшави на навчання НАТО.</p></body></html>"
    cleaned = clean_html(page.encode("windows-1251"), settings)
    assert "Полковник Петренко" in cleaned.text


def test_clean_latin1_page_reads_windows_1252_punctuation(settings):
    page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head><body><div id='centerblock'><p>Georgia\x92s forces \x96 trained at Krtsanisi &#146;08.</p></div></body></html>"
    assert clean_html(page, settings).text == "Georgia\u2019s forces \u2013 trained at Krtsanisi \u201908."


def test_clean_unknown_layout_falls_back_to_density(settings):
    cleaned = clean_html(UNKNOWN_LAYOUT_PAGE, settings, doc_id="unknown")
    assert cleaned.layout == "density"
    assert cleaned.text.startswith("From FY 2019 to FY 2021 the Department of State provided $12.5 million")
    assert cleaned.text.endswith("through the State Partnership Program.")
    for junk in ("Analysis", "teaser", "Most popular", "Privacy"):
        assert junk not in cleaned.text


def test_clean_short_page_falls_back_to_body_text(settings):
    page = "<html><body><nav><a href='/'>Home</a></nav><p>Only one short line of text.</p><footer>Footer text</footer></body></html>"
    cleaned = clean_html(page, settings)
    assert cleaned.layout == "body"
    assert cleaned.text == "Only one short line of text."


def test_clean_html_given_plain_text_uses_text_path(settings):
    cleaned = clean_html("Fact Sheet\nOffice of the Spokesperson\nMay 3, 2021\n\nThe body line.\n", settings)
    assert (cleaned.text, cleaned.layout, cleaned.doc_type, cleaned.published) == (
        "The body line.", "text", "Fact Sheet", "2021-05-03")


# --- tables ------------------------------------------------------------------------------

def _table(markup: str):
    import lxml.html
    return lxml.html.fragment_fromstring(markup)


def test_clean_table_rows_keep_figures_next_to_labels():
    table = _table(
        "<table><caption>Security assistance</caption>"
        "<tr><td colspan='3'>($ in thousands)</td></tr>"
        "<tr><th>Account</th><th>FY 2007</th><th>FY 2008 Estimate</th></tr>"
        "<tr><td>Foreign Military Financing</td><td>146,301</td><td>150,000</td></tr>"
        "<tr><td>IMET</td><td>2,000</td><td></td></tr></table>")
    assert table_paragraphs(table) == [
        "Security assistance",
        "($ in thousands)",
        "Foreign Military Financing: FY 2007: 146,301; FY 2008 Estimate: 150,000",
        "IMET: FY 2007: 2,000",
    ]


def test_clean_table_unit_note_heading_the_label_column_is_kept():
    table = _table("<table><thead><tr><th>($ in thousands)</th><th>FY 2010 Actual</th></tr></thead>"
                   "<tbody><tr><td>FMF</td><td>55,000</td></tr></tbody></table>")
    assert table_paragraphs(table) == ["($ in thousands)", "FMF: FY 2010 Actual: 55,000"]


def test_clean_table_without_header_row():
    table = _table("<table><tr><td>Peace and Security</td><td>$3.05M</td><td>$2.35M</td></tr></table>")
    assert table_paragraphs(table) == ["Peace and Security: $3.05M; $2.35M"]


def test_clean_table_header_detected_without_th():
    table = _table("<table><tr><td>Program</td><td>FY 2020</td><td>FY 2021</td></tr>"
                   "<tr><td>FMF</td><td>$4.0 million</td><td>$5.5 million</td></tr></table>")
    assert table_paragraphs(table) == ["FMF: FY 2020: $4.0 million; FY 2021: $5.5 million"]


def test_clean_layout_table_is_not_rendered_as_rows(settings):
    long_para = "The United States provided $5 million in Foreign Military Financing in FY 2020. " * 4
    page = (f"<html><body><table><tr><td><ul><li><a href='/'>Home</a></li></ul></td>"
            f"<td><div id='centerblock'><p>{long_para}</p></div></td></tr></table></body></html>")
    assert clean_html(page, settings).text == long_para.strip()


# --- metadata helpers ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, iso", [
    ("October 26, 2018", "2018-10-26"), ("Sept. 3, 2019", "2019-09-03"), ("26 Oct 2018", "2018-10-26"),
    ("2023-01-20T21:05:10+00:00", "2023-01-20"), ("Washington, DC June 14, 2016", "2016-06-14"),
    ("no date here", ""), ("February 30, 2020", ""),
])
def test_clean_metadata_parse_date(raw, iso):
    assert metadata.parse_date(raw) == iso


@pytest.mark.parametrize("url, original", [
    ("https://web.archive.org/web/20131104021530/http://www.state.gov/t/pm/rls/fs/2013/211587.htm",
     "http://www.state.gov/t/pm/rls/fs/2013/211587.htm"),
    ("https://webarchive.library.unt.edu/eot2008/20081025010352/http://www.state.gov/p/eur/rls/fs/103478.htm",
     "http://www.state.gov/p/eur/rls/fs/103478.htm"),
    ("https://www.state.gov/u-s-security-cooperation-with-latvia/", "https://www.state.gov/u-s-security-cooperation-with-latvia/"),
])
def test_clean_metadata_unwraps_archive_urls(url, original):
    assert metadata.unwrap_archive_url(url) == original


def test_clean_boilerplate_rules_load(settings):
    line_rules = load_line_rules(settings.rules_dir)
    assert {r.label for r in line_rules} >= {"DROP", "NAV", "STOP", "DOC_TYPE"}
    assert {r.match for r in line_rules} <= {"line", "prefix", "regex"}


def test_clean_text_header_lines_inside_article_stay_text(settings):
    text = ("The partner received $4 million in Foreign Military Financing in FY 2020 for border security.\n"
            "Report\nMarch 3, 2020\nThe second paragraph follows here.\n")
    cleaned = clean_text(text, settings)
    assert cleaned.published == "" and cleaned.doc_type == ""
    assert cleaned.text.split("\n\n")[1:3] == ["Report", "March 3, 2020"]


def test_clean_marks_the_paragraphs_rendered_from_table_rows(settings):
    page = ("<html><body><article><p>The United States supports the armed forces of the country with training "
            "and equipment, as the table below shows in detail for two fiscal years.</p>"
            "<table><tr><th>($ in thousands)</th><th>FY 2010</th><th>FY 2011</th></tr>"
            "<tr><td>FMF</td><td>55,000</td><td>47,904</td></tr><tr><td>IMET</td><td>1,695</td><td>1,400</td></tr>"
            "</table></article></body></html>")
    cleaned = clean_html(page, settings)
    rows = [cleaned.text[start:end] for _, start, end in cleaned.table_rows]
    assert rows == ["FMF: FY 2010: 55,000; FY 2011: 47,904", "IMET: FY 2010: 1,695; FY 2011: 1,400"]
    assert {number for number, _, _ in cleaned.table_rows} == {0}


def test_clean_text_rejoins_hard_wrapped_paragraphs(settings):
    wrapped = (
        "From FY 2017 through FY 2019 the Department of State provided $45 million in\n"
        "Foreign Military Financing (FMF) to the country, as well as $3 million in\n"
        "International Military Education and Training (IMET) for its officer corps\n"
        "and noncommissioned officers.\n"
        "\n"
        "Since 2015 the two militaries have trained together, and from FY 2018\n"
        "through FY 2020 DoD provided $12 million under Section 333.\n"
    )
    text = clean_text(wrapped, settings).text
    assert text.split("\n\n") == [
        "From FY 2017 through FY 2019 the Department of State provided $45 million in Foreign Military Financing "
        "(FMF) to the country, as well as $3 million in International Military Education and Training (IMET) for "
        "its officer corps and noncommissioned officers.",
        "Since 2015 the two militaries have trained together, and from FY 2018 through FY 2020 DoD provided "
        "$12 million under Section 333.",
    ]


def test_clean_text_keeps_lines_that_are_not_wrapped(settings):
    lines = ("Fiscal Year (FY) 2007: $17.77 Million (M) ($16M FSA, $1.77M Other)\n"
             "Estimate FY 2008: $15.23M ($14.18M FSA, $1.04M Other)\n"
             "Peace and Security (PS): FY 2007: $3.05M; Est. FY 2008: $2.35M\n")
    assert clean_text(lines, settings).text.split("\n\n") == lines.strip().split("\n")
