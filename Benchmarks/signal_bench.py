#!/usr/bin/env python3
"""Long-record benchmark: CaseAtlas reads and analyses a generated 24-hour, 2-lead, 360 Hz ECG
(WFDB 212 and EDF+) beside wfdb-python and pyedflib reading the same files, in the same run.

Usage: signal_bench.py CASEATLAS FOLDER [--hours H] [--rounds R]
"""
import argparse
import json
import statistics
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("caseatlas")
    parser.add_argument("folder")
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ours = json.loads(subprocess.run(
        [args.caseatlas, "bench", "signal", "--folder", args.folder, "--hours", str(args.hours),
         "--rounds", str(args.rounds)], capture_output=True, text=True, check=True).stdout)
    record = f"{args.folder}/long{args.hours}h"

    import pyedflib
    import wfdb

    def timed(body):
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            body()
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    def read_edf():
        with pyedflib.EdfReader(record + ".edf") as reader:
            for channel in range(reader.signals_in_file):
                reader.readSignal(channel)

    peers = {
        "wfdb": ("wfdb-python 4.3.1 rdrecord", timed(lambda: wfdb.rdrecord(record))),
        "edf": ("pyedflib 0.1.42 readSignal", timed(read_edf)),
    }
    print(f"{args.hours} h, 2 leads, 360 Hz ({ours[0]['samples']:,} samples); median of {args.rounds} rounds\n")
    print("| file | reader | read s | samples/s | analysis s (CaseAtlas) |")
    print("| --- | --- | ---: | ---: | ---: |")
    for row in ours:
        name, seconds = peers[row["format"]]
        print(f"| {row['format']} | CaseAtlas | {row['readSeconds']:.2f} | {row['samples'] / row['readSeconds']:.3g} "
              f"| {row['analyseSeconds']:.1f} ({row['beats']} beats) |")
        print(f"| {row['format']} | {name} | {seconds:.2f} | {row['samples'] / seconds:.3g} | - |")


if __name__ == "__main__":
    main()
