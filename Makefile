# move-ugc: `make demo` and `make test` set up everything they need.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# The tests make their own clients: a key or endpoint of the real API in the
# environment (MOVE_API_KEY, MOVE_API_URL, which `make demo` uses) must not
# reach them.
NO_MOVE_ENV := env -u MOVE_API_KEY -u MOVE_API_URL

# The fake Move API that the wasm-bindgen tests (Node and Chromium) talk to.
FAKE_PORT ?= 4010
export MOVE_UGC_FAKE_URL := http://127.0.0.1:$(FAKE_PORT)

.PHONY: all setup setup-test setup-fuzz pkg pkg-fault pkg-for-tests demo test test-native test-fuzz test-wasm test-js test-types fuzz bench clean

all: pkg

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

## pkg: build the npm package move-ugc into pkg/ (again only when a source changed)
pkg: setup pkg/package.json

# One build of the module (wasm-bindgen --target web) that every entry loads.
PKG_SOURCES := $(shell find src js cli pkg-template -type f) Cargo.toml Cargo.lock scripts/build-pkg.mjs scripts/build-wasm.sh
pkg/package.json: $(PKG_SOURCES)
	scripts/build-wasm.sh target/wasm-bindgen/pkg
	node scripts/build-pkg.mjs target/wasm-bindgen/pkg pkg

## pkg-fault: the same package from a build with the fault-injection feature (a response
## body holding __move_ugc_force_panic__ makes the module panic), into target/pkg-fault/
pkg-fault: setup target/pkg-fault/package.json

target/pkg-fault/package.json: $(PKG_SOURCES)
	scripts/build-wasm.sh target/wasm-bindgen/pkg-fault fault-injection
	node scripts/build-pkg.mjs target/wasm-bindgen/pkg-fault target/pkg-fault

## demo: the demo web app on http://localhost:8080 beside the local fake API and its
## demo account; first the journey from a video file to animation outputs against
## that same fake (or the real API with MOVE_API_KEY; VIDEO=path picks the video),
## so its job is in the page's list. Until Ctrl-C. DEMO_PORT=… serves on another port.
DEMO_PORT ?= 8080
demo: pkg
	@scripts/install-pkg.sh examples >/dev/null
	node www/serve.mjs --fake --port $(DEMO_PORT) --journey $(VIDEO)

## test: every test: native, wasm (Node + headless Chromium), type tests, the package
## in Node, the web app and a Vite build in Chromium
test: setup-test test-native test-fuzz pkg pkg-fault test-wasm test-types test-js

# Native tests of the plain-Rust core, formatting, and clippy (which also denies
# unwrap, expect, panic and indexing in the library: see src/lib.rs).
test-native:
	cargo fmt --check
	cargo clippy --quiet --all-targets -- -D warnings
	cargo test --quiet

# Without the fault-injection feature: the test harness runs inside the module
# it tests, so a trap cannot be recovered from there (tests/common/mod.rs); the
# traps are tested on the package (tests/js/traps.test.mjs, tests/browser/traps.test.mjs).
# In Node, a run whose calls all hang ends when nothing is left to wait for, and
# exits 0 without a summary: the summary line is required.
test-wasm:
	@mkdir -p target
	$(NO_MOVE_ENV) scripts/with-fake-api.sh $(FAKE_PORT) wasm-pack test --node --test node 2>&1 | tee target/wasm-test-node.log; test $${PIPESTATUS[0]} -eq 0
	@grep -q '^test result: ok\.' target/wasm-test-node.log || { echo 'wasm tests in Node: no summary (did every test run?)' >&2; exit 1; }
	CHROMEDRIVER=/usr/bin/chromedriver $(NO_MOVE_ENV) scripts/with-fake-api.sh $(FAKE_PORT) wasm-pack test --headless --chrome --test browser

# The package in Node, the examples, the web app (Playwright) and the Vite consumer,
# in one run so that one summary closes `make test`; the trap tests load target/pkg-fault.
test-js: pkg-for-tests pkg-fault
	$(NO_MOVE_ENV) node --test tests/js/ tests/browser/

# tsc --strict on usage and misuse; then "are the types wrong" on the package: the
# root entry must resolve cleanly for every consumer (CommonJS included), and the
# ESM-only browser entries (web, bundler) everywhere but require().
test-types: pkg-for-tests
	tsc -p tests/js/types/tsconfig.json
	attw --pack pkg --no-definitely-typed --no-color --exclude-entrypoints web bundler
	attw --pack pkg --no-definitely-typed --no-color --entrypoints web bundler --ignore-rules cjs-resolves-to-esm

# The package as users receive it: packed, and installed by name into tests/js.
pkg-for-tests:
	scripts/install-pkg.sh tests/js examples tests/vite-consumer tests/webpack-consumer

clean:
	rm -rf pkg target/pkg-fault target/wasm-bindgen

## bench: size of the web entry, per-call cost against a hand-written fetch client and
## Move's Python SDK, cold start in Node and Chromium (see bench/run.mjs)
bench: pkg
	@scripts/setup.sh bench
	@scripts/install-pkg.sh bench >/dev/null
	node bench/run.mjs

## fuzz: the full fuzzing run (cargo fuzz, libFuzzer): FUZZ_SECONDS per target (default 300).
## New finds go to fuzz/corpus-new/ (not committed); crashes to fuzz/artifacts/.
FUZZ_SECONDS ?= 300
fuzz: setup-fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS) fuzz/corpus-new

## A short fuzzing run, part of `make test`: 20 s per target from the kept corpus.
test-fuzz: setup-fuzz
	scripts/fuzz.sh 20 $$(mktemp -d)

setup-fuzz:
	@scripts/setup.sh fuzz
