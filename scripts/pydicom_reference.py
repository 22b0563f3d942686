#!/usr/bin/env python3
"""Reference pixel values from pydicom (with the pylibjpeg plugins) for pydicom's own test files.

Writes Tests/DICOMTests/Fixtures/pydicom-reference.json, which the Swift parity tests compare
against. Run by `make reference` with the pinned wheels that `make deps` unpacks into .cache/.

For each file: whether pydicom decodes it, rejects it, or finds no pixel data; and per frame,
after pydicom's default colour conversion to RGB and the modality LUT (grey images only), the
SHA-256 of the values as little-endian float32, their min/max/mean, and values at evenly spaced
positions (64 per frame; 1024 for lossy transfer syntaxes, which are compared with a tolerance).
"""
import hashlib
import json
import os
import sys
import warnings

import numpy as np
import pydicom
from pydicom.pixels import apply_modality_lut

LOSSY = {
    "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81",
    "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.203",
}


def positions(count, wanted):
    wanted = min(count, wanted)
    return [i * count // wanted for i in range(wanted)]


def describe(path):
    name = os.path.basename(path)
    with open(path, "rb") as handle:
        digest = hashlib.sha256(handle.read()).hexdigest()
    entry = {"file": name, "sha256": digest}
    try:
        ds = pydicom.dcmread(path, force=True)
    except Exception as error:  # noqa: BLE001 - we record why pydicom refuses
        entry.update(status="unreadable", reason=type(error).__name__)
        return entry
    if "PixelData" not in ds:
        entry["status"] = "no-pixels"
        return entry
    tsuid = str(ds.file_meta.get("TransferSyntaxUID", "")) if hasattr(ds, "file_meta") else ""
    try:
        array = ds.pixel_array
    except Exception as error:  # noqa: BLE001
        entry.update(status="rejected", reason=f"{type(error).__name__}: {str(error).splitlines()[0][:120]}")
        return entry
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    spp = int(ds.get("SamplesPerPixel", 1))
    if frames == 1:
        array = array[np.newaxis, ...]
    photometric = str(ds.get("PhotometricInterpretation", ""))
    lossy = tsuid in LOSSY
    entry.update(
        status="decoded", transferSyntaxUID=tsuid, lossy=lossy, rows=int(ds.Rows), columns=int(ds.Columns),
        frames=frames, samplesPerPixel=spp, photometricInterpretation=photometric, frameValues=[])
    for frame in array:
        if spp == 1 and photometric != "PALETTE COLOR":
            values = apply_modality_lut(frame, ds)
        else:
            values = frame
        flat = np.asarray(values, dtype=np.float64).reshape(-1).astype(np.float32)
        picks = positions(flat.size, 1024 if lossy else 64)
        entry["frameValues"].append({
            "sha256": hashlib.sha256(flat.astype("<f4").tobytes()).hexdigest(),
            "min": float(flat.min()), "max": float(flat.max()), "mean": float(flat.astype(np.float64).mean()),
            "positions": len(picks), "samples": [float(flat[i]) for i in picks],
        })
    return entry


def main():
    folder, output = sys.argv[1], sys.argv[2]
    warnings.simplefilter("ignore")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".dcm"))
    entries = [describe(os.path.join(folder, f)) for f in files]
    result = {
        "generator": "scripts/pydicom_reference.py",
        "pydicom": pydicom.__version__,
        "numpy": np.__version__,
        "files": entries,
    }
    with open(output, "w") as handle:
        json.dump(result, handle, indent=1)
        handle.write("\n")
    counts = {}
    for entry in entries:
        counts[entry["status"]] = counts.get(entry["status"], 0) + 1
    print(f"wrote {output}: {counts}")


if __name__ == "__main__":
    main()
