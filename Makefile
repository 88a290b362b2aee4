# ecomap — the two commands of the README, and a few more.
#
#   make run    install what is missing, build in release mode, run the main job
#   make test   install what is missing (and a headless browser), build and run the tests
#
# System packages (Debian/Ubuntu): libgraphviz-dev (libgvc, cgraph), pkg-config, and a font
# for Graphviz's text metrics. They are installed with apt-get (as root, or through sudo)
# only when missing.

SWIFT      ?= swift
APT_PKGS   := libgraphviz-dev pkg-config fonts-dejavu-core
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps browser webdriver explore-browser explore-bench evolve-bench build release fixtures bench fuzz fuzz-libfuzzer clean

deps:
	@if pkg-config --exists libgvc 2>/dev/null && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		echo "deps: libgvc $$(pkg-config --modversion libgvc) and DejaVu fonts present"; \
	else \
		echo "deps: installing $(APT_PKGS)"; \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(APT_PKGS); \
	fi

release: deps
	$(SWIFT) build -c release --product ecomap

run: release
	$$($(SWIFT) build -c release --show-bin-path)/ecomap

# Debian's chromium, for the test that opens report.html in a headless browser. When it cannot
# be installed the tests still run and that test reports itself as skipped, saying why.
browser:
	@if command -v chromium >/dev/null 2>&1; then \
		echo "browser: $$(chromium --version 2>/dev/null | tail -n 1)"; \
	else \
		echo "browser: installing chromium"; \
		( $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium ) \
			|| echo "browser: chromium could not be installed; the headless-browser test will be skipped"; \
	fi

test: deps browser webdriver
	$(SWIFT) test
	$(MAKE) --no-print-directory explore-browser

# Debian's chromium-driver and Selenium (Tests/Browser/requirements.txt), for the explorer's
# WebDriver test. When either cannot be installed that test says so and is skipped.
webdriver:
	@if command -v chromedriver >/dev/null 2>&1; then \
		echo "webdriver: $$(chromedriver --version 2>/dev/null | head -n 1)"; \
	else \
		echo "webdriver: installing chromium-driver"; \
		( $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends chromium chromium-driver ) \
			|| echo "webdriver: chromium-driver could not be installed; the explorer's browser test will be skipped"; \
	fi
	@python3 -m pip install -q -r Tests/Browser/requirements.txt 2>/dev/null \
		|| echo "webdriver: selenium could not be installed; the explorer's browser test will be skipped"

# `ecomap explore` in headless Chromium through WebDriver (Tests/Browser/test_explore.py).
explore-browser:
	$(SWIFT) build --product ecomap
	@if command -v python3 >/dev/null 2>&1; then \
		python3 Tests/Browser/test_explore.py --ecomap "$$($(SWIFT) build --show-bin-path)/ecomap"; \
	else \
		echo "explore browser test: SKIPPED: python3 not found"; \
	fi

# The explorer at 1,000 actors: generate the model (Benchmarks/gen_explore_model.py, seed 104),
# time `ecomap explore` (release) and measure the page's first paint in headless Chromium.
explore-bench: release webdriver
	python3 Benchmarks/gen_explore_model.py --out .build/bench-graphs/explore_1k.yaml
	/usr/bin/time -f "ecomap explore: %e s wall, %M KB max RSS" \
		"$$($(SWIFT) build -c release --show-bin-path)/ecomap" explore .build/bench-graphs/explore_1k.yaml -o .build/bench-graphs/explore_1k.html
	python3 Tests/Browser/test_explore.py --measure .build/bench-graphs/explore_1k.html --runs 5

# evolve at 1,000 actors and 20 periods: generate the dated model (Benchmarks/gen_dated_model.py,
# seed 112), time `ecomap evolve` (release) without and with the gap findings of every period.
evolve-bench: release
	python3 Benchmarks/gen_dated_model.py --out .build/bench-graphs/dated_1k.yaml
	/usr/bin/time -f "ecomap evolve, 20 periods, no findings: %e s wall, %M KB max RSS" \
		"$$($(SWIFT) build -c release --show-bin-path)/ecomap" evolve .build/bench-graphs/dated_1k.yaml --from 2001 --to 2020 --no-findings -o .build/bench-graphs/evolve_1k.txt
	/usr/bin/time -f "ecomap evolve, 20 periods, with findings: %e s wall, %M KB max RSS" \
		"$$($(SWIFT) build -c release --show-bin-path)/ecomap" evolve .build/bench-graphs/dated_1k.yaml --from 2001 --to 2020 -o .build/bench-graphs/evolve_1k_findings.txt

# Regenerate the committed reference values (needs Python 3 and network access to PyPI).
fixtures:
	python3 -m pip install -q -r Tests/Fixtures/requirements.txt
	python3 Tests/Fixtures/make_graphs.py
	for f in Tests/Fixtures/reference_*.py; do python3 $$f || exit 1; done

# The benchmarks (removal sweep; exact betweenness; whole commands on generated ecosystem
# models of 300, 1,000 and 3,000 actors): ecomap (release) vs python-igraph and NetworkX, same
# job, same graphs (generated into .build/bench-graphs, not committed). Installs
# the pinned python-igraph and networkx of Tests/Fixtures/requirements.txt.
bench: deps
	python3 -m pip install -q -r Tests/Fixtures/requirements.txt
	python3 -m pip install -q -r Benchmarks/requirements.txt
	$(SWIFT) build -c release --product ecomap-bench
	python3 Benchmarks/bench.py --ecomap-bench "$$($(SWIFT) build -c release --show-bin-path)/ecomap-bench"
	$(SWIFT) build -c release --product ecomap
	python3 Benchmarks/ecosystem_bench.py --ecomap "$$($(SWIFT) build -c release --show-bin-path)/ecomap"

# The loaders' mutation fuzzer for longer than in `make test` (FUZZ_SECONDS, default 600; a
# new FUZZ_SEED gives new inputs). Findings are written to .build/fuzz-findings/.
FUZZ_SECONDS ?= 600
FUZZ_SEED    ?= 20261201
# Extra libFuzzer flags, e.g. FUZZ_FLAGS="-timeout=30 -fork=1 -ignore_timeouts=1" on a loaded machine.
FUZZ_FLAGS   ?=
fuzz: deps
	ECOMAP_FUZZ_SECONDS=$(FUZZ_SECONDS) ECOMAP_FUZZ_SEED=$(FUZZ_SEED) $(SWIFT) test --filter LoaderFuzzTests

# libFuzzer (swiftc -sanitize=fuzzer) over the text loaders, from the separate package in Fuzz/.
fuzz-libfuzzer: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
	cd Fuzz && mkdir -p corpus findings && cp seeds/* corpus/ && \
		.build/release/ecomap-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=5 -rss_limit_mb=2048 -artifact_prefix=findings/ $(FUZZ_FLAGS) corpus/

clean:
	rm -rf .build
