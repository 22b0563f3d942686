#!/usr/bin/env bash
# `make bench` for DICOM: release build, then CaseAtlas beside DCMTK's tools and pydicom.
set -euo pipefail
cd "$(dirname "$0")/.."
# The deployable binary links the Swift runtime statically: one file to install, faster start-up.
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product caseatlas 2>&1 | tail -n 1
swift build "${flags[@]}" --product dicom-bench 2>&1 | tail -n 1
bin=$(swift build "${flags[@]}" --show-bin-path)
peers=.cache/pypi
export PYTHONPATH="$peers/pydicom-3.0.2:$peers/pylibjpeg-2.1.0:$peers/pylibjpeg-libjpeg-2.5.0:$peers/pylibjpeg-openjpeg-2.6.0:$peers/pylibjpeg-rle-2.2.0"
python3 Benchmarks/dicom_bench.py "$bin/caseatlas" "$bin/dicom-bench" "$peers/pydicom-3.0.2/pydicom/data/test_files" "$@"
