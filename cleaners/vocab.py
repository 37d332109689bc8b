"""Navigation and teaser vocabularies, compiled once (multilingual).

Each pattern quotes the kind of real text it targets; extend by adding words, not code.
Words live in tuples of regex fragments (lowercase); the compiled patterns below are built
from them, so a word added to a tuple is seen by every user (text dumps, profiles, the
generic HTML detector and the boilerplate-leak check).

Latin words end on a word boundary: "Prev" is a label, "Previously, doctors..." is not.
A bare word ("Next", "Anterior", "Suivant") is a label only when a separator or the end of
the text follows it: "Next: Title" and "Next" are labels, "Next steps in diabetes care" and
"Anterior cruciate ligament tear" are titles.
"""
from __future__ import annotations

import re

from .vocab_headings import RELATED_WORDS, SITE_LIST_WORDS  # noqa: F401 (re-exported)
from .vocab_prevnext import (  # noqa: F401 (re-exported: the vocabularies' one home)
    DIRECTION_WORD,
    LEADING_ARROW,
    MEDIA_BOX,
    NAV_EXCLUDE,
    NEXT_CJK,
    NEXT_ONLY,
    NEXT_PHRASES,
    NEXT_PREFIX,
    NEXT_START,
    NEXT_SYMBOLS,
    NEXT_WORDS,
    NO_ARTICLE,
    PREV_CJK,
    PREV_ONLY,
    PREV_PHRASES,
    PREV_PREFIX,
    PREV_START,
    PREV_SYMBOLS,
    PREV_WORDS,
    STRONG_LINE_LABEL,
    TRAILING_ARROW,
    TRAILING_NEXT_ARROW,
    _alt,
)
from .vocab_zh import ZH_LONG_FEED_WORDS, ZH_TOPIC_HUB_PATH

# --- teaser / related blocks ---------------------------------------------------------------
# Heading words (RELATED_WORDS, SITE_LIST_WORDS) live in vocab_headings.py.
_DECOR_HEAD = r"^\s*(?:[»›>■▌|#•◆●▶【\-–—]\s*)?"
# A count of the items may follow: "Related articles (3)", "関連記事（5）".
_DECOR_TAIL = r"\s*(?:[(（]\d{1,3}[)）])?\s*[:：.!…»›>→】\-–—]*\s*$"
# Tag clouds dressed as related blocks: "Related topics", "Verwandte Themen"; lists of shop
# products, people or places lead to no article either.
_TAG_HEADINGS = (r"(?!related\s+(?:topics?|tags?|searches|keywords?|terms|categor|conditions"
                 r"|products|people|countries))")
RELATED_HEADING = re.compile(
    rf"{_DECOR_HEAD}{_TAG_HEADINGS}(?:{_alt(RELATED_WORDS)}){_DECOR_TAIL}", re.IGNORECASE
)
# Personalised recommendation feeds ("为您推荐", "Recommended for you"): long by design (a
# portal's feed under the article), so their dozens of cards are no sign of a latest list.
FOR_YOU_HEADING = re.compile(
    rf"{_DECOR_HEAD}(?:[为為][您你]推[荐薦]|猜你喜[欢歡]|recommended\s+for\s+you"
    rf"|empfohlen\s+für\s+(?:sie|dich)|für\s+(?:sie|dich)\s+empfohlen"
    rf"|recommandés?\s+pour\s+vous|recomendad[oa]s\s+para\s+ti"
    rf"|raccomandati\s+per\s+te|{_alt(ZH_LONG_FEED_WORDS)}){_DECOR_TAIL}",
    re.IGNORECASE,
)
# A text that opens with a site-wide list name: "最新のスポーツ記事 野球 ゴルフ" (a tab bar).
SITE_LIST_START = re.compile(rf"{_DECOR_HEAD}(?:{_alt(SITE_LIST_WORDS)})", re.IGNORECASE)
# ... or closes with one, as the last part of a compound: "Motorsport-Aktuell", "Sport aktuell".
SITE_LIST_END = re.compile(rf"[\s\-–—|]+(?:{_alt(SITE_LIST_WORDS)}){_DECOR_TAIL}", re.IGNORECASE)
# Class/id names of boxes around unlabelled card rails: "tw-article-teaser",
# "read-more-links", "more-stories", "article_page_bottom_zone", "recirculation". Not
# "relat": the boxes it named that no class seed took held site-wide lists as often
# (switched off, fewer fp on both splits: bench/README.md, navigation audit).
RAIL_CLASS = re.compile(
    r"teaser|card|stor(?:y|ies)|recirc|read|more|also|bottom|zone"
    r"|article-?list|post-?list|news-?list|recom|suggest|similar|weitere|mehr"
)
# Boxes whose lists are site-wide or not shown: sidebars, widgets, tabs, hidden elements, an
# author's latest articles ("more-content-from-the-author": not about this article). "side"
# opens a name or a name's part ("sidebar", "c-list-title--side"): not "aside" or "inside",
# nor a layout's modifier ("has-sidebar", "no-sidebars"). A class named "hidden" is not
# used: it held back as many related rails as site-wide ones ("md:hidden", a responsive
# utility; bench/README.md, navigation audit); the hidden attribute and display:none are.
NOT_RAIL_CLASS = re.compile(
    r"(?<![a-z])(?<!has-)(?<!with-)(?<!no-)side|widget|(?<![a-z])tabs?(?![a-z])|tab-"
    r"|(?<![a-z])hide|d-none|ranking|popular"
    r"|trend|latest|newest|ticker|most|top-?news|breaking|menu|nav|footer|header|ad(?:s|vert)"
    r"|slide|carousel|swiper|slick|job|shop|product|partner|sponsor|promo|comment|author"
    r"|sld|blog-?grid|pagination|(?<![a-z])actual"
)
# Boxes named for a site-wide list inside a related block's region: a tab of trending
# stories beside the section's tab ("c-posts--articleTrending"), a "most-read" column.
SITE_LIST_CLASS = re.compile(r"trend|popular|most-?(?:read|viewed|shared)|ranking|latest|newest")
# Headings that open a teaser/related block: "Recommend", "You may also like", "推荐阅读", ...
TEASER_HEADING = re.compile(
    rf"{_DECOR_HEAD}(?:{_alt(RELATED_WORDS + SITE_LIST_WORDS)}){_DECOR_TAIL}", re.IGNORECASE
)
# Link texts of "read on" / "see all" links inside or below teaser cards.
READ_MORE = re.compile(
    r"^\W*(?:read\s+(?:more|on|the\s+(?:article|rest)|full\s+(?:article|story))|continue\s+reading"
    r"|more|see\s+(?:more|all)|view\s+(?:more|all)|show\s+more|load\s+more|weiterlesen|mehr"
    r"|(?:mehr|weitere)(?:\s+\w+)?\s+laden|charger\s+plus"
    r"|mehr\s+lesen|alle\s+\w+|lire\s+la\s+suite|lire\s+plus|voir\s+(?:plus|tout)|en\s+savoir"
    r"\s+plus|leer\s+más|ver\s+(?:más|todo)|seguir\s+leyendo|cargar\s+m[aá]s(?:\s+noticias)?"
    r"|voir\s+tou(?:te)?s\s+les\s+\w+|читать\s+(?:далее|дальше|полностью)"
    r"|подробнее|далее|ещё|еще|阅读全文|閱讀全文|查看更多|更多|详情|詳情|阅读更多|全文"
    # it, pt, pl, nl, sv, cs, tr, ja, ko, ar, fa, id, vi, uk, he, th
    r"|leggi\s+(?:tutto|di\s+più)|continua\s+a\s+leggere|(?:leia|ler)\s+mais|continue\s+lendo"
    r"|czytaj\s+(?:dalej|więcej)|zobacz\s+(?:więcej|wszystkie)|lees\s+(?:meer|verder)"
    r"|läs\s+(?:mer|vidare)|číst\s+(?:dále|více)|(?:zobrazit\s+)?více|devamını\s+oku"
    r"|続きを読む|もっと見る|더\s?보기|اقرأ\s+المزيد|المزيد|ادامه\s+مطلب"
    r"|(?:baca\s+)?selengkapnya|lihat\s+semua|đọc\s+tiếp|xem\s+tất\s+cả|читати\s+далі"
    r"|детальніше|להמשך\s+קריאה|קרא(?:ו)?\s+עוד|อ่านต่อ|ดูทั้งหมด"
    # "更多精彩内容", "更多新闻": more of something, a link to a listing
    r"|更多[\u4e00-\u9fff]{1,6})\W*$",
    re.IGNORECASE,
)

# Calls to action that open a link's text: "Learn more about our network", "Sign up for":
# a link to a page about something, not an article's headline.
CALL_TO_ACTION = re.compile(
    r"^\W*(?:learn\s+more|click\s+here|sign\s+up|subscribe"
    r"|mehr\s+erfahren|erfahren\s+sie\s+mehr|hier\s+(?:klicken|anmelden|bestellen)"
    r"|en\s+savoir\s+plus|más\s+información|saiba\s+mais|scopri\s+di\s+più"
    r"|suscr[ií]b(?:ete|ite|irse)|reg[ií]strate)\b",
    re.IGNORECASE,
)

# Text that must never end up in a body (used for the boilerplate_leak warning): a line that
# starts with an explicit prev/next label, or that is only a related-block heading. Matched
# at the start of each line (`body_leaks`): a multiline search tries the alternation at every
# character, 1.75 times as long on the demo's and the pools' bodies.
BODY_LEAK = re.compile(
    rf"(?:<<:|>>:|上一篇|下一篇|(?:{_alt(PREV_PHRASES + NEXT_PHRASES)})\s*[:：]"
    rf"|{_TAG_HEADINGS}(?:{_alt(RELATED_WORDS)})\s*[:：]?\s*$)",
    re.IGNORECASE,
)


def body_leaks(text: str) -> bool:
    """Does a line of the text open with a BODY_LEAK label or heading?"""
    return any(BODY_LEAK.match(line) for line in text.split("\n"))


# --- class and id names --------------------------------------------------------------------
# Matched on one lowercased class/id token. Direction of prev/next containers and links:
# "nav-previous", "prev-post-link", "elementor-post-navigation__prev", "pre" (Chinese CMS).
NAV_CLASS_PREV = re.compile(r"(?<![a-z])(?:prev|previous|older|pre)(?![a-z])")
NAV_CLASS_NEXT = re.compile(r"(?<![a-z])(?:next|newer)(?![a-z])|nextprevious")
# Blocks of related articles: "related-posts", "jp-relatedposts", "yarpp", "recommend",
# "you-may-also-like", "more-stories", "more-posts", "relations" (a CMS's list of the
# article's relations), Chinese pinyin "tuijian" (推荐), "xgwz" (相关文章).
RELATED_CLASS = re.compile(
    r"related|relate(?![a-z])|relation-?news|relations?(?![a-z])|relacionad|recommend|recomend"
    r"|recommand|empfehl|also-?like|may-?like|might-?like"
    r"|you-?may|more-?(?:stories|articles|posts|news|reading)|read-?next|further-?reading"
    r"|see-?also|lire-?aussi|yarpp|rp4wp|crp[_-]|similar|tuijian|xiangguan|xgwz|xgyd|xgtj"
    r"|tjyd|tjwz|xgxw|cnxh|guess-?like"
)
# Tokens that contain a hint word but name something else: tag clouds ("related-tags"),
# ads ("taboola-recommends"), sharing ("recommend-button"), carousels ("slick-next").
CLASS_EXCLUDE = re.compile(
    r"tag|topic|keyword|search|categor|entit|taboola|outbrain|sponsor|social|share|button"
    r"|btn|icon|video|author|product|slick|swiper|owl|carousel|lightbox|slider|gallery|vjs"
    r"|player|mfp|glide|splide|modal|popup|calendar|month|year|comment|(?<![a-z])ads?(?![a-z])"
)
# Link targets that are no article: author, tag, topic and category pages, paid content,
# images and files
# ("/writer/jane-doe", "/recht/themen/recht/k/krieg", "/uploads/photo.jpg").
# Author pages are one segment deep ("/autoren/<name>/<slug>" is an article on some sites).
NON_ARTICLE_URL = re.compile(
    r"/(?:author|authors|writer|autor|autoren|auteur|autore)(?:/[^/]+)?/?$"
    r"|/(?:tag|tags|topic|topics|thema|themen|emne|tema|temas|schlagwort|stichwort|all-about"
    r"|motcle|mot-cle|mots-cles"  # French keyword pages ("/motcle/trottinette-electrique")
    r"|category"
    r"|categories"
    r"|kategorie|etiqueta|etiquetas|search|suche|recherche|login|subscribe)(?:/|$)"
    # paid content under its own folder ("/annonse/slik-reiser-du-billig/81329020"), job
    # ads ("/job/leitung-controlling.1170683765.html"), subscription offers ("/abo-service/")
    r"|/(?:annonse|anzeige|advertorial|sponsored|sponsored-content|publireportage"
    r"|branded-content|partner-content|reklame|job|jobs|stellenangebote?|abo|abo-service"
    r"|aboshop|abonnement|subscriptions?|gutscheine|vouchercodes|coupons?)/"
    r"|\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip)(?:$|\?)"
    # a forum post's reactions or likes ("/forums/posts/53693/reactions"): who liked it
    r"|/(?:reactions|likes)/?$"
    # a wiki's namespaces: categories, files, templates, help, talk and user pages
    # ("/wiki/Category:Sleep", "/wiki/Datei:Herz.png", "/wiki/Spezial:Suche")
    r"|/(?:category|kategorie|catégorie|categoría|categoria|kategoria|special|spezial"
    r"|help|hilfe|template|vorlage|file|datei|talk|diskussion|user|benutzer|portal"
    r"|wikipedia|project)(?::|%3a)[^/]*$|" + ZH_TOPIC_HUB_PATH,
    re.IGNORECASE,
)
# A page under a topic folder, a file or a headline's slug a folder or more down
# ("/DE/themen/ion/umwelt/radon/schutz/messen.html": CMSs of public bodies keep every page
# under "themen"; "/themen/vatikan/2021-11-19/das-liegt-schon-seit-monaten-da"): a page, not
# the topic's hub ("/recht/themen/recht/k/krieg").
_TOPIC_FOLDER_PAGE = re.compile(
    r"/(?:thema|themen|topic|topics|tema|temas)/(?:(?:[^/]+/){1,}"
    r"(?:[^/]+\.(?:s?html?|php|aspx?)|[^/.]+(?:-[^/.-]+){3,}/?)"  # a file, or a headline slug
    r"|[^/.]+(?:-[^/.-]+){3,}/\d{5,}/?)$",  # a headline slug and the article's id
    re.IGNORECASE)


def non_article_path(path: str) -> bool:
    """Does a link's path lead to no article (NON_ARTICLE_URL), a page file deep under a topic
    folder excepted?"""
    return NON_ARTICLE_URL.search(path) is not None and not _TOPIC_FOLDER_PAGE.search(path)


# Paid cards among recommendations: "Anzeige", "Advertorial", "Sponsored", "Partner content".
# Looked for beside a card's title, not in it ("Outfit mit BASEFIELD [Werbung]" is a post).
SPONSORED_TEXT = re.compile(
    r"(?i:\b(?:advertorial|sponsored|sponsorisé|gesponsert|anzeige|werbung|publicidad"
    r"|patrocinado|partner\s*content|paid\s+(?:post|content)|promoted|pubblicità|reklame"
    r"|реклама)\b)|广告|推广|広告|\bPR\b",
)
# The gender marker of a German job ad's title: "Leitung (m/w/d) Controlling", "(w/m/d)".
JOB_AD_TITLE = re.compile(r"\((?:[mwfdx]|div)(?:\s*/\s*(?:[mwfdx]|div)){1,3}\)", re.IGNORECASE)
# Ad widgets that carry "Recommended" headings of their own.
AD_CLASS = re.compile(r"taboola|outbrain|sponsor|advert|native-?ad|(?<![a-z])ads?(?![a-z])",
                      re.IGNORECASE)
# Page chrome around a block: a teaser list inside the site footer or menu is site-wide.
_CHROME_NAMES = (r"footer|foot|site-?footer|page-?footer|global-?footer|copyright|colophon"
                 r"|navbar|main-?nav|site-?nav|masthead|site-?header|page-?header|meganav"
                 r"|mega-?menu|nav-?menu|main-?menu|sub-?menu|(?:top|primary|global|header)-?nav")
CHROME_CLASS = re.compile(rf"(?<![a-z])(?:{_CHROME_NAMES}|menu)(?![a-z])")
# The same without the bare "menu": sidebars named "menu" hold "Dans la même rubrique" lists
# under an explicit heading.
CHROME_CLASS_STRICT = re.compile(rf"(?<![a-z])(?:{_CHROME_NAMES})(?![a-z])")
# Inside a teaser card: the excerpt and the title ("jp-relatedposts-post-excerpt",
# "entry-summary", "card__dek", "related_txt", "card-title", "news-tit").
EXCERPT_CLASS = re.compile(
    r"excerpt|summary|desc|intro|teaser-?text|(?<![a-z])dek(?![a-z])|abstract|snippet"
    r"|(?<![a-z])lead(?![a-z])|standfirst|synopsis|zhaiyao|jianjie"
    r"|(?<![a-z])(?:txt|text|sum|des|zy)(?![a-z])"
)
TITLE_CLASS = re.compile(r"title|headline|heading|(?<![a-z])(?:hed|tit|bt)(?![a-z])")

# --- fast scanning ------------------------------------------------------------------------
# The generic detector joins a page's text nodes with NUL and lowercases them once; these
# scans find the few nodes worth a precise look. Every label above starts with one of these
# stems (tests/test_vocab.py checks it), after optional decoration.
LABEL_STEMS = (
    "<<", "«", "‹", "←", "⟵", "◄", "◀", "⇐", "< ", ">>", "»", "›", "→", "⟶", "►", "▶", "⇒", "> ",
    "上一", "上篇", "前一", "下一", "下篇", "后一", "後一", "前の", "次の", "이전", "다음",
    "推荐", "推薦", "相关", "相關", "猜你", "延伸", "为你", "為你", "精彩", "编辑", "看了",
    "大家", "你可能", "関連", "おすすめ", "관련", "추천", "热门", "熱門",
    "prev", "older", "vorher", "vorig", "älter", "précéd", "anterior", "предыдущ", "precedent",
    "önceki",
    "next", "newer", "nächst", "neuer", "suivant", "siguiente", "следующ", "successiv", "sonraki",
    "próxim", "article", "billet", "sujet", "post", "page", "artículo", "articulo", "artigo",
    "entrada", "publicaci", "nota", "noticia", "página", "pagina", "articolo", "contenid",
    "relat", "recom", "you ", "we think", "read", "also", "see also", "further", "keep read",
    "what to read", "more ", "similar", "suggest", "mehr", "das könnte", "dies könnte", "auch",
    "lesen", "lies", "siehe", "passend", "zum weiter", "weiterl", "weitere", "ähnlich", "verwandt",
    "empf", "unsere", "für ",
    "à lire", "a lire", "à découvrir", "lire", "sur le", "sur ce", "contenu", "voir", "vous",
    "ça ", "ceci", "cela", "ces articles", "nos recom", "découvrir", "dans la", "pour aller",
    "pour appro",
    "también", "te puede", "te podr", "le puede", "le podr", "entradas", "publicaciones",
    "noticias", "notas", "lee ", "lea ", "quiz", "ver tamb", "sigue", "seguir", "te recom",
    "читайте", "читать", "похож", "рекоменд", "связан", "материал", "статьи", "ещё", "еще",
    "по теме", "вам", "смотрите", "см.", "leggi", "leia", "veja", "lees", "gerelateerd",
    "popular", "most ", "trending", "meistgelesen", "les plus", "lo más", "популяр",
    "raccomand", "potrebbe", "ti potr", "notizie", "articoli", "notícias", "matérias", "saiba",
    "meer", "zum ", "zu diesem", "à ", "a découvrir", "plus d", "más ", "mas ", "relacion",
    "läs", "les o", "les m", "læs", "czytaj", "zobacz", "polecamy", "przeczytaj", "więcej", "čtěte",
    "souvis",
    "mohlo", "ilgili", "i\u0307lgili", "benzer", "bunlar", "baca", "berita", "tin ", "xem",
    "taip", "susij",
    "lasi", "saist", "tengdar", "habari", "fleira", "lestu", "lese", "erfahr", "artikel",
    "beiträge", "para ", "powiąz", "aus dem", "our reader", "readers", "die red", "redaktion",
    "dies ", "das passt", "nieuwer", "ouder", "könnte", "dir ", "ihnen", "euch", "schon",
    "اقرأ", "مقالات", "أخبار", "مواضيع", "ये ", "यह ",
    "संबंधित", "ข่าว", "บทความ", "เรื่อง", "อ่าน", "คุณอาจ", "ဆက်စပ်", "អត្ថបទ", "ព័ត៌មាន",
    "vairāk", "iesakām", "tev varētu", "jums varētu", "اقرا", "إقرأ", "إقرا", "nākam", "iepriekš",
    "あわせて", "こちら", "함께", "更多", "关联", "關聯", "こんな記事", "puede", "ذات",
    "otras n", "seguí", "en relation", "plus en", "other peop", "other read", "das wird",
    "podobne", "dich interessiert", "sie interessiert", "euch interessiert", "diese artikel",
    "diese beitr", "dieses thema", "das thema", "interessante a", "interessante b",
    "beliebte a", "beliebte b", "vea ", "por si no", "leer m", "infórmate", "informate m",
    "we also", "try these", "from around", "polecane", "inne przep", "其他同", "同栏目", "同一栏目",
    "此前报",
    "関連", "合わせ", "併せ", "次に", "この記事", "ilginizi", "i\u0307lginizi", "sizin", "önerilen",
    "bunları", "같이", "новости", "вас", "ebenfalls", "dazu",
    "为您", "為您", "猜您", "您可能", "あなた", "オススメ", "編集部", "konuyla", "bu ", "haberler",
    "yazılar", "içerikler", "okumadan", "bakmadan", "sıradaki", "daha fazla", "bunu", "больше",
    "قد ", "شاهد", "lue ",
    "مطالب", "اخبار", "خبرهای", "بیشتر", "схож", "пов'", "пов’", "новини", "більше", "עוד",
    "קראו", "כתבות", "bacaan", "bài", "có thể",
    "poprzedni", "następn", "předchozí", "další", "volgend", "föregående", "nästa", "попередн",
    "наступн", "postingan", "tulisan", "المقال", "الخبر", "الموضوع", "مطلب", "خبر", "مقاله",
    "הכתבה", "הפוסט", "mira", "te sug", "podr", "en lien", "nos art", "themenverw", "könnte",
    "das inter",
)
_DECOR_SCAN = r"(?:[»›>■▌|#•◆●▶【\[〔［\-–—]\s*)?"


def _by_first_char(stems: tuple[str, ...], chunk: int = 32) -> str:
    """A trie-like alternation: Python's regex engine tries alternatives one by one, so the
    stems are grouped by first character, the groups put in chunks behind one-step
    character-class tests, and the whole behind a class of every first character. A text
    node is then rejected in a few steps, not ~100 (measured: 3x faster than a flat list)."""
    groups: dict[str, list[str]] = {}
    for stem in stems:
        groups.setdefault(stem[0], []).append(re.escape(stem[1:]))
    parts = []
    for first in sorted(groups):
        rests = sorted(set(groups[first]), key=len, reverse=True)
        rest = "|".join(r for r in rests if r)
        tail = f"(?:{rest})" if rest and all(rests) else f"(?:{rest})?" if rest else ""
        parts.append((first, re.escape(first) + tail))
    chunks = []
    for i in range(0, len(parts), chunk):
        part = parts[i:i + chunk]
        charset = "".join(re.escape(first) for first, _ in part)
        chunks.append(f"(?=[{charset}])(?:{'|'.join(alt for _, alt in part)})")
    return "|".join(chunks)


_FIRSTS = "".join(re.escape(ch) for ch in sorted({stem[0] for stem in LABEL_STEMS}))
LABEL_SCAN = re.compile(
    rf"\x00\s*(?=[{_FIRSTS}»›>■▌|#•◆●▶【\[〔［\-–—]){_DECOR_SCAN}(?:{_by_first_char(LABEL_STEMS)})"
)
# Arrows that end a link text ("Title »"): found with str.find, then ARROW_TAIL must follow.
NEXT_ARROWS = ("»", "›", "→", "⟶", ">>", "►", "▶")
ARROW_TAIL = re.compile(r"\s*\x00")
# Stems of the class names above, found with str.find (a regex alternation tries every
# stem at every character of every class name: several times slower). Few and short on
# purpose: each stem costs one pass over the page's class names.
CLASS_STEMS = (
    "prev", "next", "relat", "relac", "recom", "empfehl", "also", "like", "more-",
    "morestor", "read-next", "readnext", "further", "aussi", "similar", "yarpp", "rp4wp",
    "crp", "tuijian", "xiangguan", "xg", "tj", "cnxh",
)
