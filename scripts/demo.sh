#!/usr/bin/env bash
# The demo: write the synthetic sample series, then show what CaseAtlas reads from it.
set -euo pipefail
cd "$(dirname "$0")/.."
caseatlas="$1"
samples=Samples/dicom

echo "== Writing the synthetic sample CT series (no real patient) =="
"$caseatlas" samples write "$samples"
echo
echo "== caseatlas dicom inspect $samples/*.dcm =="
"$caseatlas" dicom inspect "$samples"/*.dcm
echo
echo "== The same first slice as JSON (patient identifiers withheld without --phi) =="
"$caseatlas" dicom inspect --json "$samples/ct-01.dcm"
echo
echo "== The series assembled into a volume =="
"$caseatlas" dicom series "$samples"
