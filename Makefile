# Everything runs inside one virtualenv that the first target creates.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# pytest-xdist workers for make test: the suite is mostly waiting on crawls, servers and child
# processes, so two workers on two cores take ~60% of the serial time (bench/README.md, "Test
# suite time"). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2

.PHONY: demo test test-fast bench bench-extract bench-encoding bench-page-kind bench-store bench-scaleout lint clean chromium wget postgresql redis

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/healthcrawl demo

# pytest exits 5 when it collected no test; make treats any non-zero exit as failure.
# nginx: the incremental-run tests need a server that answers conditional requests on every
# page, as real sites do. wget: the archive tests read a WARC file that wget writes.
test: $(STAMP) chromium nginx wget postgresql redis
	$(BIN)/ruff check common crawler cleaners pipelines tests bench
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS)

# The unit and fixture tests alone (no crawl, server, child process or browser; tests marked
# slow are left out); tests/fast_guard.py fails a test of this set that starts any of those.
test-fast: $(STAMP)
	$(BIN)/ruff check common crawler cleaners pipelines tests bench
	$(BIN)/python -m pytest -q -m "not slow"

# The run report test renders report.html in real headless Chromium (Debian's package);
# installed only when no Chromium is on the PATH.
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# The archive tests read a WARC file that wget writes (--warc-file) against the demo site.
wget:
	@command -v wget >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wget >/dev/null)

# The store tests run against a real PostgreSQL server that they start themselves (initdb
# and pg_ctl in a temporary folder, tests/servers.py), Debian's package; installed only when
# its binaries are missing.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# The frontier tests run against a real redis-server that they start (tests/servers.py).
redis:
	@command -v redis-server >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null)

lint: $(STAMP)
	$(BIN)/ruff check common crawler cleaners pipelines tests bench

# nginx serves the large demo site in the benchmark (Python's http.server is too slow) and
# the incremental-run tests; wrk measures the server alone in the benchmark.
nginx:
	@command -v nginx >/dev/null && command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null)

# Everything: the crawl, extraction, navigation, metadata and archive benchmarks, page kind,
# and the scale-out benchmark (1 then 2 workers, 2 rounds; about 20 minutes of the total).
bench: $(STAMP) nginx postgresql redis
	$(BIN)/python -m bench
	$(BIN)/python -m bench.page_kind
	$(BIN)/python -m bench.scaleout --articles 20000 --repeat 2

bench-page-kind: $(STAMP)
	$(BIN)/python -m bench.page_kind

bench-extract: $(STAMP)
	$(BIN)/python -m bench.extract

# Milliseconds per store operation on SQLite and PostgreSQL, and PostgreSQL round trips
# (bench/store_roundtrips.py; starts its own PostgreSQL server).
bench-store: $(STAMP) postgresql
	$(BIN)/python -m bench.store_roundtrips

# 1 then 2 workers of a shared crawl (Redis frontier, PostgreSQL store) on the 20,000-article
# demo site, twice, after a single-process crawl whose records they must equal
# (bench/scaleout.py, docs/scale-out.md); about 20 minutes.
bench-scaleout: $(STAMP) nginx postgresql redis
	$(BIN)/python -m bench.scaleout --articles 20000 --repeat 2

# cleaners/encoding.py against BeautifulSoup's UnicodeDammit (docs/architecture.md).
bench-encoding: $(STAMP)
	$(BIN)/python -m bench.encoding

clean:
	rm -rf $(VENV) output/*/ output/latest output/*.sqlite*
