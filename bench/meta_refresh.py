"""CPU per page of the meta-refresh check: Scrapy's MetaRefreshMiddleware (the same-run
baseline) against crawler/middlewares/meta_refresh.py, on the demo site's HTML pages.

    python -m bench.meta_refresh [--articles N] [--pages N] [--rounds N]

stdout: one JSON object; best of `--rounds` per middleware, CPU time, the request object
built for every call included (bench/README.md, "Meta refresh").
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawler.demo.generator import ensure_site
from crawler.middlewares.meta_refresh import QuickMetaRefreshMiddleware


def _us_per_page(cls, bodies: list[bytes]) -> float:
    middleware = cls.from_crawler(get_crawler())
    responses = [HtmlResponse(f"http://127.0.0.1/{i}.html", body=body,
                              headers={"Content-Type": "text/html; charset=utf-8"})
                 for i, body in enumerate(bodies)]  # fresh: Scrapy caches the decoded text
    started = time.process_time()
    for response in responses:
        middleware.process_response(Request(response.url), response)
    return (time.process_time() - started) / len(responses) * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="demo site size")
    parser.add_argument("--pages", type=int, default=3000, help="HTML pages sampled")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted(ensure_site(args.articles).rglob("*.html"))
    files = random.Random(1).sample(files, min(args.pages, len(files)))
    bodies = [f.read_bytes() for f in files]
    result = {"benchmark": "meta_refresh", "pages": len(bodies),
              "mean_bytes": round(sum(map(len, bodies)) / len(bodies))}
    for name, cls in (("scrapy_us", MetaRefreshMiddleware),
                      ("quick_us", QuickMetaRefreshMiddleware)):
        result[name] = round(min(_us_per_page(cls, bodies) for _ in range(args.rounds)), 1)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
