# adoptkit — the README's commands. Each target installs missing Debian packages first.
SWIFT ?= swift
KIT ?= .
PREFIX ?= /usr/local

.PHONY: deps build install site test bench bench-serve bench-deps posters-check serve-check clean tsan fuzz

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# A release binary at $(DESTDIR)$(PREFIX)/bin/adoptkit. It stands alone (the built-in templates
# are compiled in), so .build/ may be deleted afterwards.
install: deps
	$(SWIFT) build -c release
	install -D -m 755 "$$($(SWIFT) build -c release --show-bin-path)/adoptkit" "$(DESTDIR)$(PREFIX)/bin/adoptkit"

# Builds the tool and renders the example kit (this folder) to _site/.
site: build
	$(SWIFT) run --skip-build adoptkit build $(KIT)

# The whole test suite; CI runs this.
test: build
	@scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Release build, then timings with output in RAM: scripts/bench.sh (small kits, adoptkit alone),
# then scripts/bench-peers.sh (make-corpus kits of 1,000 and 10,000 pages, adoptkit next to a C
# libcmark-gfm floor and Hugo; its last column is the search index: size, share of the Markdown,
# time to make it), then scripts/serve-bench.py (adoptkit serve on a 10,000-page kit: edits to
# served bytes, idle CPU, memory). Variables: RUNS, BIG=1 (adds 100,000 pages), PEERS=0 (skip
# the peers part), SERVE=0 (skip serve), BENCH_RESULTS (default .build/bench); see the scripts'
# headers.
bench: deps bench-deps
	$(SWIFT) build -c release
	scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/adoptkit
	@if [ "$${PEERS:-1}" != 0 ]; then scripts/bench-peers.sh $$($(SWIFT) build -c release --show-bin-path)/adoptkit; fi
	@if [ "$${SERVE:-1}" != 0 ]; then scripts/serve-bench.py $$($(SWIFT) build -c release --show-bin-path)/adoptkit; fi

# Only the serve part of make bench: SERVE_PAGES (10000), SERVE_GROUPS (1000), ROUNDS (5),
# IDLE_SECONDS (30); see scripts/serve-bench.py.
bench-serve: deps
	@command -v python3 >/dev/null || { echo "bench-serve needs python3" >&2; exit 1; }
	$(SWIFT) build -c release
	scripts/serve-bench.py $$($(SWIFT) build -c release --show-bin-path)/adoptkit

# Only for make bench: Hugo, GNU time and cmark-gfm (the peers that ../shared/bench/peers.sh
# times), plus a C compiler and python3 if the machine has none. apt-get only when missing.
BENCH_PACKAGES := hugo time cmark-gfm
bench-deps:
	@missing=$$(for p in $(BENCH_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done; \
	  command -v cc >/dev/null || echo gcc; command -v python3 >/dev/null || echo python3); \
	if [ -n "$$missing" ]; then \
	  sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  echo "Installing" $$missing "(for make bench)" >&2; \
	  $$sudo apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# Exports every poster as PDF (build --export pdf, headless Chromium) on A4 and Letter and checks each is one sheet.
posters-check: build
	scripts/check-posters.sh $$($(SWIFT) build --show-bin-path)/adoptkit

# Live reload in headless Chromium (latency) and a wrk load run against adoptkit serve.
serve-check: build
	@for p in chromium wrk; do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	scripts/serve-check.py $$($(SWIFT) build --show-bin-path)/adoptkit

clean:
	rm -rf .build .build-tsan .build-fuzz _site

# The parallel parse and build under ThreadSanitizer (CI runs it after the tests).
tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan \
	  --filter 'ConcurrentParseTests|BuildPlanTests|LiveSiteTests'

# libFuzzer on the Markdown pipeline, the config reader, the template checker and the chat
# splitter (Fuzz/), built instrumented into .build-fuzz/, FUZZ_SECONDS per target (CI: 25).
# See scripts/fuzz.sh for the other variables and where findings go.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) scripts/fuzz.sh
