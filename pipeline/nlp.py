"""Builds the extraction pipeline: blank English, a sentencizer and the factsheets rule components."""
from __future__ import annotations

import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import rules

from . import extensions  # noqa: F401  (registers the extensions first)

# the components register their factories on import
from .components import (  # noqa: E402,F401
    agreements, country, dates, fiscal_years, lexicon, linker, money, paragraphs, programs,
)

PIPELINE = (
    "factsheets_paragraphs",
    "factsheets_lexicon",
    "factsheets_programs",
    "factsheets_money",
    "factsheets_fiscal_years",
    "factsheets_dates",
    "factsheets_agreements",
    "factsheets_linker",
    "factsheets_country",
)


def build_nlp(rules_dir: str | Path | None = None) -> Language:
    """spacy.blank("en") + sentencizer + the factsheets components, patterns read from rules_dir."""
    nlp = spacy.blank("en")
    customize_tokenizer(nlp, rules_dir)
    nlp.add_pipe("sentencizer")
    cfg = {"rules_dir": str(rules_dir or "")}
    for name in PIPELINE:
        nlp.add_pipe(name, config=cfg if "rules_dir" in nlp.get_factory_meta(name).default_config else {})
    return nlp


def customize_tokenizer(nlp: Language, rules_dir: str | Path | None = None) -> None:
    """Add the prefixes, suffixes, infixes and abbreviations of rules/tokenizer.json."""
    cfg = rules.load_json(rules_dir, "tokenizer.json")
    tok = nlp.tokenizer
    defaults = nlp.Defaults
    prefixes = list(cfg.get("prefixes", []))
    for source in cfg.get("prefix_lexicons", []):  # currency symbols split off a number: "NT$606.8"
        prefixes += [row["pattern"] for row in rules.load(rules_dir, source["file"], set(source["labels"]))]
    if prefixes:
        # longest first, so that "NT$" is tried before "$"
        # a symbol ending in a letter ("R" for rand) splits off only before a digit: "R44.6", not "Russia"
        escaped = [re.escape(p) + ("(?=[0-9])" if p[-1:].isalpha() else "")
                   for p in sorted(set(prefixes), key=len, reverse=True)]
        tok.prefix_search = compile_prefix_regex(escaped + list(defaults.prefixes)).search
    if cfg.get("suffixes"):
        tok.suffix_search = compile_suffix_regex(list(cfg["suffixes"]) + list(defaults.suffixes)).search
    if cfg.get("infixes"):
        tok.infix_finditer = compile_infix_regex(list(defaults.infixes) + list(cfg["infixes"])).finditer
    if cfg.get("drop_emoticons", True):
        # spaCy keeps emoticons such as "):" whole; in "Security (PS): FY 2007" that hides the ")"
        tok.rules = {k: v for k, v in tok.rules.items() if any(c.isalnum() for c in k)}
    dropped = set(cfg.get("drop_special_cases", []))
    if dropped:
        tok.rules = {k: v for k, v in tok.rules.items() if k not in dropped}
    for abbr in cfg.get("special_cases", []):
        # lowercase too: phrase patterns matched on LOWER are tokenized in lowercase ("sec. 333")
        for form in {abbr, abbr.lower()}:
            tok.add_special_case(form, [{"ORTH": form}])
