#!/usr/bin/env python3
"""DICOM open+decode throughput: CaseAtlas beside DCMTK's own tools and pydicom, same files, same run.

Corpus: every file of pydicom 3.0.2's test files that pydicom (with pylibjpeg) decodes, as listed
in Tests/DICOMTests/Fixtures/pydicom-reference.json. Two comparisons:

1. In-process: the CaseAtlas library (dicom-bench, release build) against pydicom, each opening
   every file and decoding every frame, once per round.
2. One process per file, as DCMTK's tools are used: `caseatlas dicom inspect --all-frames FILE`
   against `dcm2pnm +Fa FILE OUT` (DCMTK decodes and writes every frame), on the files DCMTK's
   tools can decode (open-source DCMTK has no JPEG 2000).

Prints a Markdown table of medians over the rounds and the ratios. Usage:
    dicom_bench.py CASEATLAS DICOM_BENCH TEST_FILES_DIR [--rounds N]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus(folder):
    with open(os.path.join(ROOT, "Tests/DICOMTests/Fixtures/pydicom-reference.json")) as handle:
        reference = json.load(handle)
    names = [e["file"] for e in reference["files"] if e["status"] == "decoded" and e["file"] != "SC_rgb_jpeg.dcm"]
    return [os.path.join(folder, n) for n in names]


def pydicom_rounds(files, rounds):
    import pydicom  # noqa: PLC0415 - only the benchmark needs it
    import warnings
    warnings.simplefilter("ignore")
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            ds = pydicom.dcmread(path)
            _ = ds.pixel_array
        times.append(time.perf_counter() - start)
    return times


def process_rounds(command_for, files, rounds):
    times = []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(rounds):
            start = time.perf_counter()
            for path in files:
                subprocess.run(command_for(path, scratch), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
    return times


def dcmtk_decodes(path, scratch):
    result = subprocess.run(["dcm2pnm", "+Fa", path, os.path.join(scratch, "probe")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 0


def row(name, files, times):
    seconds = statistics.median(times)
    megabytes = sum(os.path.getsize(f) for f in files) / 1e6
    return name, len(files) / seconds, megabytes / seconds, seconds


def main():
    caseatlas, bench, folder = sys.argv[1:4]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    files = corpus(folder)
    output = subprocess.run([bench, "--rounds", str(rounds)] + files, capture_output=True, text=True, check=True)
    ours = [json.loads(line)["seconds"] for line in output.stdout.splitlines()]
    theirs = pydicom_rounds(files, rounds)
    j2k = {"1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"}
    with open(os.path.join(ROOT, "Tests/DICOMTests/Fixtures/pydicom-reference.json")) as handle:
        syntax = {e["file"]: e.get("transferSyntaxUID") for e in json.load(handle)["files"]}
    other = [f for f in files if syntax.get(os.path.basename(f)) not in j2k]
    output = subprocess.run([bench, "--rounds", str(rounds)] + other, capture_output=True, text=True, check=True)
    ours_other = [json.loads(line)["seconds"] for line in output.stdout.splitlines()]
    theirs_other = pydicom_rounds(other, rounds)
    with tempfile.TemporaryDirectory() as scratch:
        dcmtk_files = [f for f in files if dcmtk_decodes(f, scratch)]
    ours_process = process_rounds(lambda p, s: [caseatlas, "dicom", "inspect", "--all-frames", p], dcmtk_files, rounds)
    dcmtk_process = process_rounds(lambda p, s: ["dcm2pnm", "+Fa", p, os.path.join(s, "out")], dcmtk_files, rounds)
    ours_batch = process_rounds(lambda p, s: [caseatlas, "dicom", "inspect", "--all-frames"] + dcmtk_files, ["all"], rounds)

    rows = [
        row("CaseAtlas library, in-process", files, ours),
        row("pydicom 3.0.2 + pylibjpeg, in-process", files, theirs),
        row("CaseAtlas library, in-process, without JPEG 2000", other, ours_other),
        row("pydicom, in-process, without JPEG 2000", other, theirs_other),
        row("caseatlas CLI, one process per file", dcmtk_files, ours_process),
        row("DCMTK dcm2pnm +Fa, one process per file", dcmtk_files, dcmtk_process),
        row("caseatlas CLI, one process for all files", dcmtk_files, ours_batch),
    ]
    print(f"corpus: {len(files)} files ({sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB) that pydicom decodes; "
          f"{len(dcmtk_files)} of them DCMTK's tools decode; median of {rounds} rounds\n")
    print("| reader | files/s | MB/s | seconds per round |")
    print("| --- | ---: | ---: | ---: |")
    for name, files_per_second, mb_per_second, seconds in rows:
        print(f"| {name} | {files_per_second:.1f} | {mb_per_second:.2f} | {seconds:.3f} |")
    print()
    print(f"- in-process speed-up over pydicom: {statistics.median(theirs) / statistics.median(ours):.1f}x")
    print(f"- in-process speed-up over pydicom without JPEG 2000 files: "
          f"{statistics.median(theirs_other) / statistics.median(ours_other):.1f}x")
    print(f"- one process per file, caseatlas time / dcm2pnm time: "
          f"{statistics.median(ours_process) / statistics.median(dcmtk_process):.2f}")
    print(f"- caseatlas over all files in one process / dcm2pnm per file: "
          f"{statistics.median(ours_batch) / statistics.median(dcmtk_process):.2f}")


if __name__ == "__main__":
    main()
