"""Chinese navigation vocabulary that cleaners/vocab.py builds into its patterns.

Portal sidebars head their site-wide lists with words other than "热门" (hot) or "排行"
(ranking): "热点博客" / "热点推荐" (hot spots), "图片故事" / "图片新闻" (the site's picture
stories), "好书精选" (a reading channel's book promotions). Lists under them are the same for
every article of the site (docs/annotation.md, round 10), like "Most read".

A portal's "相关新闻" (related news) tab is a feed too: forty cards of the story's topic under
a sina tech article, loaded like "为您推荐". Its length is no sign of a latest list.

Chinese portals keep a topic's hub page (专题, zhuanti) in a folder of its own: "/zt_d/apple2019/",
"/special/nbzz/", "/ningbozhanzhuanti/pyq/". A link to it leads to a topic page, not an
article (like "/topic/…"): left out of related blocks (docs/annotation.md, round 9 and 10).
"""
from __future__ import annotations

ZH_SITE_LIST_WORDS = (
    r"[热熱][点點]", r"[图圖]片(?:故事|新[闻聞]|推[荐薦])",
    r"精彩(?:[组組][图圖]|[图圖]片|[视視][频頻])", r"好[书書](?:精[选選]|推[荐薦])",
)

ZH_LONG_FEED_WORDS = (r"相[关關](?:新[闻聞]|[资資][讯訊])",)
# a hub is the folder itself: "/special/2019/0908/story.html" below it is an article
ZH_TOPIC_HUB_PATH = r"/(?:[a-z]*zhuanti|zt|zt_d|special)/[^/.?#]+/?$"
