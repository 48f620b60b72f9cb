"""Selectors as data: where each state.gov layout keeps its article, metadata and boilerplate."""
from __future__ import annotations


def _cls(name: str) -> str:
    """XPath test for one whole class token (`entry-content`, not `entry-content-wide`)."""
    # the plain contains() first: it is cheap and rules out nearly every element
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"


# --- step 1: archive wrappers ------------------------------------------------
# Web-archive toolbars injected around a captured page (Wayback Machine and the
# End of Term / UNT archives that reuse its replay software).
ARCHIVE_WRAPPER = [
    "//*[@id='wm-ipp-base']",
    "//*[@id='wm-ipp']",
    "//*[@id='wm-ipp-print']",
    "//*[@id='donato']",
    "//*[@id='wm-capinfo']",
    "//*[@id='eot-banner']",
]
# The original address of a capture, as the toolbar states it.
ARCHIVE_ORIGINAL_URL = [
    "//input[@id='wmtbURL']/@value",
]
# "ARCHIVED CONTENT" notices the archive sites put above the article.
ARCHIVE_NOTICE = [
    f"//*[{_cls('archive-notice')}]",
    f"//*[{_cls('archived-content')}]",
    f"//*[{_cls('archive-banner')}]",
    "//*[@id='archive-banner']",
    "//*[@id='archive-notice']",
]
# Text nodes opening a notice; their smallest block ancestor is removed.
ARCHIVE_NOTICE_TEXT = [
    "//text()[starts-with(normalize-space(.), 'ARCHIVED CONTENT')]",
    "//text()[starts-with(normalize-space(.), 'This is archived content from the U.S. Department of State')]",
]

# --- removed from every page before any container is chosen --------------------
DISCARD_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
    "canvas", "button", "input", "select", "textarea",
)
DISCARD = [
    "//*[@hidden]",
    f"//*[{_cls('usa-banner')}]",
    f"//*[{_cls('usa-skipnav')}]",
    f"//*[{_cls('skip-link')}]",
    "//*[@id='skip' or @id='skiplinks' or @id='skip-links']",
    f"//*[{_cls('__cf_email__')}]",
]

# --- step 2: known article containers, most specific first ----------------------
# (layout name, XPaths tried in order). The first element found with enough text wins.
ARTICLE_LAYOUTS = [
    # 2017-2021 archive (2017-2021.state.gov, content.state.gov): WordPress theme
    # of that period, body in div.article__body under div.archive-article.
    ("archive-2017", [
        f"//div[{_cls('archive-article')}]//div[{_cls('article__body')}]",
    ]),
    # Today's www.state.gov (WordPress): the article body is div.entry-content.
    ("state.gov", [
        f"//article//div[{_cls('entry-content')}]",
        f"//main//div[{_cls('entry-content')}]",
        f"//div[{_cls('entry-content')}]",
    ]),
    # 2009-2017 template (2009-2017.state.gov and state.gov of those years).
    ("archive-2009", [
        "//div[@id='tier3-content']//div[@id='innercontent']",
        "//div[@id='innercontent']",
    ]),
    # Pre-2009 release pages (state.gov/t/pm/rls/fs/..., /p/eur/rls/fs/...):
    # header lines and body together in #centerblock (or .l-wrap .l-content).
    ("legacy-fs", [
        "//div[@id='centerblock']",
        f"//div[{_cls('l-wrap')}]//div[{_cls('l-content')}]",
    ]),
]

# Inside a known container: blocks that are never article text.
CONTAINER_DISCARD = [
    ".//nav", ".//aside", ".//footer", ".//form",
    f".//*[{_cls('share')} or {_cls('social-share')} or {_cls('a2a_kit')} or {_cls('addthis_toolbox')}]",
    f".//*[{_cls('related-articles')} or {_cls('related')} or {_cls('related-content')}]",
    ".//*[@id='related' or @id='share' or @id='breadcrumb' or @id='breadcrumbs']",
    f".//*[{_cls('breadcrumb')} or {_cls('breadcrumbs')}]",
    f".//*[{_cls('tags')} or {_cls('post-tags')}]",
]

# --- step 3: content density -----------------------------------------------------
# Tags whose subtrees are never the article (and count against an ancestor).
DENSITY_BAD_TAGS = ("nav", "footer", "aside", "header", "form", "menu")
# Class/id words that mark non-article blocks, and words that mark the article.
# Matched as regular expressions against "class id" of an element (lowercased).
NEGATIVE_NAMES = (
    r"nav|menu|footer|share|social|related|sidebar|breadcrumb|banner|comment|promo|"
    r"newsletter|subscribe|advert|sponsor|widget|popup|modal|cookie|masthead|toolbar|"
    r"skip|tags|most-read|mostread|trending|recommend|teaser|signup|author-bio|"
    r"site-header|page-header|disclaimer"
)
POSITIVE_NAMES = r"article|body|content|entry|main|post|story|text|prose|release"
# Elements whose own text counts as paragraph text.
PARAGRAPH_TAGS = ("p", "pre", "blockquote", "li", "td", "dd", "h2", "h3", "h4")
CANDIDATE_TAGS = ("div", "section", "article", "main", "td", "body")

# --- step 4 and shared rendering -----------------------------------------------------
# Removed from <body> for the last-resort text.
BODY_DISCARD = [
    "//nav", "//footer", "//aside", "//header", "//form",
    f"//*[{_cls('menu')} or {_cls('nav')} or {_cls('navigation')} or {_cls('footer')}]",
    "//*[@id='nav' or @id='header' or @id='footer' or @id='menu' or @id='navigation']",
]
# Tags that start a new paragraph when rendering text.
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "br", "html",
})
# Inside a table cell, these mean the table is page layout, not data.
LAYOUT_TABLE_MARKERS = ".//table|.//div|.//ul|.//ol|.//h1|.//h2|.//h3"

# --- metadata --------------------------------------------------------------------------
# Strong selectors beat the header lines of the body; weak ones only fill gaps.
TITLE = [
    f"//h1[{_cls('featured-content__headline')}]",
    "//*[@id='doctitle']",
    "/html/head/meta[@property='og:title']/@content",
    "/html/head/meta[@name='twitter:title']/@content",
]
TITLE_WEAK = ["/html/head/title", "//h1"]
URL = [
    "/html/head/link[@rel='canonical']/@href",
    "/html/head/meta[@property='og:url']/@content",
]
BUREAU = [
    f"//*[{_cls('article-meta__author-bureau')}]",
    f"//*[@id='doc-meta']//*[{_cls('bureau')}]",
    "/html/head/meta[@name='bureau']/@content",
]
DOC_TYPE = [
    f"//*[{_cls('article-meta__content-type')}]",
    f"//*[@id='doc-meta']//*[{_cls('doctype')}]",
    "/html/head/meta[@name='doc-type']/@content",
]
PUBLISHED = [
    f"//*[{_cls('article-meta__publish-date')}]",
    "/html/head/meta[@property='article:published_time']/@content",
    f"//*[@id='doc-meta']//*[{_cls('date')}]",
    "/html/head/meta[@name='date']/@content",
]
PUBLISHED_WEAK = ["//time/@datetime"]
SITE_NAME = ["/html/head/meta[@property='og:site_name']/@content"]
# Site names stripped from the end of a <title> or og:title ("X - United States Department of State").
TITLE_SUFFIXES = (
    "United States Department of State",
    "U.S. Department of State",
)
