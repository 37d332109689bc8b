"""Generate the demo site: static files where the URL path is the file path
(`/blog/2024/05/slug/` -> `blog/2024/05/slug/index.html`), so nginx or any static server can
serve it, plus `expected.jsonl` (the expected record of every article, written from the
generator's own data) and `routes.json` (redirects, 404s, charsets; see `routes.py`).

Deterministic: the same (articles, seed, GENERATOR_VERSION) gives the same bytes.
"""
from __future__ import annotations

import logging
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

import orjson

from . import site_pages
from .articles_en import build_ghost, build_keepto, build_wp
from .articles_zh import build_zh
from .chrome import stylesheet
from .expected import expected_record, load_expected
from .model import FAMILIES, DemoArticle
from .routes import BASE_PLACEHOLDER, EXPECTED_FILE, ROUTES_FILE, build_routes, file_for
from .templates_ghost import GhostTemplates
from .templates_keepto import KeeptoTemplates
from .templates_wp import WordPressTemplates
from .templates_zh import PortalTemplates

__all__ = ["GENERATOR_VERSION", "build_articles", "ensure_site", "generate", "load_expected"]
logger = logging.getLogger(__name__)

GENERATOR_VERSION = 4  # bump when output bytes change: cached sites are then regenerated
DEFAULT_SEED = 20240512
TEASERS_PER_PAGE = {"keepto": 12, "wp": 3, "zh": 8, "ghost": 3}
SHORTLINKS = 5  # /go/1 ... /go/5: 301 to articles
STAMP_FILE = ".complete"  # written last: a site folder without it is unfinished


def family_sizes(articles: int) -> dict[str, int]:
    """Articles split evenly; the first families take the remainder."""
    base, extra = divmod(max(articles, 0), len(FAMILIES))
    return {f: base + (i < extra) for i, f in enumerate(FAMILIES)}


def build_articles(articles: int, seed: int = DEFAULT_SEED) -> dict[str, list[DemoArticle]]:
    sizes = family_sizes(articles)
    builders = {"keepto": build_keepto, "wp": build_wp, "zh": build_zh, "ghost": build_ghost}
    families = {}
    for number, family in enumerate(FAMILIES):
        def rng_for(i: int, _n: int = number) -> random.Random:
            return random.Random((seed << 40) ^ (_n << 32) ^ i)

        arts = builders[family](sizes[family], rng_for)
        _link(arts, TEASERS_PER_PAGE[family])
        families[family] = arts
    return families


def _link(arts: list[DemoArticle], teasers: int) -> None:
    """prev/next = neighbours in the family; teasers = other articles of the family."""
    n = len(arts)
    for i, art in enumerate(arts):
        art.prev = arts[i - 1] if i > 0 else None
        art.next = arts[i + 1] if i + 1 < n else None
        picks = art.rng.sample(range(n - 1), min(teasers, n - 1)) if n > 1 else []
        art.teasers = [arts[j if j < i else j + 1] for j in picks]


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.dirs: set[Path] = set()
        self.files = 0
        self.bytes = 0

    def write(self, path: str, data: bytes) -> None:
        target = self.root / file_for(path)
        parent = target.parent
        if parent not in self.dirs:
            parent.mkdir(parents=True, exist_ok=True)
            self.dirs.add(parent)
        target.write_bytes(data)
        self.files += 1
        self.bytes += len(data)


def generate(out_dir: Path, articles: int = 300, seed: int = DEFAULT_SEED) -> Path:
    """Write the demo site with `articles` articles (split over the families) to out_dir."""
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    families = build_articles(articles, seed)
    everything = [a for f in FAMILIES for a in families[f]]
    writer = _Writer(out_dir)

    for path, page in KeeptoTemplates(families["keepto"], seed).pages(seed):
        writer.write(path, page.encode("utf-8"))
    for path, page in WordPressTemplates(families["wp"], seed).pages():
        writer.write(path, page.encode("utf-8"))
    for path, page in PortalTemplates(families["zh"], seed).pages(seed):
        writer.write(path, page.encode("gbk"))  # strict: every character must exist in GBK
    for path, page in GhostTemplates(families["ghost"], seed).pages():
        writer.write(path, page.encode("utf-8"))

    routes = build_routes(everything, SHORTLINKS, articles)
    site = {
        "/": site_pages.home(families, list(routes["redirects"])[:SHORTLINKS]),
        "/about.html": site_pages.about(),
        "/404.html": site_pages.not_found(),
        site_pages.PRIVATE_PAGE: site_pages.private(),
        "/robots.txt": site_pages.robots(BASE_PLACEHOLDER),
        "/sitemap.xml": site_pages.sitemap(BASE_PLACEHOLDER, everything),
    }
    for path, text in site.items():
        writer.write(path, text.encode("utf-8"))
    css = {name: stylesheet(random.Random(f"static-{name}-{seed}"), 40)
           for name in ("keepto", "wp", "zh", "ghost")}
    for path, data in site_pages.static_files(css):
        writer.write(path, data)

    lines = [orjson.dumps(expected_record(a)) for a in everything]
    (out_dir / EXPECTED_FILE).write_bytes(b"\n".join(lines) + (b"\n" if lines else b""))
    (out_dir / ROUTES_FILE).write_bytes(orjson.dumps(routes, option=orjson.OPT_INDENT_2))
    logger.info("Demo site: %d articles, %d files, %.1f MB in %.1f s -> %s", len(everything),
                writer.files, writer.bytes / 1e6, time.perf_counter() - started, out_dir)
    return out_dir


def default_root() -> Path:
    return Path(tempfile.gettempdir()) / "healthcrawl-demo-sites"


def ensure_site(articles: int, root: Path | None = None) -> Path:
    """The generated site for `articles`, reused while (articles, GENERATOR_VERSION) match.

    Sites live in `<root>/<articles>-v<version>/` (root: a folder in the system temp dir by
    default). A site is generated in a temporary folder and renamed into place, so parallel
    test processes never see half a site.
    """
    root = Path(root) if root is not None else default_root()
    site = root / f"{articles}-v{GENERATOR_VERSION}"
    stamp = orjson.dumps({"articles": articles, "generator_version": GENERATOR_VERSION,
                          "seed": DEFAULT_SEED})
    if _stamp_matches(site, stamp):
        return site
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}-", dir=root))
    try:
        generate(tmp, articles)
        (tmp / STAMP_FILE).write_bytes(stamp)
        if site.exists() and not _stamp_matches(site, stamp):
            shutil.rmtree(site, ignore_errors=True)  # an interrupted or foreign folder
        try:
            os.rename(tmp, site)
        except OSError:
            if not _stamp_matches(site, stamp):  # not a parallel process that won the race
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _prune_old_versions(root)
    return site


def _stamp_matches(site: Path, stamp: bytes) -> bool:
    try:
        return (site / STAMP_FILE).read_bytes() == stamp
    except OSError:
        return False


def _prune_old_versions(root: Path) -> None:
    current = f"-v{GENERATOR_VERSION}"
    for old in root.glob("*-v*"):
        if old.is_dir() and not old.name.startswith(".") and not old.name.endswith(current):
            shutil.rmtree(old, ignore_errors=True)
