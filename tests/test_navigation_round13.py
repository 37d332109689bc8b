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


def _list(path: str) -> str:
    return "".join(f'<li><a href="{path}{i}-{t[:12].lower().replace(" ", "-")}">{t}</a></li>'
                   for i, t in enumerate(TITLES))


def test_a_heading_linked_to_the_article_s_section_is_still_a_heading():
    # "<h2><a href=section>Dans la même rubrique</a></h2>": the link leads to the listing of
    # the folder the article sits in, so the heading names that section's block
    url = "https://www.example.fr/actus/dans-les-medias/article/le-projet-de-loi"
    body = (f'<div class="content"><h1>Le projet de loi</h1>{PROSE}</div>'
            f'<div class="bloc"><h2><a href="https://www.example.fr/actus/dans-les-medias/">'
            f'Dans la même rubrique</a></h2><ul>{_list("/actus/dans-les-medias/article/")}'
            f'</ul></div>')
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [x.title for x in links] == TITLES


def test_a_heading_linked_to_the_page_itself_is_still_a_heading():
    # an in-body box whose "Leggi anche:" heading (an <h1>, as on the page) links back here
    url = "https://www.example.it/cronaca/2020/02/19/news/temperature-1.3848"
    card = ('<h2><a href="https://www.example.it/torino/2020/02/13/news/la-grande-sete-1.3846">'
            'La grande sete: due mesi senza pioggia</a></h2>')
    body = (f'<div class="article"><h1>Temperature in calo</h1>{PROSE}'
            f'<div class="embed"><h1><a href="{url}">Leggi anche:</a></h1>{card}</div>'
            f'{PROSE}</div>')
    links, _teasers, _elements = find_in_body(body, url)
    assert [x.title for x in links] == ["La grande sete: due mesi senza pioggia"]


def test_a_heading_linked_to_another_page_is_no_heading():
    # a menu item or tab that reads like a heading but leads elsewhere ("Plus de sujets")
    url = "https://www.example.fr/actus/dans-les-medias/article/le-projet-de-loi"
    body = (f'<div class="content"><h1>Le projet de loi</h1>{PROSE}</div>'
            f'<div class="bloc"><h2><a href="https://www.example.fr/agenda/">'
            f'Dans la même rubrique</a></h2><ul>{_list("/agenda/event/")}</ul></div>')
    links, teasers, _elements = find_in_body(body, url)
    assert (links, teasers) == ([], [])


def test_a_related_box_that_marks_its_heading_and_cards_as_h1_is_a_block():
    # AMP-style markup: <aside class="related-stories"><h1>Relacionados:</h1><article><h1><a>…
    url = "https://www.example.com/noticias/politica/notas/lider-denuncia-intentos/"
    cards = "".join(f'<article class="story-tease"><h1 class="story-tease-title">'
                    f'<a href="/noticias/politica/notas/nota-{i}/">{t}</a></h1></article>'
                    for i, t in enumerate(TITLES[:3]))
    body = (f'<div class="article-body"><h1>Líder denuncia intentos</h1>{PROSE}'
            f'<aside class="related-stories"><div class="related-stories-header">'
            f'<h1>Relacionados:</h1></div>{cards}</aside></div>')
    links, teasers, _elements = find_in_body(body, url)
    assert teasers == []
    assert [x.title for x in links] == TITLES[:3]



def test_contenido_relacionado_is_found_by_the_label_scan():
    # RELATED_WORDS has "contenidos? relacionad[oa]s", but no scan stem led to it
    url = "https://www.example.net/es/202204/el_salvador/26136/asamblea.htm"
    cards = "".join(f'<div class="list_item"><h3><a href="/es/202204/el_salvador/2611{i}/'
                    f'nota-{i}.htm">{t}</a></h3></div>' for i, t in enumerate(TITLES[:2]))
    body = (f'<div class="article"><h1>Asamblea exige</h1>{PROSE}</div>'
            f'<div class="side"><div class="row"><h3><div class="link">Contenido Relacionado'
            f'</div></h3></div><div class="row list_data">{cards}</div></div>')
    links, _teasers, _elements = find_in_body(body, url)
    assert [x.title for x in links] == TITLES[:2]


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
