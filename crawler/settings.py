"""Scrapy settings for healthcrawl. Defaults are polite for real sites; the demo and the
benchmark raise concurrency explicitly (crawler/cli.py)."""
from scrapy.settings import default_settings as _scrapy_defaults

from cleaners.record import PACKAGE_VERSION as _version  # not a setting: lowercase
from common import default_settings as _healthcrawl_defaults

BOT_NAME = "healthcrawl"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# What robots.txt rules are matched against; requests carry `healthcrawl/<version>
# (+<HEALTHCRAWL_CONTACT>)` (crawler/middlewares/identity.py). An explicit -s USER_AGENT wins.
USER_AGENT = f"healthcrawl/{_version}"

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
# Scrapy 2.19 turns on by default an HTTP server on localhost that runs Python code posted
# to it (token in a job file): not for unattended crawls. Left out of the extension list too,
# because Scrapy imports every listed component to read the settings, switched off or not
# (aiohttp: ~1 s of CPU and ~11 MB of RSS at every start, measured); to use it, set
# REMOTE_CONTROL_ENABLED and list scrapy.extensions.remote_control.RemoteControl in EXTENSIONS.
REMOTE_CONTROL_ENABLED = False
EXTENSIONS_BASE = {path: order for path, order in _scrapy_defaults.EXTENSIONS_BASE.items()
                   if not path.endswith(".RemoteControl")}
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
    # Scrapy's meta refresh without decoding every page whole (its own slot, 580).
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.meta_refresh.QuickMetaRefreshMiddleware": 580,
    # Closest to the network: archives responses as received (crawler/archive/component.py).
    "crawler.archive.component.Archive": 950,
}

# healthcrawl's own settings (prefix HEALTHCRAWL_): each is declared once, with its default
# and what it does, in common/default_settings.py (table: docs/settings.md).
globals().update(_healthcrawl_defaults.DEFAULTS)

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
    "crawler.heaptrim.HeapTrim": 530,
}
# HEALTHCRAWL_FRONTIER set: this process is one worker of a crawl shared through Redis
# (crawler/frontier/addon.py); not set, the add-on is NotConfigured and nothing changes.
ADDONS = {"crawler.frontier.addon.FrontierAddon": 100}
