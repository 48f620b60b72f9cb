"""Every rules file loads and compiles; an analyst's new programme or currency is picked up at run time."""
from __future__ import annotations

import json
import shutil

import pytest

from pipeline import rules
from pipeline.components.patterns import PatternSet
from pipeline.nlp import build_nlp
from pipeline.normalise import format_number
from pipeline.settings import DEFAULT_RULES

JSONL = sorted(p.name for p in DEFAULT_RULES.glob("*.jsonl"))
JSON = sorted(p.name for p in DEFAULT_RULES.glob("*.json"))


def test_rules_directory_has_files():
    assert "money.jsonl" in JSONL and "programs.jsonl" in JSONL and "tokenizer.json" in JSON


@pytest.mark.parametrize("name", JSONL)
def test_rules_jsonl_parses_and_compiles(nlp, name):
    rows = rules.load(None, name)
    assert rows, f"{name} is empty"
    for row in rows:
        assert isinstance(row["label"], str) and row["label"]
    token_rows = [r for r in rows if isinstance(r["pattern"], list)]
    # every token pattern passes spaCy's Matcher validation
    PatternSet(nlp, token_rows, source=name)


@pytest.mark.parametrize("name", JSON)
def test_rules_json_parses(name):
    assert isinstance(rules.load_json(None, name), dict)


def test_rules_bad_pattern_names_the_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "X", "pattern": 5}\n', encoding="utf-8")
    with pytest.raises(rules.RulesError, match="bad.jsonl:1"):
        rules.read_jsonl(bad)


@pytest.fixture
def rules_copy(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES, copy)
    return copy


def append(path, *rows):
    with path.open("a", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def test_rules_new_programme_and_currency_at_run_time(rules_copy):
    append(rules_copy / "programs.jsonl",
           {"label": "PROGRAM", "pattern": "coastal resilience fund", "id": "CRF"},
           {"label": "PROGRAM", "pattern": [{"ORTH": "CRF"}], "id": "CRF"})
    append(rules_copy / "currencies.jsonl",
           {"label": "CURRENCY_SYMBOL", "pattern": "₴", "id": "UAH"},
           {"label": "CURRENCY_CODE", "pattern": "UAH", "id": "UAH"},
           {"label": "CURRENCY_WORD", "pattern": "hryvnias", "id": "UAH"})
    nlp = build_nlp(rules_dir=rules_copy)
    doc = nlp("In FY 2021, Fiji received $4 million from the Coastal Resilience Fund. "
              "Ukraine spent ₴120 million and UAH 5 billion and 30 million hryvnias on CRF projects.")
    got = [(s.text, format_number(s._.value), s._.currency, s._.program, s._.fy_start) for s in doc.spans["money"]]
    assert got == [
        ("$4 million", "4000000", "USD", "CRF", 2021),
        ("₴120 million", "120000000", "UAH", "CRF", None),
        ("UAH 5 billion", "5000000000", "UAH", "CRF", None),
        ("30 million hryvnias", "30000000", "UAH", "CRF", None),
    ]
    for s in doc.spans["money"]:
        assert doc.text[s.start_char:s.end_char] == s.text


def test_rules_copy_leaves_default_pipeline_alone(nlp, rules_copy):
    append(rules_copy / "programs.jsonl", {"label": "PROGRAM", "pattern": "coastal resilience fund", "id": "CRF"})
    build_nlp(rules_dir=rules_copy)
    doc = nlp("Fiji received $4 million from the Coastal Resilience Fund.")
    assert [s._.program for s in doc.spans["money"]] == [""]


def test_rules_new_table_unit_note_at_run_time(rules_copy):
    append(rules_copy / "money.jsonl",
           {"label": "UNIT_NOTE", "pattern": [{"LOWER": "figures"}, {"LOWER": "in"}, {"_": {"fs_lex": "SCALE"}},
                                              {"LOWER": "of"}, {"_": {"fs_lex": "CURRENCY_WORD"}}]})
    nlp = build_nlp(rules_dir=rules_copy)
    doc = nlp("Figures in millions of euros\n\nEuropean Peace Facility: 2022: 12; 2023: 40")
    assert [(s.text, format_number(s._.value), s._.currency) for s in doc.spans["money"]] == [
        ("12", "12000000", "EUR"), ("40", "40000000", "EUR"),
    ]
