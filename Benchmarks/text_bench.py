#!/usr/bin/env python3
"""Text encoder benchmark: CaseAtlas's BERT forward pass beside the cblas_sgemm peak and a NumPy
reference forward pass, at 1 and 2 OpenBLAS threads, in the same run.

Usage: text_bench.py TEXT_BENCH_BINARY MODEL_FOLDER [--rounds N]
Prints a Markdown table. OPENBLAS_CORETYPE is left as the environment has it (see docs).
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, threads):
    environment = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads))
    output = subprocess.run(command, capture_output=True, text=True, check=True, env=environment)
    return [json.loads(line) for line in output.stdout.splitlines() if line.startswith("{")]


def main():
    binary, model = sys.argv[1:3]
    rounds = sys.argv[sys.argv.index("--rounds") + 1] if "--rounds" in sys.argv else "5"
    print(f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}; batches of 8 texts; "
          f"median of {rounds} rounds\n")
    print("| threads | tokens | CaseAtlas texts/s | tokens/s | GFLOP/s | sgemm peak GFLOP/s | share of peak "
          "| NumPy texts/s | CaseAtlas / NumPy |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for threads in (1, 2):
        ours = run([binary, model, rounds], threads)
        numpy = {r["tokens"]: r for r in run([sys.executable, os.path.join(ROOT, "Benchmarks/numpy_bert.py"), model,
                                              rounds], threads)}
        peak = next(r["gflops"] for r in ours if r["kind"] == "sgemm")
        for r in (r for r in ours if r["kind"] == "bert"):
            reference = numpy[r["tokens"]]["textsPerSecond"]
            print(f"| {threads} | {r['tokens']} | {r['textsPerSecond']:.1f} | {r['tokensPerSecond']:.0f} "
                  f"| {r['gflops']:.1f} | {peak:.1f} | {100 * r['gflops'] / peak:.0f}% | {reference:.1f} "
                  f"| {r['textsPerSecond'] / reference:.2f} |")


if __name__ == "__main__":
    main()
