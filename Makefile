# Everything runs inside one virtualenv that the first target creates.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast bench bench-extract bench-encoding bench-page-kind lint clean chromium wget

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
test: $(STAMP) chromium nginx wget
	$(BIN)/ruff check common crawler cleaners pipelines tests bench
	$(BIN)/python -m pytest -q

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

lint: $(STAMP)
	$(BIN)/ruff check common crawler cleaners pipelines tests bench

# nginx serves the large demo site in the benchmark (Python's http.server is too slow) and
# the incremental-run tests; wrk measures the server alone in the benchmark.
nginx:
	@command -v nginx >/dev/null && command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light wrk >/dev/null)

bench: $(STAMP) nginx
	$(BIN)/python -m bench
	$(BIN)/python -m bench.page_kind

bench-page-kind: $(STAMP)
	$(BIN)/python -m bench.page_kind

bench-extract: $(STAMP)
	$(BIN)/python -m bench.extract

# cleaners/encoding.py against BeautifulSoup's UnicodeDammit (docs/architecture.md).
bench-encoding: $(STAMP)
	$(BIN)/python -m bench.encoding

clean:
	rm -rf $(VENV) output/*/ output/latest output/*.sqlite*
