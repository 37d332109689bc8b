"""`healthcrawl`: demo, crawl, extract, reprocess, export, report, serve-demo. Exit codes: 0 good,
1 usage or configuration error, 2 run finished below its quality bars, 3 run interrupted."""
from __future__ import annotations

import argparse
import sys

from common.exits import EXIT_INTERRUPTED, EXIT_USAGE
from crawler.run import UsageError


class _Parser(argparse.ArgumentParser):
    """Usage errors exit with 1 (argparse's default 2 means "below the quality bars" here)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _crawl_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="DIR", help="output folder (HEALTHCRAWL_OUTPUT_DIR; "
                   "default output/): runs land in DIR/<run-id>/, DIR/latest is the newest")
    p.add_argument("--store", metavar="PATH|URL",
                   help="the store (HEALTHCRAWL_STORE): a SQLite file (default "
                   "DIR/healthcrawl.sqlite) or postgresql://USER@HOST:PORT/DB, which several "
                   "processes started with the same command share as one run")
    p.add_argument("--max-pages", type=int, metavar="N", help="fetch at most N pages")
    p.add_argument("--formats", metavar="LIST",
                   help="export formats, comma-separated (default jsonl,csv,parquet)")
    p.add_argument("--excel", action="store_true",
                   help="CSV for Excel: UTF-8 with a BOM (HEALTHCRAWL_CSV_EXCEL)")
    p.add_argument("--generic", action="store_true",
                   help="ignore site profiles: generic extraction on every page")
    p.add_argument("--allow-private-hosts", metavar="HOSTS",
                   help="comma-separated private hosts that may be fetched, e.g. 127.0.0.1")
    p.add_argument("--contact", metavar="URL|EMAIL",
                   help="operator contact for the User-Agent, healthcrawl/VERSION (+CONTACT) "
                   "(HEALTHCRAWL_CONTACT); warned about when missing on a non-local host")
    p.add_argument("--fresh", action="store_true",
                   help="start a new run even if the last one with the same target and "
                   "output folder was interrupted (default: resume it)")
    p.add_argument("--no-archive", action="store_true",
                   help="do not keep the raw responses as WARC in RUN/archive/ "
                   "(HEALTHCRAWL_ARCHIVE=0)")
    p.add_argument("-s", "--set", dest="settings", action="append", type=_setting, default=[],
                   metavar="NAME=VALUE", help="any Scrapy or HEALTHCRAWL_ setting (repeatable)")


def _frontier_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--frontier", metavar="redis://HOST:PORT/DB",
                   help="share the crawl through Redis (HEALTHCRAWL_FRONTIER): every process "
                   "started with the same command, frontier and --store postgresql://... "
                   "works on the same run, on one machine or many (docs/scale-out.md)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="start N worker processes of this crawl here (needs --frontier); "
                   "the command exits with the run's exit code")


def _overrides(args) -> dict:
    overrides = dict(args.settings)
    for option, name in (("out", "HEALTHCRAWL_OUTPUT_DIR"), ("max_pages", "HEALTHCRAWL_MAX_PAGES"),
                         ("store", "HEALTHCRAWL_STORE"),
                         ("frontier", "HEALTHCRAWL_FRONTIER"),
                         ("formats", "HEALTHCRAWL_FORMATS"),
                         ("allow_private_hosts", "HEALTHCRAWL_ALLOW_PRIVATE_HOSTS"),
                         ("contact", "HEALTHCRAWL_CONTACT")):
        if getattr(args, option, None) is not None:
            overrides[name] = getattr(args, option)
    if getattr(args, "generic", False):
        overrides["HEALTHCRAWL_GENERIC"] = True
    if getattr(args, "excel", False):
        overrides["HEALTHCRAWL_CSV_EXCEL"] = True
    if getattr(args, "fresh", False):
        overrides["HEALTHCRAWL_FRESH"] = True
    if getattr(args, "no_archive", False):
        overrides["HEALTHCRAWL_ARCHIVE"] = False
    return overrides


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="healthcrawl", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="serve the bundled demo site on 127.0.0.1, crawl it, "
                       "export, print a summary")
    p.add_argument("--pages", type=int, default=300, help="articles in the demo site "
                   "(default 300)")
    _crawl_options(p)

    p = sub.add_parser("crawl", help="crawl a site profile (e.g. demo) or any start URL")
    p.add_argument("target", metavar="SITE|URL")
    p.add_argument("--base-url", help="where a site profile's host is served (e.g. the demo "
                   "server's URL)")
    _crawl_options(p)
    _frontier_options(p)

    p = sub.add_parser("extract", help="offline: one JSON record per saved page (or per "
                       "article in WARC files) on stdout")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help=".html, .html.gz, text-dump .txt, or .warc / .warc.gz files")
    p.add_argument("--url", help="the page's URL, to resolve relative links")
    p.add_argument("--site", help="use this site's profiles (matched on --url, or on each "
                   "archived URL)")
    p.add_argument("--host", help="WARC: only URLs of this host (and its subdomains)")
    p.add_argument("--url-pattern", metavar="RE", help="WARC: only URLs this regex matches")
    p.add_argument("--store", metavar="PATH|URL", help="extract pages of hosts a generic "
                   "crawl learned with the templates kept in this store (SQLite file or "
                   "postgresql:// URL)")

    p = sub.add_parser("reprocess", help="today's extraction on a run's archived responses, "
                       "without network, into a new run folder with a changes.jsonl")
    p.add_argument("inputs", nargs="+", metavar="RUN_DIR|WARC",
                   help="a run folder (its archive/), an output folder (its latest run), "
                   "or .warc.gz files")
    p.add_argument("--out", metavar="DIR", help="where the new run folder goes (default: "
                   "beside the source run, else output/)")
    p.add_argument("--site", help="extract with this site's profiles (default: as the "
                   "source run did)")
    p.add_argument("--generic", action="store_true", help="generic extraction everywhere")
    p.add_argument("-s", "--set", dest="settings", action="append", type=_setting, default=[],
                   metavar="NAME=VALUE", help="HEALTHCRAWL_ settings (formats, validation)")

    p = sub.add_parser("export", help="build a run's folder (exports, schema, changes, "
                       "feeds, run.json) from the store alone, without crawling",
                       description="Write DIR/<run-id>/ from the store: the run's records "
                       "(HEALTHCRAWL_FORMATS) in id order, schema.json, data-dictionary.md, "
                       "changes.jsonl, feeds/ and run.json (counts from the ledger; what only "
                       "the crawl measured is null, \"source\": \"store\"). Written "
                       "beside and renamed into place when complete.")
    p.add_argument("--store", required=True, metavar="PATH|URL",
                   help="the store: a SQLite file or postgresql://USER@HOST:PORT/DB")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="the folder gets DIR/<run-id>/ (an earlier export of it is replaced)")
    p.add_argument("--run", metavar="RUN_ID",
                   help="the run to export (default: the newest complete run)")
    p.add_argument("-s", "--set", dest="settings", action="append", type=_setting, default=[],
                   metavar="NAME=VALUE", help="HEALTHCRAWL_ settings (formats, CSV for Excel, "
                   "feed size)")

    p = sub.add_parser("report", help="write report.html (plots) into a run folder and "
                       "print a summary table")
    p.add_argument("run_dir", metavar="RUN_DIR",
                   help="a run folder, or an output folder (its latest run)")

    p = sub.add_parser("serve-demo", help="serve the demo site in the foreground")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--pages", type=int, default=300)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            from crawler.commands.demo import run_demo

            return run_demo(args.pages, _overrides(args))
        if args.command == "crawl":
            from crawler.commands.crawl import run_crawl

            if args.workers != 1:
                from crawler.frontier.workers import run_workers

                return run_workers(args.workers, _overrides(args),
                                   [a for a in (argv if argv is not None else sys.argv[1:])])
            return run_crawl(args.target, _overrides(args), args.base_url)
        if args.command == "extract":
            from crawler.commands.extract import run_extract

            return run_extract(args.paths, url=args.url, site=args.site, host=args.host,
                               url_pattern=args.url_pattern, store=args.store)
        if args.command == "reprocess":
            from crawler.commands.reprocess import run_reprocess

            return run_reprocess(args.inputs, args.out, args.site, args.generic,
                                 dict(args.settings))
        if args.command == "export":
            from crawler.commands.export import run_export

            return run_export(args.store, args.out, args.run, dict(args.settings))
        if args.command == "report":
            from crawler.commands.report import run_report

            return run_report(args.run_dir)
        if args.command == "serve-demo":
            from crawler.commands.serve import run_serve

            return run_serve(args.port, args.pages)
    except UsageError as exc:
        print(f"healthcrawl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
