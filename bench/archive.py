"""Archive benchmark (`python -m bench --only archive`, part of `make bench`).

1. **Library choice** on the demo site's pages (the same bodies for every contender, one
   core, CPU time): write cost per page of a response + request record pair, with
   healthcrawl's writer (libdeflate, levels 1-4; zlib level 6 as the same-run baseline) and
   with warcio's WARCWriter; archive size over the gzip -6 size of the bodies; read speed
   in pages/s with warcio's and FastWARC's iterators and with `crawler.archive.read`
   (FastWARC plus body decoding: what `healthcrawl extract` and `reprocess` pay before
   extraction).
2. **Crawl cost**: the profiled crawl of the nginx-served demo site twice, archive on and
   off (HEALTHCRAWL_ARCHIVE=0): CPU seconds of each and the archive component's own CPU
   (`healthcrawl/archive/cpu_s`); then the crawl's real archive: its bytes over the gzip -6
   size of the bodies it holds, and its read speed.

Targets: archiving <= 10% of the crawl's CPU, size <= 1.1x, reading >= 1,000 pages/s.
"""
from __future__ import annotations

import gzip
import io
import logging
import shutil
import tempfile
import time
import zlib
from pathlib import Path

from common.keys import ARCHIVE_CPU

log = logging.getLogger("bench.archive")

SAMPLE_PAGES = 2000


def _pages(site: Path, limit: int) -> list[tuple[str, bytes]]:
    files = sorted(site.rglob("*.html"))[:limit]
    return [(f"http://127.0.0.1/{p.relative_to(site)}", p.read_bytes()) for p in files]


def _headers(body: bytes) -> list[tuple[bytes, bytes]]:
    """What nginx sends for a static page."""
    return [(b"Server", b"nginx/1.22.1"), (b"Date", b"Thu, 03 Dec 2026 21:00:00 GMT"),
            (b"Content-Type", b"text/html"), (b"Content-Length", str(len(body)).encode()),
            (b"Last-Modified", b"Thu, 03 Dec 2026 20:00:00 GMT"), (b"Connection", b"keep-alive"),
            (b"ETag", b'"6930a1a0-9182"'), (b"Accept-Ranges", b"bytes")]


REQUEST_HEADERS = [  # what Scrapy sends with the project's settings
    (b"Accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
    (b"Accept-Language", b"en"),
    (b"User-Agent", b"healthcrawl/0.1 (+https://github.com/healthcrawl/healthcrawl)"),
    (b"Accept-Encoding", b"gzip, deflate, br, zstd")]


def _ours(pages, path: Path, level: int, compress=None) -> None:
    from crawler.archive import records as rec

    if compress is not None:
        rec.gzip_member, saved = compress, rec.gzip_member
    try:
        with open(path, "wb") as fh:
            for url, body in pages:
                date = rec.warc_date(time.time())
                rid = rec.record_id()
                head = rec.http_response_head("HTTP/1.1", 200, _headers(body), len(body))
                req = rec.http_request_head("GET", "/" + url.split("/", 3)[3], "127.0.0.1",
                                            REQUEST_HEADERS)
                fh.write(rec.response_record(uri=url, date=date, http_head=head, body=body,
                                             rid=rid, level=level)
                         + rec.request_record(uri=url, date=date, http_head=req,
                                              concurrent_to=rid, level=level))
    finally:
        if compress is not None:
            rec.gzip_member = saved


def _zlib6(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def _warcio(pages, path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        for url, body in pages:
            head = StatusAndHeaders("200 OK", [(k.decode(), v.decode()) for k, v in
                                               _headers(body)], protocol="HTTP/1.1")
            resp = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                             http_headers=head)
            req = writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "127.0.0.1")] + [
                    (k.decode(), v.decode()) for k, v in REQUEST_HEADERS],
                is_http_request=True))
            writer.write_request_response_pair(req, resp)


def _cpu(fn, *args) -> float:
    started = time.process_time()
    fn(*args)
    return time.process_time() - started


def read_speeds(path: Path) -> dict[str, float]:
    """pages/s (CPU time, this process) reading every response record's body."""
    from fastwarc.warc import ArchiveIterator as FastIterator
    from fastwarc.warc import WarcRecordType
    from warcio.archiveiterator import ArchiveIterator

    from crawler.archive.read import iter_pages

    def warcio_read():
        with open(path, "rb") as fh:
            return sum(len(r.content_stream().read()) >= 0 for r in ArchiveIterator(fh)
                       if r.rec_type == "response")

    def fast_read():
        return sum(len(r.reader.read()) >= 0 for r in FastIterator(
            str(path), record_types=WarcRecordType.response, parse_http=True))

    def ours():
        return sum(1 for _ in iter_pages([path]))

    out = {}
    for name, fn in (("warcio", warcio_read), ("fastwarc", fast_read),
                     ("healthcrawl_read", ours)):
        started = time.process_time()
        n = fn()
        out[name] = round(n / max(time.process_time() - started, 1e-9), 1)
    return out


def library_choice(site: Path, work: Path, limit: int = SAMPLE_PAGES) -> dict:
    pages = _pages(site, limit)
    gz = sum(len(gzip.compress(body, 6)) for _url, body in pages)
    result: dict = {"pages": len(pages), "body_bytes": sum(len(b) for _u, b in pages),
                    "gzip6_body_bytes": gz, "writers": {}}
    contenders = [("warcio", lambda p: _warcio(pages, p)),
                  ("healthcrawl_zlib6", lambda p: _ours(pages, p, 6, _zlib6))]
    contenders += [(f"healthcrawl_libdeflate{lv}", lambda p, lv=lv: _ours(pages, p, lv))
                   for lv in (1, 2, 3, 4, 5, 6)]
    for name, fn in contenders:
        path = work / f"{name}.warc.gz"
        cpu = _cpu(fn, path)
        size = path.stat().st_size
        result["writers"][name] = {"ms_per_page": round(cpu / len(pages) * 1000, 3),
                                   "bytes": size, "vs_gzip6_bodies": round(size / gz, 3)}
    from crawler.archive.records import DEFAULT_LEVEL

    result["read_pages_per_s"] = read_speeds(work / f"healthcrawl_libdeflate{DEFAULT_LEVEL}"
                                                    ".warc.gz")
    return result


def archive_size_ratio(files: list[Path]) -> dict:
    """The crawl's archive bytes over gzip -6 of each archived (decoded) body."""
    from crawler.archive.read import iter_pages

    gz = pages = 0
    for page in iter_pages(files):
        pages += 1
        gz += len(gzip.compress(page.body, 6))
    size = sum(p.stat().st_size for p in files)
    return {"pages": pages, "archive_bytes": size, "gzip6_body_bytes": gz,
            "vs_gzip6_bodies": round(size / gz, 3) if gz else None}


def crawl_cost(articles: int, work: Path, concurrency: int) -> dict:
    from crawler.demo.generator import ensure_site
    from crawler.demo.nginx import NginxDemoServer

    from .crawl import run_healthcrawl

    site = ensure_site(articles)
    out: dict = {"articles": articles}
    with NginxDemoServer(site) as server:
        # off first, then on: the page cache is warm for both (the site was just generated)
        for name, on in (("archive_off", False), ("archive_on", True)):
            r = run_healthcrawl(server.base_url, work, concurrency, name=name,
                                extra={"HEALTHCRAWL_ARCHIVE": on})
            out[name] = {k: r.get(k) for k in ("seconds", "cpu_s", "pages", "pages_per_s",
                                               "peak_rss_mb", "cpu_share")}
            out[name]["archive_cpu_s"] = r["stats"].get(ARCHIVE_CPU)
            log.info("%s: %s", name, out[name])
    on, off = out["archive_on"], out["archive_off"]
    out["archive_cpu_share"] = round((on["archive_cpu_s"] or 0) / on["cpu_s"], 4) \
        if on["cpu_s"] else None
    out["cpu_delta_vs_off"] = round(on["cpu_s"] / off["cpu_s"] - 1, 4) if off["cpu_s"] else None
    files = sorted((work / "archive_on" / "bench" / "archive").glob("*.warc.gz"))
    out["size"] = archive_size_ratio(files)
    out["read_pages_per_s"] = read_speeds(files[0]) if files else {}
    return out


def archive_benchmark(articles: int, concurrency: int, keep: bool = False) -> dict:
    from crawler.demo.generator import ensure_site

    work = Path(tempfile.mkdtemp(prefix="healthcrawl-bench-archive-"))
    report: dict = {"benchmark": "archive"}
    try:
        report["library"] = library_choice(ensure_site(min(articles, SAMPLE_PAGES)), work)
        log.info("library choice: %s", report["library"])
        report["crawl"] = crawl_cost(articles, work, concurrency)
    finally:
        if keep:
            report["outputs"] = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    crawl = report["crawl"]
    share = crawl.get("archive_cpu_share")
    ratio = crawl["size"].get("vs_gzip6_bodies")
    read = crawl["read_pages_per_s"].get("healthcrawl_read")
    report["targets"] = {"archive_cpu<=10%": None if share is None else share <= 0.10,
                         "size<=1.1x_gzip": None if ratio is None else ratio <= 1.1,
                         "read>=1000_pages_per_s": None if read is None else read >= 1000}
    return report


def summary(r: dict) -> str:
    lib, crawl = r["library"], r["crawl"]
    lines = [(f"archive benchmark: writers on {lib['pages']} demo pages (ms/page, size / "
             "gzip -6 of the bodies)")]
    for name, w in lib["writers"].items():
        lines.append(f"  {name:26} {w['ms_per_page']:>7} ms  {w['vs_gzip6_bodies']:>6}x")
    lines.append(f"  read pages/s: {lib['read_pages_per_s']}")
    on, off = crawl["archive_on"], crawl["archive_off"]
    lines.append(f"  crawl of {crawl['articles']} articles: CPU {off['cpu_s']} s without, "
                 f"{on['cpu_s']} s with the archive (archive itself {on['archive_cpu_s']:.1f} s"
                 f" = {crawl['archive_cpu_share']:.1%}; delta {crawl['cpu_delta_vs_off']:+.1%})")
    lines.append(f"  archive size {crawl['size']['vs_gzip6_bodies']}x gzip -6 of the bodies; "
                 f"read {crawl['read_pages_per_s']}")
    verdict = {True: "PASS", False: "FAIL", None: "n/a"}
    lines.append("  targets: " + ", ".join(f"{k} {verdict[v]}" for k, v in r["targets"].items()))
    return "\n".join(lines)
