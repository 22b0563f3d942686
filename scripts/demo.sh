#!/usr/bin/env bash
# The demo: write the synthetic samples, then show what CaseAtlas reads, finds and stores.
set -euo pipefail
cd "$(dirname "$0")/.."
caseatlas="$1"
samples=Samples

echo "== Writing the synthetic samples (no real patient) =="
"$caseatlas" samples write "$samples"
echo
echo "== DICOM: caseatlas dicom inspect $samples/dicom/*.dcm =="
"$caseatlas" dicom inspect "$samples"/dicom/*.dcm
echo
echo "== DICOM: the first slice as JSON (patient identifiers withheld without --phi) =="
"$caseatlas" dicom inspect --json "$samples/dicom/ct-01.dcm"
echo
echo "== DICOM: the series assembled into a volume =="
"$caseatlas" dicom series "$samples/dicom"
echo
echo "== Image: IBSI radiomics of the series on the automatic body region, and its 72-d vector =="
"$caseatlas" image features "$samples/dicom"
echo
echo "== Signals: rhythm and intervals of a sinus ECG (WFDB) and an AF-like ECG (EDF+) =="
"$caseatlas" signal inspect "$samples/signals/sinus72.hea" "$samples/signals/af110.edf"
echo
echo "== Notes: sections, PHI found and the scrubbed text the encoder sees =="
"$caseatlas" note inspect --show-scrubbed "$samples/notes/discharge.txt"
echo
echo "== Storage: a new encrypted store (key file mode 0600, sealed keyring) =="
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
"$caseatlas" keys generate "$store/kek"
"$caseatlas" keys init "$store/store" --key-file "$store/kek"
"$caseatlas" keys rotate "$store/store" --key-file "$store/kek"
