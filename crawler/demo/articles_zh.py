"""Article data for the Chinese portal family (served as GBK)."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from .model import Block, DemoArticle, RngFor
from .textgen import sentence
from .words_zh import ELLIPSES, HEADINGS, NUMERALS, OPENINGS, POOLS, SENTENCES, TITLES

CHANNELS = (("news", "健康资讯"), ("jibing", "疾病百科"), ("yangsheng", "中医养生"),
            ("yinshi", "饮食健康"))
AUTHORS = ("王芳", "李华", "张伟", "刘洋", "陈静", "赵敏")
SOURCES = ("健康时报", "生命时报", "家庭医生", "大众健康", "本站原创")
_CST = timezone(timedelta(hours=8))
_START = datetime(2020, 3, 2, 9, 0, tzinfo=_CST)
_SPAN = timedelta(days=5 * 365)


def _paragraph(rng: random.Random, fixed: dict, sentences: int, opening: bool = False) -> str:
    out = [sentence(rng, OPENINGS, POOLS, fixed)] if opening else []
    # distinct patterns: one paragraph never says the same thing twice in other words
    out += [t.fill(rng, POOLS, fixed) for t in rng.sample(SENTENCES, sentences - len(out))]
    return "".join(out)


def build_zh(count: int, rng_for: RngFor) -> list[DemoArticle]:
    seen: set[str] = set()
    step = _SPAN / max(count, 1)
    out = []
    for i in range(count):
        rng = rng_for(i)
        for _ in range(40):  # a new topic on each try: a title no other article has
            fixed = {"cond": rng.choice(POOLS["cond"]), "sym": rng.choice(POOLS["sym"])}
            title = sentence(rng, TITLES, POOLS, fixed)
            if title not in seen:
                break
        else:
            title = f"{title}（{len(seen) + 1}）"
        seen.add(title)
        when = _START + step * i + timedelta(minutes=rng.randrange(
            max(1, int(step.total_seconds() * 0.8 / 60))))
        when = when.replace(second=0, microsecond=0)
        blocks = [Block("p", _paragraph(rng, fixed, rng.randint(3, 4), opening=True))]
        for n, heading in enumerate(rng.sample(HEADINGS, rng.randint(2, 4))):
            blocks.append(Block("h2", f"{NUMERALS[n]}、{heading}"))
            blocks.extend(Block("p", _paragraph(rng, fixed, rng.randint(2, 4)))
                          for _ in range(rng.randint(1, 2)))
        channel = rng.choice(CHANNELS)
        path = f"/zh/{channel[0]}/{when:%Y/%m%d}/{100000 + 3 * i + rng.randrange(3)}.shtml"
        art = DemoArticle("zh", i, path, title, blocks, channel, rng,
                          published=when.isoformat(), author=("", rng.choice(AUTHORS)))
        cut = art.first_paragraph[:rng.randint(26, 40)]
        art.teaser_text = cut + rng.choice(ELLIPSES)
        art.teaser_snippet, art.teaser_truncated = cut, True
        # Some portals' editors separate paragraphs with <br><br> instead of <p>.
        art.layout = "br" if rng.random() < 0.2 else "p"
        out.append(art)
    return out
