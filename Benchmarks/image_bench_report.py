"""Turns the image benchmark's JSON (ours and PyRadiomics's) into the markdown of docs/benchmarks.md:
seconds per task and thread count, and how far each mapped feature agrees.

usage: image_bench_report.py OURS.json NAMES.json [PEER-1-THREAD.json [PEER-2-THREADS.json]]
"""
import json
import math
import sys

ours = json.load(open(sys.argv[1]))
names = json.load(open(sys.argv[2]))["features"]
peers = [json.load(open(path)) for path in sys.argv[3:]]

size = "x".join(str(n) for n in ours["size"])
print(f"Volume {size} at {'x'.join(str(s) for s in ours['spacing'])} mm, region {ours['roiVoxels']:,} voxels "
      f"(CT body mask, {ours['maskSeconds']:.2f} s).\n")
print("| task | threads | seconds |")
print("| --- | ---: | ---: |")
for run in ours["runs"]:
    label = {"ibsi-comparable": "CaseAtlas, the peer's feature classes",
             "encoder": "CaseAtlas image encoder (3 scales, 72-d vector)"}[run["task"]]
    print(f"| {label} | {run['threads']} | {run['seconds']:.2f} |")
for peer in peers:
    print(f"| PyRadiomics {peer['version']} (all classes but shape) | {peer['threads']} | {peer['seconds']:.2f} |")

if not peers:
    sys.exit(0)
peer = peers[0]["features"]
rows = []
for name, value in sorted(peer.items()):
    entry = names.get(name)
    if not entry or not entry.get("ibsi") or value is None:
        continue
    aggregation = entry["aggregation"]
    if isinstance(aggregation, dict):
        aggregation = aggregation.get("avg") or aggregation.get("3D") or next(iter(aggregation.values()))
    key = f"{entry['ibsi']}|{aggregation}"
    mine = ours["features"].get(key)
    if mine is None:
        continue
    theirs = float(value)
    if entry["ibsi"] == "stat.kurt":
        theirs -= 3  # PyRadiomics reports kurtosis, IBSI excess kurtosis
    scale = max(abs(mine), abs(theirs), 1e-12)
    rows.append((abs(mine - theirs) / scale, entry["ibsi"], aggregation, mine, theirs, entry.get("difference")))
rows.sort(reverse=True)
within = [sum(1 for r in rows if r[0] <= tolerance) for tolerance in (1e-6, 1e-3, 1e-2)]
print(f"\nValue agreement on {len(rows)} features both compute (kurtosis shifted by 3): "
      f"{within[0]} within 1e-6 relative, {within[1]} within 0.1 %, {within[2]} within 1 %.\n")
print("| IBSI feature | aggregation | CaseAtlas | PyRadiomics | relative difference |")
print("| --- | --- | ---: | ---: | ---: |")
for difference, symbol, aggregation, mine, theirs, _ in rows:
    if difference > 1e-6:
        print(f"| {symbol} | {aggregation} | {mine:.6g} | {theirs:.6g} | {difference:.2e} |")
