"""Shapes met on the round-13 tune pages (body-dev pages in Spanish, French, Italian,
Polish, Finnish, ...; docs/annotation.md, Coverage), written as small pages after their
layouts."""
from __future__ import annotations

from nav_pages import find_in_body

PROSE = "<p>" + ("Le gouvernement a présenté le projet de loi devant les députés, qui en "
                 "débattront la semaine prochaine en séance publique. ") * 4 + "</p>"
TITLES = ["Le Sénat adopte le budget de la sécurité sociale en première lecture",
          "Retraites : les syndicats appellent à une nouvelle journée de grève",
          "Assurance chômage : ce qui change pour les demandeurs d'emploi",
          "Le Conseil constitutionnel valide l'essentiel de la loi immigration"]


def test_contenido_relacionado_singular_is_a_related_heading():
    # RELATED_WORDS had "contenidos? relacionad[oa]s" only, and no scan stem led to it
    from cleaners.vocab import LABEL_STEMS, RELATED_HEADING
    assert RELATED_HEADING.match("Contenido relacionado")
    assert any(stem in "contenido relacionado" for stem in LABEL_STEMS)


def _rail(head: str, path: str) -> str:
    items = "".join(f'<div class="item"><a href="{path}{40 + i}">{t}</a></div>'
                    for i, t in enumerate(TITLES))
    return f'<div class="box">{head}<div class="list">{items}</div></div>'


def test_a_rail_headed_by_a_link_to_the_front_page_is_a_site_wide_list():
    # "Yle.fi-etusivulla juuri nyt:" (on the front page right now), linked to the home page
    url = "https://www.example.fi/uutiset/3-11212601"
    head = '<a href="https://www.example.fi">Etusivulla juuri nyt:</a>'
    body = (f'<div class="article"><h1>Leudot talvet</h1>{PROSE}'
            f'{_rail(head, "https://www.example.fi/uutiset/3-112")}</div>')
    links, teasers, _elements = find_in_body(body, url)
    assert (links, teasers) == ([], [])


def test_a_rail_headed_by_a_link_to_an_author_page_is_the_author_s_latest():
    # a tab per author of the article, each listing that author's newest pieces
    url = "https://www.example.cu/noticias/2022/04/26/sesiona-el-pleno/"
    head = '<a href="https://www.example.cu/autor/yaima-puig/">Yaima Puig</a>'
    body = (f'<div class="article"><h1>Sesiona el pleno</h1>{PROSE}'
            f'{_rail(head, "https://www.example.cu/noticias/2022/04/2")}</div>')
    links, teasers, _elements = find_in_body(body, url)
    assert (links, teasers) == ([], [])


def test_a_rail_headed_by_the_article_s_section_link_stays_a_rail():
    url = "https://www.example.fi/uutiset/kotimaa/3-11212601"
    head = '<a href="https://www.example.fi/uutiset/kotimaa/">Kotimaa</a>'
    body = (f'<div class="article"><h1>Leudot talvet</h1>{PROSE}'
            f'{_rail(head, "https://www.example.fi/uutiset/kotimaa/3-112")}</div>')
    links, _teasers, _elements = find_in_body(body, url)
    assert [x.title for x in links] == TITLES


def _boxed(label: str, path: str, cls: str = "bottomLinks") -> str:
    cards = "".join(f'<div class="relatedArticle"><h5><a href="{path}{31581209 + i}">{t}</a>'
                    f'</h5></div>' for i, t in enumerate(TITLES))
    return f'<div class="{cls}"><h4>{label}</h4>{cards}</div>'


def test_site_wide_and_author_lists_of_other_languages_are_no_related_block():
    # a box of the site's newest stories, its rankings with "+" for "más", the day's top
    # stories, a news ticker, the author's other pieces
    url = "https://www.example.ch/suisse/berne-interdit/story/18348200"
    for label in ("Les dernières news Suisse", "Las + leídas", "Videos + Vistos",
                  "Principais do dia", "Лента новостей", "Du même auteur",
                  "Del mismo autor", "Dello stesso autore"):
        body = (f'<div class="article"><h1>Berne interdit</h1>{PROSE}</div>'
                f'{_boxed(label, "/suisse/story/", "relatedArticles")}')
        links, teasers, _elements = find_in_body(body, url)
        assert (links, teasers) == ([], []), label


def test_finnish_read_more_on_the_topic_heads_a_related_list():
    # a bold label paragraph, then one paragraph per linked headline, ending the text
    url = "https://www.example.fi/uutiset/3-11212601"
    items = "".join(f'<p><a href="https://www.example.fi/uutiset/3-1118360{i}">{t}</a></p>'
                    for i, t in enumerate(TITLES))
    for label in ("Lue aiheesta lisää:", "Lue myös:"):
        body = (f'<div class="article"><h1>Leudot talvet</h1>{PROSE}'
                f'<p><strong>{label}</strong></p>{items}</div>')
        links, _teasers, _elements = find_in_body(body, url)
        assert [x.title for x in links] == TITLES, label


def test_load_more_see_all_and_subscribe_links_are_no_cards():
    from cleaners.vocab import CALL_TO_ACTION, READ_MORE
    for text in ("Cargar mas noticias", "Cargar más", "Voir toutes les signatures",
                 "Voir tous les articles"):
        assert READ_MORE.match(text), text
    for text in ("Suscribite a nuestro newsletter", "Suscríbete al boletín",
                 "Regístrate gratis"):
        assert CALL_TO_ACTION.match(text), text


def test_read_also_and_more_on_the_topic_of_other_languages_head_a_related_list():
    # "Przeczytaj również", "Więcej na ten temat" (pl), "Seguir leyendo:" (es), "Pour
    # approfondir" (fr), "Recomendamos para você" (pt): a label over linked headlines
    url = "https://www.example.pl/publikacje/2021-04-20/zamachy"
    for label in ("Przeczytaj również", "Więcej na ten temat", "Seguir leyendo:",
                  "Pour approfondir", "Recomendamos para você"):
        items = "".join(f'<p><a href="/publikacje/2021-04-2{i}/a{i}">{t}</a></p>'
                        for i, t in enumerate(TITLES))
        body = (f'<div class="article"><h1>Zamachy</h1>{PROSE}'
                f'<p><strong>{label}</strong></p>{items}</div>')
        links, _teasers, _elements = find_in_body(body, url)
        assert [x.title for x in links] == TITLES, label
