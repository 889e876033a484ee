# adoptkit — the README's commands. Each target installs missing Debian packages first.
SWIFT ?= swift
KIT ?= .

.PHONY: deps build site test bench posters-check serve-check clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

# Builds the tool and renders the example kit (this folder) to _site/.
site: build
	$(SWIFT) run --skip-build adoptkit build $(KIT)

# The whole test suite; CI runs this.
test: build
	@scripts/install-deps.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Release build, then timings with output in RAM (see scripts/bench.sh).
bench: deps
	$(SWIFT) build -c release
	scripts/bench.sh $$($(SWIFT) build -c release --show-bin-path)/adoptkit

# Prints every poster to PDF with headless Chromium (A4 and Letter) and checks each is one sheet.
posters-check: build
	scripts/check-posters.sh $$($(SWIFT) build --show-bin-path)/adoptkit

# Live reload in headless Chromium (latency) and a wrk load run against adoptkit serve.
serve-check: build
	@for p in chromium wrk; do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	scripts/serve-check.py $$($(SWIFT) build --show-bin-path)/adoptkit

clean:
	rm -rf .build _site
