#!/usr/bin/env python3
"""How far PyRadiomics is IBSI-conformant: runs Benchmarks/pyradiomics_features.py on the IBSI digital phantom
(bin width 1) in each configuration that Benchmarks/pyradiomics_ibsi_names.json maps to an IBSI aggregation,
and compares every mapped feature with the published reference value (equal to 3 significant digits of the
reference, or within the published tolerance where there is one).

    python3 Benchmarks/pyradiomics_ibsi_check.py [--python .cache/pyradiomics-venv/bin/python] [--json OUT]

Prints one line per mismatch and a summary per family; exits 0 whether or not features differ (the differences
are the finding), 1 if PyRadiomics cannot be run.
"""
import argparse
import csv
import json
import math
import struct
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "reference", "ibsi")
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/reference/ibsi"

# configuration name -> (extra arguments, the mapping field that gives the aggregation code)
CONFIGURATIONS = {
    "3D averaged": ([], "aggregation"),
    "3D merged": (["--texture-aggregation", "merged", "--classes", "glcm,glrlm"], "aggregation_merged"),
    "2.5D": (["--force2d", "--classes", "glcm,glrlm,glszm,gldm,ngtdm"], "aggregation_force2d"),
    "2.5D merged": (["--force2d", "--texture-aggregation", "merged", "--classes", "glcm,glrlm"],
                    "aggregation_force2d_merged"),
}


def same_to_3_digits(value, reference):
    if reference == 0:
        return abs(value) < 5e-4
    exponent = math.floor(math.log10(abs(reference))) - 2
    return round(value / 10 ** exponent) == round(reference / 10 ** exponent)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=os.path.join(ROOT, ".cache", "pyradiomics-venv", "bin", "python"))
    parser.add_argument("--reference", default=SHARED, help="folder with phantom.json and reference-values.csv")
    parser.add_argument("--json", help="write every comparison here")
    args = parser.parse_args()

    phantom = json.load(open(os.path.join(args.reference, "phantom.json")))
    reference = {}
    for row in csv.DictReader(open(os.path.join(args.reference, "reference-values.csv"))):
        tolerance = float(row["tolerance"]) if row["tolerance"] else None
        reference[(row["symbol"], row["aggregation_code"])] = (float(row["value"]), tolerance, row["family"])
    names = json.load(open(os.path.join(ROOT, "Benchmarks", "pyradiomics_ibsi_names.json")))["features"]

    dims = phantom["dimensions"]
    spacing = phantom["voxel_spacing_mm"]
    comparisons = []
    with tempfile.TemporaryDirectory() as tmp:
        image_path = os.path.join(tmp, "image.raw")
        mask_path = os.path.join(tmp, "mask.raw")
        # image[z][y][x] flattened in that order = x fastest
        with open(image_path, "wb") as f:
            values = [v for plane in phantom["image"] for row in plane for v in row]
            f.write(struct.pack("<%df" % len(values), *values))
        with open(mask_path, "wb") as f:
            f.write(bytes(v for plane in phantom["mask"] for row in plane for v in row))
        for configuration, (extra, field) in CONFIGURATIONS.items():
            command = [args.python, os.path.join(ROOT, "Benchmarks", "pyradiomics_features.py"),
                       "--image", image_path, "--mask", mask_path,
                       "--size", str(dims["x"]), str(dims["y"]), str(dims["z"]),
                       "--spacing", str(spacing["x"]), str(spacing["y"]), str(spacing["z"]),
                       "--bin-width", "1"] + extra
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                sys.stderr.write(run.stderr)
                sys.exit("PyRadiomics failed in configuration %s" % configuration)
            features = json.loads(run.stdout)["features"]
            for name, value in sorted(features.items()):
                entry = names.get(name)
                if not entry or not entry.get("ibsi") or not entry.get(field):
                    continue
                for symbol in [entry["ibsi"]] + entry.get("also", []):
                    key = (symbol, entry[field])
                    if key not in reference:
                        continue
                    expected, tolerance, family = reference[key]
                    agrees = value is not None and (same_to_3_digits(value, expected) or (
                        tolerance is not None and abs(value - expected) <= tolerance))
                    comparisons.append({
                        "configuration": configuration, "pyradiomics": name, "ibsi": symbol,
                        "aggregation": entry[field], "family": family, "value": value, "reference": expected,
                        "tolerance": tolerance, "agrees": agrees, "difference": entry.get("difference"),
                    })

    by_family = defaultdict(lambda: [0, 0])
    for c in comparisons:
        by_family[(c["family"], c["aggregation"])][0 if c["agrees"] else 1] += 1
        if not c["agrees"]:
            print("differs  %-45s %-22s %s  pyradiomics %.6g  ibsi %.6g" % (
                c["pyradiomics"], c["ibsi"], c["aggregation"], c["value"], c["reference"]))
    print("%-28s %-6s %6s %6s" % ("family", "aggr.", "agree", "differ"))
    for (family, aggregation), (agree, differ) in sorted(by_family.items()):
        print("%-28s %-6s %6d %6d" % (family, aggregation, agree, differ))
    total = sum(1 for c in comparisons if c["agrees"])
    print("%d of %d mapped reference values agree" % (total, len(comparisons)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(comparisons, f, indent=1)


if __name__ == "__main__":
    main()
