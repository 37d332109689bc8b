"""Lists of links under a label line ending in a colon (cleaners/generic/nav_label_lists.py),
on small pages written after a real layout: a trade paper whose <h1> is its logo in the
header, its article titled by an <h2> in <main>, and under the article a "Powiązane tematy:"
list of headline cards (an unlabelled rail must stand in the <h1>'s top-level box: this one
does not)."""
from __future__ import annotations

from nav_pages import find_in_body

from cleaners.generic.nav_label_lists import find_label_lists
from cleaners.generic.nav_scan import scan
from cleaners.html import parse_html

URL = "https://news.example.org/handel/2021/03/platforma-hurtowa.html"
PROSE = "<p>" + "Die Plattform verbindet Händler und Lieferanten in ganz Europa. " * 6 + "</p>"
HEADLINES = ["Lidl startet den Verkauf von Schnelltests",
             "Carrefour wird neuer Betreiber im alten Brauhaus",
             "Aufsicht verlangt Aussetzung des Handels mit zehn Aktien"]


def _list(hosts=("news.example.org",) * 3, titles=HEADLINES) -> str:
    return "<ul>" + "".join(
        f'<li><a href="https://{host}/handel/2021/03/{i}.html">{title}</a></li>'
        for i, (host, title) in enumerate(zip(hosts, titles, strict=True))) + "</ul>"


def _page(label: str, lst: str) -> str:
    return (f'<header class="site-header"><h1><a href="/">Portal</a></h1></header><main>'
            f"<article><h2>Plattform für den Großhandel</h2>{PROSE}</article>"
            f'<section class="big-list"><h3>{label}</h3>{lst}</section></main>')


def test_a_list_of_headlines_under_a_label_with_a_colon_is_related():
    for label in ("Powiązane tematy:", "Weitere Artikel zum Thema:", "Dazu passend："):
        links, teasers, elements = find_in_body(_page(label, _list()), URL)
        assert teasers == [], label
        assert [(x.rel, x.title, x.url) for x in links] == [
            ("related", title, f"https://news.example.org/handel/2021/03/{i}.html")
            for i, title in enumerate(HEADLINES)], label
        assert any(next(el.iter("ul"), None) is not None for el in elements), label


def test_a_label_without_a_colon_announces_nothing():
    links, teasers, _elements = find_in_body(_page("Handel", _list()), URL)
    assert (links, teasers) == ([], [])


def test_sources_on_other_sites_tags_and_names_are_no_such_list():
    other = _list(hosts=("www.destatis.de", "www.bundesbank.de", "news.example.org"))
    tags = _list(titles=["Handel", "Lidl", "Aktien"])
    for lst in (other, tags):
        links, teasers, _elements = find_in_body(_page("Quellen:", lst), URL)
        assert (links, teasers) == ([], []), lst


# --- a run of link lines under a label (a news site's "Seguir leyendo:" written in the text) --

def _text_with_run(label: str, tag: str = "p") -> str:
    lines = "".join(f'<{tag}><a href="https://news.example.org/handel/2021/03/{i}.html">{title}'
                    f"</a></{tag}>" for i, title in enumerate(HEADLINES))
    return (f'<header class="site-header"><a href="/">Portal</a></header><main><article>'
            f"<h1>Plattform für den Großhandel</h1>{PROSE}{PROSE}<p>{label}</p>{lines}"
            "</article></main>")


def test_a_run_of_link_lines_under_a_label_with_a_colon_is_related():
    for label in ("Aus unserem Archiv:", "Mehr aus der Branche："):
        links, teasers, _elements = find_in_body(_text_with_run(label), URL)
        assert teasers == [], label
        assert [(x.rel, x.title, x.url) for x in links] == [
            ("related", title, f"https://news.example.org/handel/2021/03/{i}.html")
            for i, title in enumerate(HEADLINES)], label


def test_list_items_in_a_row_under_a_label_item_are_no_run():
    # a menu's sub-list ("WLAN-Router mit Modem:" over product links): <li>s, not text lines
    page = _text_with_run("Router mit Modem:", tag="li").replace(
        "<p>Router mit Modem:</p>", "<ul><li>Router mit Modem:</li>").replace(
        "</article>", "</ul></article>")
    root, _warnings = parse_html(f"<html><body>{page}</body></html>".encode())
    assert find_label_lists(root, URL, set(), scan(root).colon_lines) == []
    lines = parse_html(f"<html><body>{_text_with_run('Router mit Modem:')}</body></html>"
                       .encode())[0]
    assert [len(region) for _label, region in find_label_lists(
        lines, URL, set(), scan(lines).colon_lines)] == [3]
