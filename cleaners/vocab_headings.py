"""Words of block headings: article-specific recommendation blocks and site-wide lists.

Regex fragments (lowercase), compiled in cleaners.vocab (RELATED_HEADING, TEASER_HEADING,
SITE_LIST_START/END); kept apart so the word lists can grow without the patterns' module.
"""
from __future__ import annotations

from .vocab_zh import ZH_SITE_LIST_WORDS

# Headings of article-specific recommendation blocks ("Recommend", "You may also like",
# "Mehr zum Thema", "Lire aussi", "Te puede interesar", "Читайте также", "推荐阅读").
RELATED_WORDS = (
    # en
    r"related(?:\s+(?:articles?|posts?|stories|content|reading|links?|news|pages?))?",
    r"related\s+(?:guides?|coverage|information|items?|resources)",
    # "Related recipes", "Related tutorials": any kind of the site's own pieces (the lists
    # that lead to no article, "Related topics", are cleaners.vocab's _TAG_HEADINGS)
    r"related\s+[^\W\d_]{3,}s",
    r"recommend(?:ed|ations?)?(?:\s+(?:for\s+you|articles?|reading|stories|posts?))?",
    r"recommended\s+(?:from|by)\b.{0,40}",
    r"(?:you|we\s+think\s+you)\s+(?:may|might|will|could)\s+(?:also\s+)?like",
    r"(?:you|we\s+think\s+you)\s+(?:may|might|will|could)\s+(?:also\s+)?enjoy",
    r"you\s+(?:may|might|could)\s+(?:also\s+)?be\s+interested(?:\s+in)?",
    r"read\s+(?:more|next|also|this\s+next)", r"also\s+read", r"see\s+also",
    r"further\s+reading", r"keep\s+reading", r"what\s+to\s+read\s+next",
    r"more\s+(?:on|from|about|in|like\s+this|to\s+explore|stories|articles)\b.{0,40}",
    r"also\s+in\b.{0,40}",  # "Also in Food & Drink": the section's other stories
    # "More News from Sci-Tech", "Next Up In Science & Health": the section's other stories
    r"more\s+(?!(?:press\s+)?releases)(?:\w+\s+){1,2}from\b.{0,40}", r"next\s+up\s+in\b.{0,40}",
    r"similar\s+(?:articles|posts|stories)", r"suggested\s+(?:articles|posts|stories|reading)",
    # "Similar recipes", "Similar dishes for you to try out": the site's pieces of the kind
    r"similar\s+(?!(?:products|searches|topics|tags|items)\b)[^\W\d_]{3,}s",
    r"similar\s+[^\W\d_]{3,}s\s+(?:for|to)\s+you\b.{0,30}",
    # de
    r"mehr\s+zum\s+thema.{0,40}", r"auch\s+interessant",
    r"(?:das|dies)\s+könnte\s+(?:sie|dich)\s+(?:auch\s+)?interessieren",
    r"lesen\s+sie\s+(?:auch|mehr|weiter)", r"lies\s+auch", r"passend\s+zum\s+thema",
    r"siehe\s+auch", r"mehr\s+lesen", r"weiterlesen",
    r"zum\s+weiterlesen", r"(?:weitere|ähnliche|verwandte|passende|empfohlene)\s+artikel",
    r"(?:weitere|ähnliche|verwandte|passende|empfohlene)\s+beiträge",
    r"ähnliche(?:\s+(?:nachrichten|news|meldungen|neuigkeiten|texte|rezepte))?",
    r"(?:unsere\s+)?empfehlungen(?:\s+der\s+redaktion)?",
    r"für\s+(?:dich|sie)\s+empfohlen", r"empfohlen\s+für\s+(?:dich|sie)",
    # fr
    r"(?:à\s+|a\s+)?lire\s+(?:aussi|également|egalement|ensuite)",
    r"sur\s+(?:le\s+même|ce)\s+(?:sujet|thème)", r"voir\s+aussi",
    r"(?:articles?|contenus?)\s+(?:similaires|liés|associés|recommandés|en\s+lien|en\s+relation)",
    r"vous\s+(?:aimerez|aimeriez|pourriez\s+aimer)(?:\s+(?:aussi|également))?",
    r"(?:ça|ceci|cela|ces\s+articles)\s+(?:peut|peuvent|pourrai(?:t|ent))\s+vous\s+intéresser",
    r"nos\s+recommandations", r"(?:à\s+)?découvrir\s+(?:aussi|également)",
    r"dans\s+la\s+même\s+rubrique", r"pour\s+aller\s+plus\s+loin", r"en\s+relation",
    r"plus\s+en\s+[^\W\d_].{0,40}",
    r"pour\s+approfondir",
    # es
    r"(?:también\s+)?(?:te|le)\s+(?:puede|podría)\s+(?:interesar|gustar)",
    r"(?:también\s+)?(?:puede|podría)\s+interesar(?:te|le)",
    r"(?:art[ií]culos|entradas|publicaciones|noticias|contenidos?|notas)\s+relacionad[oa]s?",
    r"(?:art[ií]culos|entradas|publicaciones|noticias|notas)\s+(?:recomendad[oa]s|similares)",
    r"le[ea]\s+también", r"te\s+recomendamos", r"recomendad[oa]s(?:\s+para\s+ti)?",
    r"quiz[aá]s?\s+te\s+interese", r"ver\s+también", r"vea\s+también",
    r"por\s+si\s+no\s+lo\s+viste", r"le(?:[ea]|er)\s+m[aá]s", r"inf[oó]rmate\s+m[aá]s",
    r"sigue\s+leyendo", r"seguir\s+leyendo",
    # "Seguí leyendo" (the voseo of Argentina), "Puedes ver:", the site's other news ("Otras
    # noticias", "... de <topic>", as "Weitere Nachrichten"), the section's ("Notas de la sección")
    r"segu[ií]\s+leyendo", r"(?:también\s+)?puedes?\s+ver",
    r"otras\s+noticias(?:\s+(?:de|sobre)\b.{0,40})?",
    r"(?:otras\s+)?notas\s+de\s+(?:la\s+)?secci[oó]n",
    # ru
    r"читайте\s+(?:также|ещё|еще|по\s+теме)", r"читать\s+(?:также|ещё|еще)",
    r"(?:похожие|рекомендуемые|связанные)\s+(?:статьи|записи|материалы|новости|публикации)",
    r"рекомендуем(?:\s+(?:почитать|прочитать))?", r"(?:материалы|статьи|ещё|еще)\s+по\s+теме",
    r"по\s+теме", r"вам\s+(?:также\s+)?может\s+(?:быть\s+интересно|понравиться)",
    r"смотрите\s+также", r"см\.\s+также",
    # zh (simplified and traditional), ja, ko
    r"推荐阅读", r"推薦閱讀", r"相[关關](?:文章|阅读|閱讀|推荐|推薦|链接|連結|内容|內容)",
    # earlier reports, the same column's other pieces
    r"此前报道", r"(?:其他)?同一?栏目(?:内容|文章|新闻)",
    # "相关阅读推荐" (related reading, recommended), "关联阅读" (linked reading)
    r"相[关關](?:阅读|閱讀)推[荐薦]", r"[关關][联聯](?:阅读|閱讀)",
    r"相[关關](?:资讯|新闻|新聞)", r"猜你喜[欢歡]", r"延伸[阅閱][读讀]", r"[为為]你推[荐薦]",
    r"编辑推荐", r"推荐文章", r"看了(?:本文|这篇文章)的人还看了",
    r"大家都在看", r"你可能(?:还)?(?:感兴趣|喜欢)", r"関連記事", r"おすすめ(?:記事)?",
    r"관련\s?기사", r"추천\s?기사",
    # it, pt, nl
    r"leggi\s+anche", r"articoli\s+correlati", r"leia\s+(?:também|mais)", r"veja\s+também",
    r"artigos\s+relacionados", r"lees\s+ook", r"gerelateerde\s+artikelen",
    r"raccomandati(?:\s+per\s+te)?", r"potrebbe\s+interessarti", r"ti\s+potrebbe\s+interessare",
    r"(?:notizie|articoli)\s+(?:correlate|simili)", r"(?:notícias|matérias)\s+relacionadas",
    r"(?:leia|veja|saiba)\s+mais", r"meer\s+over\b.{0,40}", r"gerelateerd",
    r"recomendamos\s+para\s+(?:você|voce|ti)",
    # en, de, fr, es: more wordings of the same blocks
    r"more\s+(?:\w+\s+){0,3}(?:stories|news|articles|posts)", r"(?:related|similar)\s+reads?",
    # "Other people are reading", es "También puede leer:",
    # de "Weitere Beiträge zu diesem Artikel",
    # "Das wird dir auch gefallen!", pl "Podobne przepisy"
    r"other\s+(?:people|readers)\s+are\s+(?:also\s+)?reading",
    r"we\s+also\s+love", r"try\s+these\s+next", r"from\s+around\s+the\s+site",
    r"polecane\s+(?:artykuły|wpisy|przepisy|teksty)", r"inne\s+przepisy",
    r"(?:también\s+)?puede\s+leer",
    r"weitere\s+(?:beiträge|artikel)\s+zu(?:m|r)?\b.{0,40}",
    r"das\s+wird\s+(?:dir|ihnen|euch)\s+(?:auch\s+)?gefallen",
    r"podobne\s+(?:artykuły|wpisy|przepisy|posty|teksty)",
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
    r"przeczytaj\s+(?:też|także|również)", r"więcej\s+na\s+(?:ten\s+)?temat",
    r"čtěte\s+(?:také|též)", r"související\s+(?:články|zprávy)", r"mohlo\s+by\s+vás\s+zajímat",
    r"ilgili\s+(?:haberler|haber|yazılar|içerikler)", r"benzer\s+haberler",
    r"bunlar(?:\s+da)?\s+ilginizi\s+çekebilir", r"baca\s+juga", r"berita\s+terkait",
    r"tin\s+liên\s+quan", r"xem\s+thêm", r"taip\s+pat\s+skaitykite", r"susiję\s+straipsniai",
    r"lasi\s+arī", r"saistītie\s+raksti", r"tengdar\s+fréttir", r"habari\s+zinazohusiana",
    r"fleira\s+áhugavert", r"lestu\s+(?:líka|einnig)", r"mohlo\s+by\s+tě\s+zajímat",
    # ar, hi, th, ja, ko, zh-hant
    # "اقرأ أيضا" is also written without its hamzas ("اقرا ايضا") or with one below ("إقرأ")
    r"[اأإ]قر[أا]\s+(?:[أا]يضا|[أا]يضاً|[أا]يضًا)", r"(?:(?:مقالات|أخبار|مواضيع)\s+)?ذات\s+صلة",
    r"ये\s+भी\s+पढ़ें", r"यह\s+भी\s+पढ़ें", r"संबंधित\s+(?:खबरें|ख़बरें|लेख)",
    r"(?:ข่าว|บทความ)ที่เกี่ยวข้อง", r"関連(?:ニュース|情報|リンク)", r"あわせて読みたい",
    # th, my, km, lv: related / recommended / read also, in scripts and wordings of their
    # own ("เรื่องที่เกี่ยวข้อง", "ဆက်စပ်သတင်းများ", "អត្ថបទពាក់ព័ន្ធ", "Saistītās ziņas")
    r"(?:อ่าน)?(?:ข่าว|บทความ|เรื่อง)(?:อื่น\s?ๆ\s?)?ที่(?:เกี่ยวข้อง|น่าสนใจ)",
    r"(?:ข่าว|บทความ|เรื่อง)เกี่ยวข้อง",
    r"(?:ข่าว|บทความ|เรื่อง)แนะนำ", r"อ่าน(?:ข่าว|บทความ)?เพิ่มเติม",
    r"คุณอาจ(?:จะ)?(?:สนใจ|ชอบ)",
    r"ဆက်စပ်(?:သတင်း|ဆောင်းပါး|အကြောင်းအရာ)(?:များ)?",
    r"(?:អត្ថបទ|ព័ត៌មាន)(?:ដែល)?ពាក់ព័ន្ធ", r"saistītās\s+ziņas", r"lasiet\s+arī",
    r"vairāk\s+par\s+(?:šo\s+)?tēmu", r"iesakām(?:\s+izlasīt)?",
    r"(?:tev|jums)\s+varētu\s+(?:interesēt|patikt)",
    r"こちらもおすすめ", r"こちらも読まれています", r"함께\s?(?:보면|읽으면)\s?좋은\s?(?:기사|글)",
    r"관련\s?(?:뉴스|글)", r"相[关關](?:报道|報導|连接|連接)", r"更多相[关關]",
    # ja, tr, ko, ru, de: more wordings of the same blocks
    r"関連する(?:記事|ニュース)", r"(?:あわせて|合わせて|併せて)読みたい記事",
    r"(?:合わせて|併せて)読みたい", r"次に読みたい(?:記事)?", r"こんな記事も読まれています",
    r"この記事を(?:読んだ|見た)(?:人|方)(?:は|に|への)?(?:こんな記事も読んでいます|おすすめ)",
    r"こちらもどうぞ", r"(?:benzer|ilgili)\s+(?:içerikler|yazılar|makaleler|videolar)",
    r"(?:bunlar(?:\s+da)?\s+)?ilginizi\s+çekebilir",
    r"ilginizi\s+çekebilecek\s+(?:haberler|içerikler)",
    r"sizin\s+için\s+(?:seçtiklerimiz|önerilenler)", r"önerilen\s+(?:haberler|içerikler|yazılar)",
    r"bunları\s+da\s+okuyun", r"같이\s?보면\s?좋은\s?(?:기사|뉴스)",
    r"новости\s+по\s+теме", r"вас\s+(?:также\s+)?может\s+заинтересовать",
    r"(?:auch|ebenfalls)\s+(?:lesenswert|interessant)", r"dazu\s+passend",
    r"weitere\s+(?:nachrichten|meldungen|berichte)\s+zum\s+thema",
    # the site's further news beside an article, or a blog's further posts of the article's
    # category ("Weitere Nachrichten", "Weitere Einträge der Kategorie Guides"); not
    # "Weitere Themen" (topic boxes as often as article lists: bench/README.md, round 4)
    r"(?:weitere|mehr)\s+(?:nachrichten|meldungen|news|berichte|einträge)",
    r"(?:weitere|mehr)\s+einträge\s+(?:aus\s+)?der\s+kategorie\b.{0,40}",
    # a block fitted to the article ("Passend zum Artikel"), the section's other stories
    # ("Aus dem Ressort"), what other readers went on to ("Our readers read next")
    r"passend\s+zum\s+(?:artikel|beitrag|text)", r"(?:mehr\s+)?aus\s+dem\s+ressort",
    r"(?:our\s+)?readers\s+(?:also\s+)?read(?:\s+next)?",
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
    # fi: "Lue myös", "Lue aiheesta lisää" (read more on the topic)
    r"lue\s+(?:myös|lisää|aiheesta(?:\s+lisää)?)",
    # es, fr, de, en: more wordings of the same blocks ("Mira también", "Vous pourriez aussi
    # aimer", "Passend dazu", "Read more about …"; not "Otras noticias" nor "Mehr dazu": a
    # site's other news, a read-more link)
    r"mira\s+tambi[eé]n", r"te\s+sugerimos", r"(?:también\s+)?podr[ií]a(?:n)?\s+interesarte",
    r"vous\s+(?:pourriez|pourrez)\s+(?:aussi\s+|également\s+)?aimer",
    r"vous\s+aimerez\s+(?:peut-être\s+)?(?:aussi|également)",
    r"en\s+lien\s+avec\s+cet\s+article", r"(?:nos\s+)?articles\s+similaires",
    r"à\s+lire\s+sur\s+le\s+même\s+sujet",
    r"passend\s+dazu", r"themenverwandte\s+(?:artikel|beiträge)",
    r"(?:das\s+)?könnte\s+(?:sie|dich)\s+(?:auch\s+)?(?:noch\s+)?interessieren",
    # "Diese Artikel könnten euch auch interessieren", "Das Thema könnte dich interessieren",
    # "Dich interessiert vielleicht auch"
    r"diese\s+(?:artikel|beiträge)\s+könnten\s+(?:dich|sie|euch)\s+(?:auch\s+|ebenfalls\s+)?interessieren",
    r"(?:das|dieses)\s+thema\s+könnte\s+(?:dich|sie|euch)\s+(?:auch\s+)?(?:noch\s+)?interessieren",
    r"(?:dich|sie|euch)\s+interessiert\s+vielleicht\s+auch",
    r"das\s+interessiert\s+(?:sie|dich)\s+(?:vielleicht\s+)?auch",
    r"weitere\s+interessante\s+(?:artikel|beiträge)",
    r"interessante\s+(?:artikel|beiträge)",
    r"(?:weitere|verwandte|passende)\s+(?:nachrichten|neuigkeiten|meldungen)",
    r"(?:beliebte\s+)?(?:artikel|beiträge)\s+zum\s+thema", r"weitere\s+inhalte\s+zum\s+thema",
    r"lesen\s+sie\s+weitere\s+(?:artikel|beiträge)\b.{0,40}",
    r"mehr\s+dazu\s+lesen\s+sie\s+hier", r"weiterlesen\s+auf\s+[\w.-]+",
    r"auch\s+auf\s+[\w.-]+(?:\s+online)?",
    r"read\s+more\s+about\b.{0,40}",
    # de: the editors' picks for this article, related content, "this fits the topic"
    r"(?:die\s+)?redaktion\s+empfiehlt", r"verwandte\s+inhalte",
    r"(?:dies|das)\s+passt\s+zum\s+thema", r"auch\s+lesen",
    # "that might please you too", "already read?"
    r"(?:das\s+)?könnte\s+(?:dir|ihnen|euch)\s+auch\s+gefallen",
    r"(?:dir|ihnen|euch)\s+könnte\s+auch\s+gefallen", r"schon\s+gelesen\s*\??",
    # fa, uk, he, id, vi: related news, read also, more on the topic
    r"(?:مطالب|اخبار|مقالات|خبرهای)\s+(?:مرتبط|مشابه)", r"بیشتر\s+بخوانید",
    r"читайте\s+(?:також|ще)", r"(?:схожі|пов['’]язані)\s+(?:новини|статті|матеріали)",
    r"новини\s+на\s+тему", r"більше\s+на\s+тему",
    r"עוד\s+בנושא", r"קראו\s+(?:גם|עוד)", r"כתבות\s+(?:נוספות|קשורות)",
    r"(?:artikel|bacaan)\s+terkait", r"bài\s+viết\s+liên\s+quan",
    r"có\s+thể\s+bạn\s+(?:quan\s+tâm|muốn\s+đọc)", r"tin\s+cùng\s+chuyên\s+mục",
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
    # the same rankings written apart ("Meist gelesen", "meist-gelesen", "Am meisten gelesen",
    # "Meist geklickte Pressemitteilungen")
    r"(?:am\s+)?meist(?:en)?[\s-]+(?:gelesen|geklickt|gesehen|geteilt|kommentiert)e?(?:\s+\w+)?",
    r"(?:am\s+)?meist(?:en)?[\s-]+diskutiert(?:e|en)?(?:\s+\w+)?",
    # a press portal's list of the issuer's other releases ("Weitere Pressemitteilungen von
    # <company>", "More press releases from <company>"): the issuer's latest, not the topic's
    r"(?:weitere|andere|alle)\s+pressemitteilungen\b.{0,60}",
    r"(?:more|other|all)\s+(?:press\s+)?releases\s+(?:from|by|of)\b.{0,60}",
    r"neueste\s+artikel", r"top-?(?:meldungen|themen|nachrichten)", r"top\s+news",
    # a column box of the site's newest stories: "Neue Nachrichten", "Neueste Meldungen"
    r"neue(?:ste)?\s+(?:nachrichten|meldungen|news)",
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
    # fr, es, pt, ru: the site's newest stories ("Les dernières news Suisse"), rankings
    # written with "+" ("Las + leídas", "Videos + Vistos"), the day's top stories, a ticker
    r"(?:les\s+)?derni[eè]res\s+(?:news|nouvelles|infos|actualités|actus)(?:\s+\w+){0,2}",
    r"(?:las|los|lo|videos?|fotos?)\s*\+\s*(?:leíd|vist|compartid)[oa]s?",
    r"principais\s+(?:not[ií]cias\s+)?do\s+dia", r"лента\s+новостей",
    # an author's other pieces: not about this article ("Du même auteur")
    r"du\s+même\s+auteur", r"del\s+mismo\s+autor", r"dello\s+stesso\s+autore",
    r"do\s+mesmo\s+autor", r"vom\s+selben\s+autor",
    # th, lv: latest, most read, popular
    r"ข่าวล่าสุด", r"(?:ข่าว|บทความ)?ยอดนิยม", r"อ่านมากที่สุด", r"jaunākās\s+ziņas",
    r"(?:visvairāk\s+)?lasītāk(?:ie|ās)(?:\s+(?:raksti|ziņas))?",
    r"visvairāk\s+lasītie(?:\s+raksti)?", r"populārāk(?:ie|ās)(?:\s+(?:raksti|ziņas))?",
    r"ข่าวเด่น",
    # zh, ja, es: the day's hot stories, click rankings, featured and popular articles
    r"今日热点(?:新闻)?", r"(?:点击|阅读|热门|新闻)排行(?:榜)?", r"注目(?:記事|ニュース)",
    r"人気(?:ランキング|ニュース)", r"lo\s+más\s+popular",
    # ad widgets' headings (Outbrain, Taboola): paid links, not about the article
    r"around\s+the\s+web", r"from\s+(?:the\s+web|our\s+partners)",
    r"(?:sponsored|promoted)\s+(?:stories|content|links)",
    # ar, fa, my, ko, id / ms, vi, uk: most read / viewed / popular, the latest news
    r"الأكثر\s+(?:قراءة|مشاهدة|شعبية|تداول(?:ا|اً|ًا)?|تعليق(?:ا|اً|ًا)?)",
    r"(?:آخر|أحدث)\s+(?:الأخبار|الأنباء|المقالات|المواضيع)", r"الأحدث",
    r"پربازدیدترین(?:\s+\S+)?", r"پربیننده[\u200c\s]?ترین(?:\s+\S+)?",
    r"آخرین\s+(?:اخبار|خبرها|مطالب)",
    r"အများဆုံး\s?(?:ဖတ်ရှု|ကြည့်ရှု)(?:ခဲ့)?သော(?:\s?သတင်း(?:များ)?)?",
    r"လူကြိုက်အများဆုံး(?:\s?သတင်း(?:များ)?)?", r"နောက်ဆုံးရ?\s?သတင်း(?:များ)?",
    r"(?:최신|인기|주요)\s?(?:뉴스|기사)", r"가장\s?많이\s?(?:본|읽은)(?:\s?(?:뉴스|기사))?",
    r"(?:berita\s+)?terpopuler", r"(?:berita\s+)?terbaru", r"berita\s+terkini",
    r"paling\s+banyak\s+dibaca",
    r"(?:tin\s+)?đọc\s+nhiều(?:\s+nhất)?", r"(?:tin\s+)?xem\s+nhiều\s+nhất",
    r"tin\s+mới(?:\s+nhất)?",
    r"найпопулярніше", r"найчитаніше", r"останні\s+новини",
    *ZH_SITE_LIST_WORDS,
)
