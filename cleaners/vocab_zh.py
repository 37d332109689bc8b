"""Chinese navigation vocabulary that cleaners/vocab.py builds into its patterns.

Portal sidebars head their site-wide lists with words other than "热门" (hot) or "排行"
(ranking): "热点博客" / "热点推荐" (hot spots), "图片故事" / "图片新闻" (the site's picture
stories), "好书精选" (a reading channel's book promotions). Lists under them are the same for
every article of the site (docs/annotation.md, round 10), like "Most read".
"""
from __future__ import annotations

ZH_SITE_LIST_WORDS = (
    r"[热熱][点點]", r"[图圖]片(?:故事|新[闻聞]|推[荐薦])",
    r"精彩(?:[组組][图圖]|[图圖]片|[视視][频頻])", r"好[书書](?:精[选選]|推[荐薦])",
)
