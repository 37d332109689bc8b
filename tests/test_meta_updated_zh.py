"""Update dates without a leading label (hAtom `updated`, "DATE 更新"), a date label inside a
Chinese info line, and Chinese bylines: a unit signing as author, a bracketed byline opening the
lead paragraph, running text after a glued "记者"."""
from __future__ import annotations

from cleaners.byline_zh import lead_byline, zh_byline
from cleaners.dates import parse_date
from cleaners.html import parse_html
from cleaners.metadata import read_metadata

TEXT_EN = "<p>" + "Flu cases rose sharply in the first weeks of March in the region. " * 3 + "</p>"
TEXT_ZH = "<p>" + "今年以来，全市各级医疗机构持续开展健康宣传活动，群众参与热情很高。" * 3 + "</p>"


def _meta(body: str, text: str = TEXT_EN, charset: str = "utf-8") -> dict:
    html = (f'<html><head><meta charset="{charset}"><title>T</title></head><body><article>'
            f"<h1>Headline of the story</h1>{body}{text}</article></body></html>")
    root, _ = parse_html(html.encode(charset))
    return read_metadata(root, "https://news.example/story")


def test_hatom_updated_element_is_the_modified_date() -> None:
    # WordPress themes: the publication and the update time side by side, no label
    body = ('<p class="meta"><time class="entry-date published" '
            'datetime="2021-11-19T10:13:50+01:00">19.11.2021</time>'
            '<time class="updated" datetime="2021-11-20T08:00:00+01:00">'
            '20.11.2021</time></p>')
    meta = _meta(body)
    assert parse_date(meta["published"]) == "2021-11-19"
    assert parse_date(meta["modified"]) == "2021-11-20"


def test_an_updated_class_in_a_comment_is_not_the_pages() -> None:
    body = ('<p class="meta"><time datetime="2021-11-19">19.11.2021</time></p>'
            '<div class="comment"><time class="updated" datetime="2021-12-01">1.12.2021</time>'
            '</div>')
    assert _meta(body)["modified"] is None


def test_cjk_update_label_after_the_date() -> None:
    meta = _meta("<div>2005-01-06 08:13更新 来源：转载文章</div>", TEXT_ZH)
    assert parse_date(meta["modified"]) == "2005-01-06"


def test_date_label_inside_a_chinese_info_line_and_a_unit_as_author() -> None:
    body = ('<div class="title_blow">来源：本站原创&nbsp;&nbsp;作者：检验科党支部<br>'
            '时间：2020年03月05日 09:30&nbsp;&nbsp;浏览：</div>')
    meta = _meta(body, TEXT_ZH)
    assert parse_date(meta["published"]) == "2020-03-05"
    assert meta["authors"] == ["检验科党支部"]


def test_update_time_label_inside_a_line_is_the_modified_date() -> None:
    meta = _meta("<div>来源：某某日报 发布时间：2020-03-05 更新时间：2020-03-06</div>", TEXT_ZH)
    assert parse_date(meta["published"]) == "2020-03-05"
    assert parse_date(meta["modified"]) == "2020-03-06"


def test_bracketed_byline_opening_the_lead_paragraph() -> None:
    lead = ("<p>据新华社北京电（记者 王小明）记者近日从市卫生健康委员会召开的工作会议上了解到，"
            "2021年全市新建社区卫生服务站12个。</p>")
    assert _meta(lead, TEXT_ZH)["authors"] == ["王小明"]
    assert lead_byline("本站讯（职工通讯员 李明 张华）为进一步提升服务水平，医院举办了培训") == \
        ["李明", "张华"]
    assert lead_byline("他说（记者注：此处有误）然后离开") == []


def test_running_text_after_a_glued_reporter_label_is_no_byline() -> None:
    assert zh_byline("为验证原因，栏目组记者专门找来5块新毛巾做了现场试验。") == []
    assert zh_byline("记者走访了市卫生局") == []  # a unit word after "记者" is still a sentence
    assert zh_byline("作者：张三 2024-03-08 10:00") == ["张三"]
    assert zh_byline("记者 刘明 2021年3月") == ["刘明"]


def test_byline_in_a_teaser_classed_block_beside_the_headline() -> None:
    # some CMSs reuse their card classes for the article header: the block right after the
    # <h1> is the article's, a card elsewhere on the page is not
    html = ('<html><head><title>T</title></head><body><article>'
            '<h1>Kliniken melden weniger Grippefälle</h1>'
            '<div class="teaser-small__metadata"><p class="byline__author">VON '
            '<a href="/autoren/muster-erika">ERIKA MUSTER</a> am 21. April 2020</p></div>'
            + TEXT_EN.replace("Flu", "Grippe") +
            '</article><aside><div class="teaser-small"><h3><a href="/other-story">Another story '
            'about hospitals</a></h3><div class="teaser-small__metadata"><p class="byline__author">'
            'VON <a href="/autoren/roe-jane">JANE ROE</a></p></div></div></aside></body></html>')
    root, _ = parse_html(html.encode())
    meta = read_metadata(root, "https://news.example/grippe")
    assert meta["authors"] == ["ERIKA MUSTER"]
    assert parse_date(meta["published"]) == "2020-04-21"


def test_byline_in_a_teaser_card_is_not_the_pages() -> None:
    html = ('<html><head><title>T</title></head><body><article><h1>Kliniken melden weniger</h1>'
            + TEXT_EN + '</article><div class="teaser"><h3><a href="/x">Another story here</a>'
            '</h3><span class="author">von Jane Roe</span></div></body></html>')
    root, _ = parse_html(html.encode())
    assert read_metadata(root, "https://news.example/k")["authors"] == []


def _ld_page(ld: dict, body: str = "", head: str = "",
             url: str = "https://www.news.example/a") -> dict:
    import json

    html = (f'<html><head><title>T</title><script type="application/ld+json">{json.dumps(ld)}'
            f"</script>{head}</head><body><article><h1>Lockdown extended</h1>{body}{TEXT_EN}"
            "</article></body></html>")
    root, _ = parse_html(html.encode())
    return read_metadata(root, url)


def test_site_named_jsonld_author_is_the_author_when_nobody_else_is_named() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Lockdown",
          "datePublished": "2021-03-16T16:16:10Z",
          "author": {"@type": "Organization", "name": "News Online", "url": "https://news.example"},
          "publisher": {"@type": "Organization", "name": "News Online"}}
    assert _ld_page(ld)["authors"] == ["News Online"]
    # a visible byline names the person: the house account gives way
    byline = '<p class="byline">By <a href="/author/jane-roe">Jane Roe</a></p>'
    assert _ld_page(ld, byline)["authors"] == ["Jane Roe"]


def test_site_domain_in_meta_author_is_no_author() -> None:
    ld = {"@context": "https://schema.org", "@type": "WebPage", "name": "x"}
    head = '<meta name="author" content="news.example">'
    assert _ld_page(ld, head=head)["authors"] == []
    head = '<meta name="author" content="Jane Roe">'
    assert _ld_page(ld, head=head)["authors"] == ["Jane Roe"]
