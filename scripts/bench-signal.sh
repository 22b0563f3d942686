#!/usr/bin/env bash
# `make bench` for signals: a generated 24-hour record read and analysed beside wfdb and pyedflib.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product caseatlas 2>&1 | tail -n 1
bin=$(swift build "${flags[@]}" --show-bin-path)
peers=.cache/pypi
export PYTHONPATH="$peers/wfdb-4.3.1:$peers/pyedflib-0.1.42:$peers/pandas-3.1.1:$peers/fsspec-2026.9.0"
python3 Benchmarks/signal_bench.py "$bin/caseatlas" .cache/bench "$@"
