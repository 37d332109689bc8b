"""Related-block headings of the fifth navigation round (bench/README.md): headings in
capitals with a Turkish dotted İ, headings with an item count, headings given in two
languages, and polite or longer wordings in zh, ja, tr, ko, ru and ar; an editors' pick
list stays a site-wide list. Small pages written after real CMS markup."""
from __future__ import annotations

import pytest

from cleaners.generic.nav_scan import related_heading
from cleaners.generic.navigation import find_navigation
from cleaners.html import drop_non_content, parse_html
from cleaners.vocab import LABEL_SCAN, RELATED_HEADING, TEASER_HEADING

URL = "https://haber.example.org/saglik/2024/05/uyku-ve-tansiyon-123456"
SITE = "https://haber.example.org"
PROSE = "<p>" + "Tansiyon gün içinde değişir ve gece en düşük seviyesine iner. " * 4 + "</p>"
HEADLINES = ["Sabah saatlerinde kalp atışı neden hızlanır",
             "Tansiyonu kalıcı olarak düşüren beş küçük alışkanlık",
             "Evdeki tansiyon aleti size neyi söyler, neyi söylemez"]
HREFS = [f"{SITE}/saglik/2024/04/haber-{i}" for i in range(3)]
PAIRS = list(zip(HREFS, HEADLINES, strict=True))
LIST = "<ul>" + "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in PAIRS) + "</ul>"


def _find(after: str):
    html = (f"<html><head><title>t</title></head><body><main><article><h1>Uyku ve tansiyon</h1>"
            f"{PROSE}{PROSE}</article>{after}</main></body></html>")
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, teasers, _elements = find_navigation(root, URL)
    return [(x.rel, x.title, x.url) for x in links], teasers


def _scanned(text: str) -> bool:
    """What nav_scan does before the precise check: lowercase, drop the combining dot."""
    joined = ("\x00Body.\x00" + text + "\x00").lower().replace("\u0307", "")
    return LABEL_SCAN.search(joined) is not None


@pytest.mark.parametrize("heading", ["İLGİLİ HABERLER", "İlgili Haberler", "İLGİNİZİ ÇEKEBİLİR"])
def test_turkish_heading_in_capitals_opens_a_block(heading):
    # "İ".lower() is "i" plus a combining dot: the scan must still see the stem
    links, teasers = _find(f'<div class="box"><h3>{heading}</h3>{LIST}</div>')
    assert teasers == []
    assert links == [("related", t, h) for h, t in PAIRS]


@pytest.mark.parametrize("heading", ["Related articles (3)", "関連記事（3）",
                                     "İlgili Haberler (3)"])
def test_heading_with_an_item_count_opens_a_block(heading):
    links, _teasers = _find(f'<div class="box"><h2>{heading}</h2>{LIST}</div>')
    assert links == [("related", t, h) for h, t in PAIRS]


@pytest.mark.parametrize("heading", ["関連記事 RELATED", "RELATED ARTICLES / 関連記事",
                                     "相关阅读 | Related", "관련기사 RELATED NEWS"])
def test_heading_in_two_languages_opens_a_block(heading):
    assert related_heading(heading)
    links, _teasers = _find(f'<div class="box"><h2>{heading}</h2>{LIST}</div>')
    assert links == [("related", t, h) for h, t in PAIRS]


@pytest.mark.parametrize("text", ["関連記事 ランキング", "Related / Most read", "最新 NEWS",
                                  "関連記事 野球"])
def test_two_part_heading_needs_both_parts_related(text):
    assert not related_heading(text)


@pytest.mark.parametrize("heading", [
    "为您推荐", "猜您喜欢", "您可能感兴趣的文章", "你可能也喜欢", "延伸 · 推荐",
    "あなたにおすすめ", "おすすめの記事", "関連記事一覧", "こちらの記事もおすすめ", "あわせて読む",
    "次に読む", "Konuyla İlgili Haberler", "Bu haberler de ilginizi çekebilir", "Okumadan Geçme",
    "Sıradaki Haber", "DAHA FAZLA HABER", "Bunları da okuyun", "추천 뉴스", "함께 본 기사",
    "Ещё на эту тему", "Вам будет интересно", "مقالات متعلقة", "قد يعجبك أيضا", "شاهد أيضا"])
def test_more_related_wordings(heading):
    assert RELATED_HEADING.match(heading), heading
    assert _scanned(heading), heading


def test_editors_picks_in_japanese_are_a_site_list_not_related():
    # a numbered editors' ranking, the same on every article (docs/annotation.md)
    assert not RELATED_HEADING.match("編集部オススメ")
    assert TEASER_HEADING.match("編集部オススメ")
    links, teasers = _find(f'<div class="box"><h2>編集部オススメ</h2>{LIST}</div>')
    assert (links, teasers) == ([], [])


@pytest.mark.parametrize("heading", ["<h5><span></span>相关新闻</h5>",
                                     '<h2><i class="icon"></i> Related articles</h2>',
                                     '<div class="ttl"><img src="/i.png" alt="">関連記事</div>'])
def test_heading_words_after_an_empty_icon_open_a_block(heading):
    # the words are the tail of the icon element, not an inline "Read also: <a>" label (a
    # page saved without its URL: no unlabelled rail can stand in for the heading)
    html = (f"<html><body><main><article><h1>Uyku</h1>{PROSE}</article>"
            f'<div class="box">{heading}{LIST}</div></main></body></html>')
    root, _warnings = parse_html(html.encode("utf-8"))
    drop_non_content(root)
    links, _teasers, _elements = find_navigation(root, None)
    assert [(x.rel, x.title, x.url) for x in links] == [("related", t, h) for h, t in PAIRS]


def test_inline_label_after_an_icon_keeps_its_line():
    # "<p><img> Lire aussi : <a>…</a></p>": the label's line holds the link itself
    line = f'<p><img src="/i.png" alt=""> Lire aussi : <a href="{HREFS[0]}">{HEADLINES[0]}</a></p>'
    links, _teasers = _find(line)
    assert links == [("related", HEADLINES[0], HREFS[0])]
