#!/usr/bin/env bash
# `make bench` for the vector index: release build, then CaseAtlas beside hnswlib and Faiss.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product caseatlas 2>&1 | tail -n 1
bin=$(swift build "${flags[@]}" --show-bin-path)
python3 Benchmarks/index_bench.py "$bin/caseatlas" .cache/bench "$@"
