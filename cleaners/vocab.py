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
from .vocab_zh import ZH_LONG_FEED_WORDS, ZH_SITE_LIST_WORDS, ZH_TOPIC_HUB_PATH

# --- teaser / related blocks ---------------------------------------------------------------
# Headings of article-specific recommendation blocks ("Recommend", "You may also like",
# "Mehr zum Thema", "Lire aussi", "Te puede interesar", "Читайте также", "推荐阅读").
RELATED_WORDS = (
    # en
    r"related(?:\s+(?:articles?|posts?|stories|content|reading|links?|news|pages?))?",
    r"related\s+(?:guides?|coverage|information|items?|resources)",
    r"recommend(?:ed|ations?)?(?:\s+(?:for\s+you|articles?|reading|stories|posts?))?",
    r"recommended\s+(?:from|by)\b.{0,40}",
    r"(?:you|we\s+think\s+you)\s+(?:may|might|will|could)\s+(?:also\s+)?like",
    r"(?:you|we\s+think\s+you)\s+(?:may|might|will|could)\s+(?:also\s+)?enjoy",
    r"you\s+(?:may|might|could)\s+(?:also\s+)?be\s+interested(?:\s+in)?",
    r"read\s+(?:more|next|also|this\s+next)", r"also\s+read", r"see\s+also",
    r"further\s+reading", r"keep\s+reading", r"what\s+to\s+read\s+next",
    r"more\s+(?:on|from|about|in|like\s+this|to\s+explore|stories|articles)\b.{0,40}",
    r"similar\s+(?:articles|posts|stories)", r"suggested\s+(?:articles|posts|stories|reading)",
    # de
    r"mehr\s+zum\s+thema.{0,40}", r"auch\s+interessant",
    r"(?:das|dies)\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren",
    r"lesen\s+sie\s+(?:auch|mehr|weiter)", r"lies\s+auch", r"passend\s+zum\s+thema",
    r"zum\s+weiterlesen", r"(?:weitere|ähnliche|verwandte|passende|empfohlene)\s+artikel",
    r"(?:weitere|ähnliche|verwandte|passende|empfohlene)\s+beiträge",
    r"ähnliche(?:\s+(?:nachrichten|meldungen|texte))?",
    r"(?:unsere\s+)?empfehlungen(?:\s+der\s+redaktion)?",
    # fr
    r"(?:à\s+|a\s+)?lire\s+(?:aussi|également|egalement|ensuite)",
    r"sur\s+(?:le\s+même|ce)\s+(?:sujet|thème)", r"voir\s+aussi",
    r"(?:articles?|contenus?)\s+(?:similaires|liés|associés|recommandés|en\s+lien)",
    r"vous\s+(?:aimerez|aimeriez|pourriez\s+aimer)(?:\s+(?:aussi|également))?",
    r"(?:ça|ceci|cela|ces\s+articles)\s+(?:peut|peuvent|pourrai(?:t|ent))\s+vous\s+intéresser",
    r"nos\s+recommandations", r"(?:à\s+)?découvrir\s+(?:aussi|également)",
    r"dans\s+la\s+même\s+rubrique", r"pour\s+aller\s+plus\s+loin",
    # es
    r"(?:también\s+)?(?:te|le)\s+(?:puede|podría)\s+(?:interesar|gustar)",
    r"(?:art[ií]culos|entradas|publicaciones|noticias|contenidos?|notas)\s+relacionad[oa]s",
    r"(?:art[ií]culos|entradas|publicaciones|noticias|notas)\s+(?:recomendad[oa]s|similares)",
    r"le[ea]\s+también", r"te\s+recomendamos", r"recomendad[oa]s(?:\s+para\s+ti)?",
    r"quiz[aá]s?\s+te\s+interese", r"ver\s+también", r"sigue\s+leyendo",
    # ru
    r"читайте\s+(?:также|ещё|еще|по\s+теме)", r"читать\s+(?:также|ещё|еще)",
    r"(?:похожие|рекомендуемые|связанные)\s+(?:статьи|записи|материалы|новости|публикации)",
    r"рекомендуем(?:\s+(?:почитать|прочитать))?", r"(?:материалы|статьи|ещё|еще)\s+по\s+теме",
    r"по\s+теме", r"вам\s+(?:также\s+)?может\s+(?:быть\s+интересно|понравиться)",
    r"смотрите\s+также", r"см\.\s+также",
    # zh (simplified and traditional), ja, ko
    r"推荐阅读", r"推薦閱讀", r"相[关關](?:文章|阅读|閱讀|推荐|推薦|链接|連結|内容|內容)",
    r"相[关關](?:资讯|新闻|新聞)", r"猜你喜[欢歡]", r"延伸[阅閱][读讀]", r"[为為]你推[荐薦]",
    r"精彩推荐", r"编辑推荐", r"推荐文章", r"推荐", r"看了(?:本文|这篇文章)的人还看了",
    r"大家都在看", r"你可能(?:还)?(?:感兴趣|喜欢)", r"関連記事", r"おすすめ(?:記事)?",
    r"관련\s?기사", r"추천\s?기사",
    # it, pt, nl
    r"leggi\s+anche", r"articoli\s+correlati", r"leia\s+(?:também|mais)", r"veja\s+também",
    r"artigos\s+relacionados", r"lees\s+ook", r"gerelateerde\s+artikelen",
    r"raccomandati(?:\s+per\s+te)?", r"potrebbe\s+interessarti", r"ti\s+potrebbe\s+interessare",
    r"(?:notizie|articoli)\s+(?:correlate|simili)", r"(?:notícias|matérias)\s+relacionadas",
    r"(?:leia|veja|saiba)\s+mais", r"meer\s+over\b.{0,40}", r"gerelateerd",
    # en, de, fr, es: more wordings of the same blocks
    r"more\s+(?:\w+\s+){1,3}(?:stories|news|articles|posts)", r"(?:related|similar)\s+reads?",
    r"(?:zum|zu\s+diesem)\s+(?:selben\s+|gleichen\s+)?thema", r"mehr\s+(?:aus|zu|über)\b.{0,40}",
    r"(?:à|a)\s+découvrir(?:\s+(?:aussi|également))?", r"plus\s+d['’]articles?\b.{0,40}",
    r"(?:más|mas)\s+(?:sobre|noticias\s+(?:sobre|de))\b.{0,40}", r"relacionad[oa]s",
    r"read\s+more\s+(?:stories|articles|news|posts)", r"lesen\s+sie\s+hier\s+mehr\b.{0,40}",
    r"mehr\s+(?:nachrichten|news|artikel)\s+(?:aus|zu|über)\b.{0,40}",
    r"(?:unsere\s+)?lese-?(?:tipps?|empfehlung(?:en)?)", r"erfahren?\s+(?:sie\s+)?mehr",
    r"(?:artikel|beiträge),?\s+die\s+(?:dir|ihnen)\s+(?:auch\s+)?gefallen\s+(?:könnten|werden)",
    r"para\s+saber\s+más", r"(?:noticia|nota|artículo)\s+relacionad[oa]",
    r"(?:à|a)\s+(?:écouter|voir|regarder)\s+(?:aussi|également)",
    # nordic, pl, cs, tr, id, vi, lt, lv, is, sw
    r"läs\s+(?:också|även|mer)", r"relaterat", r"relaterade\s+artiklar", r"les\s+(?:også|mer)",
    r"relaterte\s+(?:saker|artikler)", r"læs\s+(?:også|mere)", r"relaterede\s+artikler",
    r"czytaj\s+(?:też|także|również|więcej)", r"powiązane(?:\s+artykuły)?",
    r"zobacz\s+(?:też|także|również)", r"polecamy",
    r"čtěte\s+(?:také|též)", r"související\s+(?:články|zprávy)", r"mohlo\s+by\s+vás\s+zajímat",
    r"ilgili\s+(?:haberler|haber|yazılar|içerikler)", r"benzer\s+haberler",
    r"bunlar(?:\s+da)?\s+ilginizi\s+çekebilir", r"baca\s+juga", r"berita\s+terkait",
    r"tin\s+liên\s+quan", r"xem\s+thêm", r"taip\s+pat\s+skaitykite", r"susiję\s+straipsniai",
    r"lasi\s+arī", r"saistītie\s+raksti", r"tengdar\s+fréttir", r"habari\s+zinazohusiana",
    r"fleira\s+áhugavert", r"lestu\s+(?:líka|einnig)", r"mohlo\s+by\s+tě\s+zajímat",
    # ar, hi, th, ja, ko, zh-hant
    r"اقرأ\s+(?:أيضا|أيضاً|أيضًا)", r"(?:مقالات|أخبار|مواضيع)\s+ذات\s+صلة",
    r"ये\s+भी\s+पढ़ें", r"यह\s+भी\s+पढ़ें", r"संबंधित\s+(?:खबरें|ख़बरें|लेख)",
    r"(?:ข่าว|บทความ)ที่เกี่ยวข้อง", r"関連(?:ニュース|情報|リンク)", r"あわせて読みたい",
    r"こちらもおすすめ", r"こちらも読まれています", r"함께\s?(?:보면|읽으면)\s?좋은\s?(?:기사|글)",
    r"관련\s?(?:뉴스|글)", r"相[关關](?:报道|報導|连接|連接)", r"更多相[关關]",
    # ja, tr, ko, ru, de: more wordings of the same blocks
    r"関連する記事", r"(?:合わせて|併せて)読みたい", r"次に読みたい(?:記事)?",
    r"この記事を(?:読んだ|見た)(?:人|方)(?:は|に|への)?(?:こんな記事も読んでいます|おすすめ)",
    r"こちらもどうぞ", r"(?:benzer|ilgili)\s+(?:içerikler|yazılar|makaleler|videolar)",
    r"(?:bunlar(?:\s+da)?\s+)?ilginizi\s+çekebilir",
    r"ilginizi\s+çekebilecek\s+(?:haberler|içerikler)",
    r"sizin\s+için\s+(?:seçtiklerimiz|önerilenler)", r"önerilen\s+(?:haberler|içerikler|yazılar)",
    r"bunları\s+da\s+okuyun", r"같이\s?보면\s?좋은\s?(?:기사|뉴스)",
    r"новости\s+по\s+теме", r"вас\s+(?:также\s+)?может\s+заинтересовать",
    r"(?:auch|ebenfalls)\s+(?:lesenswert|interessant)", r"dazu\s+passend",
    r"weitere\s+(?:nachrichten|meldungen|berichte)\s+zum\s+thema",
    # zh, ja, tr, ko, ru, ar: polite and longer forms of the same headings
    r"[为為]您推[荐薦]", r"猜您喜[欢歡]", r"延伸\s*[·・]?\s*推[荐薦]",
    r"(?:你|您)可能(?:还|也|還)?(?:会|會)?(?:感兴趣|感興趣|喜欢|喜歡)(?:的(?:文章|内容|內容|新闻|新聞))?",
    r"あなたに(?:おすすめ|オススメ)(?:の(?:記事|ニュース))?",
    r"(?:おすすめ|オススメ)の(?:記事|ニュース|コンテンツ)",
    r"関連記事(?:一覧|リンク)?", r"こちらの記事も(?:おすすめ|読まれています|どうぞ)",
    r"(?:あわせて|合わせて|併せて)読む", r"次に読む(?:記事)?",
    r"(?:bu\s+)?konuyla\s+ilgili(?:\s+(?:diğer\s+)?(?:haberler|yazılar|içerikler))?",
    r"(?:bu\s+)?(?:haberler|yazılar|içerikler)\s+(?:de|da)\s+ilginizi\s+çekebilir",
    r"(?:okumadan|bakmadan)\s+geçme(?:yin)?", r"sıradaki\s+haber",
    r"daha\s+fazla\s+(?:haber(?:ler)?|içerik)", r"(?:bunu|bunları)\s+da\s+okuyun",
    r"추천\s?(?:뉴스|콘텐츠)", r"함께\s?(?:본|읽은|볼만한)\s?(?:기사|뉴스)",
    r"(?:ещё|еще|больше)\s+(?:на\s+эту\s+тему|новостей\s+по\s+теме)",
    r"вам\s+(?:будет|может\s+быть)\s+интересно",
    r"(?:مقالات|أخبار|مواضيع)\s+(?:متعلقة|مشابهة)",
    r"قد\s+(?:يعجبك|يهمك)(?:\s+(?:أيضا|أيضاً|أيضًا))?",
    r"شاهد\s+(?:أيضا|أيضاً|أيضًا)",
)
# Site-wide lists: they end a text dump's body, but are not about the article, so the HTML
# detector leaves them alone ("Most read", "热门文章").
SITE_LIST_WORDS = (
    r"popular(?:\s+\w+)?", r"most\s+(?:read|popular|viewed|shared)", r"trending(?:\s+now)?",
    r"meistgelesen", r"les\s+plus\s+lus", r"lo\s+más\s+leído", r"популярное",
    r"热门(?:文章|阅读)?", r"熱門(?:文章|閱讀)?",
    r"(?:the\s+)?latest(?:\s+(?:news|stories|articles|posts))?", r"top\s+stories",
    r"(?:ahora\s+)?en\s+portada", r"hlavní\s+zprávy", r"aktuell(?:e\s+nachrichten)?",
    r"会員限定(?:記事)?", r"(?:members?|subscribers?)[-\s]only", r"premium(?:\s+\w+)?",
    r"meest\s+(?:gelezen|bekeken)", r"laatste\s+nieuws", r"hoofdpunten", r"net\s+binnen",
    r"beste\s+van\b.{0,20}", r"nýjast(?:\s+á\b.{0,20})?", r"(?:senaste|siste|seneste)(?:\s+\w+)?",
    r"najnowsze", r"najczęściej\s+czytane", r"nejčtenější", r"son\s+dakika",
    r"çok\s+okunan(?:lar)?",
    r"lo\s+último", r"últimas(?:\s+\w+)?", r"ultime\s+notizie", r"le\s+plus\s+lu",
    r"editor['’]?s\s+picks?", r"meistgelesene?(?:\s+artikel)?", r"meistgesehen",
    r"neueste\s+artikel", r"top-?(?:meldungen|themen|nachrichten)", r"top\s+news",
    r"(?:mest|mer)\s+(?:läst|lest|læst|delt)",
    r"les\s+plus\s+(?:lus|partagés|commentés|populaires)",
    r"à\s+la\s+une", r"(?:lo\s+)?más\s+(?:leíd[oa]s?|vist[oa]s?)", r"últimas\s+noticias",
    r"самое\s+(?:читаемое|популярное)", r"アクセスランキング", r"ランキング", r"人気記事",
    r"많이\s?본\s?(?:뉴스|기사)", r"排行(?:榜)?", r"最新(?:文章|资讯|新闻|消息)?",
    r"en\s+çok\s+okunan(?:lar)?", r"più\s+lett[ie]", r"mais\s+lid[ao]s",
    r"編集部(?:の)?(?:おすすめ|オススメ)",
    r"recent\s+(?:stories|posts|articles|news)", r"新着(?:ニュース|記事)?", r"速報",
    r"最近(?:发表|更新|发布)", r"nejnovější", r"web\s+stories", r"(?:記事|ニュース)?一覧",
    # a feed of one subject's latest stories: "Today Weather Update", "Live updates"
    r"(?:live\s+)?updates?",
    *ZH_SITE_LIST_WORDS,
)
_DECOR_HEAD = r"^\s*(?:[»›>■▌|#•◆●▶【\-–—]\s*)?"
# A count of the items may follow: "Related articles (3)", "関連記事（5）".
_DECOR_TAIL = r"\s*(?:[(（]\d{1,3}[)）])?\s*[:：.!…»›>→】\-–—]*\s*$"
# Tag clouds dressed as related blocks: "Related topics", "Verwandte Themen".
_TAG_HEADINGS = r"(?!related\s+(?:topics?|tags?|searches|keywords?|terms|categor|conditions))"
RELATED_HEADING = re.compile(
    rf"{_DECOR_HEAD}{_TAG_HEADINGS}(?:{_alt(RELATED_WORDS)}){_DECOR_TAIL}", re.IGNORECASE
)
# Personalised recommendation feeds ("为您推荐", "Recommended for you"): long by design (a
# portal's feed under the article), so their dozens of cards are no sign of a latest list.
FOR_YOU_HEADING = re.compile(
    rf"{_DECOR_HEAD}(?:[为為][您你]推[荐薦]|猜你喜[欢歡]|recommended\s+for\s+you"
    rf"|empfohlen\s+für\s+(?:sie|dich)|recommandés?\s+pour\s+vous|recomendad[oa]s\s+para\s+ti"
    rf"|raccomandati\s+per\s+te|{_alt(ZH_LONG_FEED_WORDS)}){_DECOR_TAIL}",
    re.IGNORECASE,
)
# A text that opens with a site-wide list name: "最新のスポーツ記事 野球 ゴルフ" (a tab bar).
SITE_LIST_START = re.compile(rf"{_DECOR_HEAD}(?:{_alt(SITE_LIST_WORDS)})", re.IGNORECASE)
# ... or closes with one, as the last part of a compound: "Motorsport-Aktuell", "Sport aktuell".
SITE_LIST_END = re.compile(rf"[\s\-–—|]+(?:{_alt(SITE_LIST_WORDS)}){_DECOR_TAIL}", re.IGNORECASE)
# Class/id names of boxes around unlabelled card rails: "tw-article-teaser",
# "read-more-links", "more-stories", "article_page_bottom_zone", "recirculation".
RAIL_CLASS = re.compile(
    r"teaser|card|stor(?:y|ies)|recirc|read|more|also|bottom|zone"
    r"|article-?list|post-?list|news-?list|relat|recom|suggest|similar|weitere|mehr"
)
# Boxes whose lists are site-wide or not shown: sidebars, widgets, tabs, hidden elements, an
# author's latest articles ("more-content-from-the-author": not about this article).
NOT_RAIL_CLASS = re.compile(
    r"side|widget|(?<![a-z])tabs?(?![a-z])|tab-|hidden|(?<![a-z])hide|d-none|ranking|popular"
    r"|trend|latest|newest|ticker|most|top-?news|breaking|menu|nav|footer|header|ad(?:s|vert)"
    r"|slide|carousel|swiper|slick|job|shop|product|partner|sponsor|promo|comment|author"
    r"|sld|blog-?grid|pagination|(?<![a-z])actual"
)
# Headings that open a teaser/related block: "Recommend", "You may also like", "推荐阅读", ...
TEASER_HEADING = re.compile(
    rf"{_DECOR_HEAD}(?:{_alt(RELATED_WORDS + SITE_LIST_WORDS)}){_DECOR_TAIL}", re.IGNORECASE
)
# Link texts of "read on" / "see all" links inside or below teaser cards.
READ_MORE = re.compile(
    r"^\W*(?:read\s+(?:more|on|the\s+(?:article|rest)|full\s+(?:article|story))|continue\s+reading"
    r"|more|see\s+(?:more|all)|view\s+(?:more|all)|show\s+more|load\s+more|weiterlesen|mehr"
    r"|mehr\s+lesen|alle\s+\w+|lire\s+la\s+suite|lire\s+plus|voir\s+(?:plus|tout)|en\s+savoir"
    r"\s+plus|leer\s+más|ver\s+(?:más|todo)|seguir\s+leyendo|читать\s+(?:далее|дальше|полностью)"
    r"|подробнее|далее|ещё|еще|阅读全文|閱讀全文|查看更多|更多|详情|詳情|阅读更多|全文"
    # "更多精彩内容", "更多新闻": more of something, a link to a listing
    r"|更多[\u4e00-\u9fff]{1,6})\W*$",
    re.IGNORECASE,
)

# Calls to action that open a link's text: "Learn more about our network", "Sign up for":
# a link to a page about something, not an article's headline.
CALL_TO_ACTION = re.compile(
    r"^\W*(?:learn\s+more|click\s+here|sign\s+up|subscribe"
    r"|mehr\s+erfahren|erfahren\s+sie\s+mehr|hier\s+(?:klicken|anmelden|bestellen)"
    r"|en\s+savoir\s+plus|más\s+información|saiba\s+mais|scopri\s+di\s+più)\b",
    re.IGNORECASE,
)

# Text that must never end up in a body (used for the boilerplate_leak warning): a line that
# starts with an explicit prev/next label, or that is only a related-block heading.
BODY_LEAK = re.compile(
    rf"(?m)^(?:<<:|>>:|上一篇|下一篇|(?:{_alt(PREV_PHRASES + NEXT_PHRASES)})\s*[:：]"
    rf"|{_TAG_HEADINGS}(?:{_alt(RELATED_WORDS)})\s*[:：]?\s*$)",
    re.IGNORECASE,
)

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
    r"|category"
    r"|categories"
    r"|kategorie|etiqueta|etiquetas|search|suche|recherche|login|subscribe)(?:/|$)"
    # paid content under its own folder ("/annonse/slik-reiser-du-billig/81329020"), job
    # ads ("/job/leitung-controlling.1170683765.html"), subscription offers ("/abo-service/")
    r"|/(?:annonse|anzeige|advertorial|sponsored|sponsored-content|publireportage"
    r"|branded-content|partner-content|reklame|job|jobs|stellenangebote?|abo|abo-service"
    r"|aboshop|abonnement|subscriptions?|gutscheine|vouchercodes|coupons?)/"
    r"|\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip)(?:$|\?)|" + ZH_TOPIC_HUB_PATH,
    re.IGNORECASE,
)
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
                 r"|mega-?menu|nav-?menu|(?:top|primary|global|header)-?nav")
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
    "entrada", "publicaci", "nota", "noticia", "página", "pagina", "articolo",
    "relat", "recom", "you ", "we think", "read", "also", "see also", "further", "keep read",
    "what to read", "more ", "similar", "suggest", "mehr", "das könnte", "dies könnte", "auch",
    "lesen", "lies", "passend", "zum weiter", "weitere", "ähnlich", "verwandt", "empf", "unsere",
    "à lire", "a lire", "à découvrir", "lire", "sur le", "sur ce", "contenu", "voir", "vous",
    "ça ", "ceci", "cela", "ces articles", "nos recom", "découvrir", "dans la", "pour aller",
    "también", "te puede", "te podr", "le puede", "le podr", "entradas", "publicaciones",
    "noticias", "notas", "lee ", "lea ", "quiz", "ver tamb", "sigue", "te recom",
    "читайте", "читать", "похож", "рекоменд", "связан", "материал", "статьи", "ещё", "еще",
    "по теме", "вам", "смотрите", "см.", "leggi", "leia", "veja", "lees", "gerelateerd",
    "popular", "most ", "trending", "meistgelesen", "les plus", "lo más", "популяр",
    "raccomand", "potrebbe", "ti potr", "notizie", "articoli", "notícias", "matérias", "saiba",
    "meer", "zum ", "zu diesem", "à ", "a découvrir", "plus d", "más ", "mas ", "relacion",
    "läs", "les o", "les m", "læs", "czytaj", "zobacz", "polecamy", "čtěte", "souvis",
    "mohlo", "ilgili", "i\u0307lgili", "benzer", "bunlar", "baca", "berita", "tin ", "xem",
    "taip", "susij",
    "lasi", "saist", "tengdar", "habari", "fleira", "lestu", "lese", "erfahr", "artikel",
    "beiträge", "para ", "powiąz",
    "اقرأ", "مقالات", "أخبار", "مواضيع", "ये ", "यह ",
    "संबंधित", "ข่าว", "บทความ", "あわせて", "こちら", "함께", "更多",
    "関連", "合わせ", "併せ", "次に", "この記事", "ilginizi", "i\u0307lginizi", "sizin", "önerilen",
    "bunları", "같이", "новости", "вас", "ebenfalls", "dazu",
    "为您", "為您", "猜您", "您可能", "あなた", "オススメ", "編集部", "konuyla", "bu ", "haberler",
    "yazılar", "içerikler", "okumadan", "bakmadan", "sıradaki", "daha fazla", "bunu", "больше",
    "قد ", "شاهد",
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
