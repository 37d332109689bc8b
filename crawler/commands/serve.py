"""`healthcrawl serve-demo`: the demo site in the foreground until Ctrl-C."""
from __future__ import annotations

import logging
import sys

from common.exits import EXIT_OK, EXIT_USAGE
from crawler.demo.server import serve_forever


def run_serve(port: int, pages: int) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")

    def ready(base_url: str) -> None:
        print(f"Demo site ({pages} articles) at {base_url}  (Ctrl-C stops)", file=sys.stderr)
        print(f"Crawl it: scrapy crawl health -a site=demo -a url={base_url} "
              "-s HEALTHCRAWL_ALLOW_PRIVATE_HOSTS=127.0.0.1", file=sys.stderr)

    try:
        serve_forever(port, pages, ready=ready)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"healthcrawl: cannot serve on port {port}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
