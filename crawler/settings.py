"""Scrapy settings for healthcrawl. Defaults are polite for real sites; the demo and the
benchmark raise concurrency explicitly (crawler/cli.py)."""

BOT_NAME = "healthcrawl"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# What robots.txt rules are matched against; requests carry `healthcrawl/<version>
# (+<HEALTHCRAWL_CONTACT>)` (crawler/middlewares/identity.py). An explicit -s USER_AGENT wins.
USER_AGENT = "healthcrawl/0.1.0"

# Politeness for real sites.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
# Responses bigger than this are cut off and recorded as failures (decompression bombs too).
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# Items are cheap dicts; a few in flight per response keeps the pipeline hot without
# piling up memory.
CONCURRENT_ITEMS = 8
TELNETCONSOLE_ENABLED = False
COOKIES_ENABLED = False
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
# Let 4xx/5xx reach the spider's errback as HttpError, where they become counted outcomes.
HTTPERROR_ALLOW_ALL = False

DOWNLOADER_MIDDLEWARES = {
    # Our URL guard replaces Scrapy's offsite check: it compares scheme, host *and port*.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.middlewares.safety.SafetyMiddleware": 40,
    # RFC 9309 robots: 5xx / unreachable means disallow (Scrapy's default allows all).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.robots.StrictRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware": None,
    "crawler.middlewares.identity.IdentityMiddleware": 500,
    # Closest to the network: archives responses as received (crawler/archive/component.py).
    "crawler.archive.component.Archive": 950,
}

# healthcrawl's own settings (prefix HEALTHCRAWL_).
HEALTHCRAWL_OUTPUT_DIR = "output"
HEALTHCRAWL_ALLOW_PRIVATE_HOSTS = ""  # comma-separated hosts, e.g. "127.0.0.1"
HEALTHCRAWL_RUN_ID = ""  # set by the CLI; a new one is made when empty
HEALTHCRAWL_MAX_PAGES = 0  # 0: no limit
HEALTHCRAWL_GENERIC = False  # True: ignore site profiles (generic extraction everywhere)
# Operator contact (URL or e-mail) for the User-Agent; the environment variable of the same
# name is used when this is empty. A crawl of a non-local host without one logs a warning.
HEALTHCRAWL_CONTACT = ""
# Crawler traps (crawler/traps.py), per host; 0 switches a limit off. Refused URLs are
# counted as refused/trap_depth, trap_repeat, trap_query, trap_sitemap_depth.
HEALTHCRAWL_TRAP_DEPTH = 16  # path segments
HEALTHCRAWL_TRAP_REPEAT = 3  # occurrences of one segment in a path (/a/b/a/b/...)
HEALTHCRAWL_TRAP_QUERY = 1000  # query variants of one path (?page=N, calendars)
HEALTHCRAWL_TRAP_SITEMAP_DEPTH = 3  # sitemap index nesting levels

# validate -> dedupe -> store -> export; the RunFolder extension writes run.json last.
ITEM_PIPELINES = {
    "pipelines.validate.ValidatePipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.StorePipeline": 300,
    "pipelines.export.ExportPipeline": 400,
}
EXTENSIONS = {
    # Opens the run (lock, ledger) before any pipeline or middleware is built
    # (crawler/run_context.py); pipelines and the spider reach it through the crawler.
    "crawler.run_context.RunContext": 100,
    "crawler.archive.component.Archive": 490,  # the same object: closes before RunFolder
    "pipelines.run_folder.RunFolder": 500,
    "crawler.progress.Progress": 510,
    "crawler.gctune.GcTuning": 520,
}
HEALTHCRAWL_LEDGER = True  # record every URL's outcome in the store: resume after a crash
HEALTHCRAWL_FRESH = False  # True: do not resume an interrupted run, start a new one
HEALTHCRAWL_CONDITIONAL = True  # re-fetch known pages with If-None-Match/If-Modified-Since
# A complete run whose snapshot could not confirm more than this share of the previous good
# run's records (removed + not re-checked) exits 2 and leaves `latest` alone; -1: off.
HEALTHCRAWL_MAX_SHRINK_RATIO = 0.10
HEALTHCRAWL_LEDGER_FLUSH_S = 1.0  # seconds between ledger commits (a crash re-fetches less)
HEALTHCRAWL_GC_TUNING = True  # fewer garbage-collector passes over long-lived crawl state
# Generic analysis in worker processes: -1 auto (1 for generic crawls allowed 2+ cores), 0 inline.
HEALTHCRAWL_EXTRACT_WORKERS = -1
# Raw archive: every response and request as gzip-per-record WARC/1.1 in <run>/archive/.
HEALTHCRAWL_ARCHIVE = True
HEALTHCRAWL_ARCHIVE_MAX_BYTES = 1_000_000_000  # a new file once one reaches this size
HEALTHCRAWL_ARCHIVE_LEVEL = 5  # libdeflate level (1-12): 5 ~ gzip -6's size, half its CPU
