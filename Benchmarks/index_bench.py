#!/usr/bin/env python3
"""Index benchmark: CaseAtlas beside hnswlib and Faiss HNSW, same data, M and efConstruction, same run.

Usage: index_bench.py CASEATLAS WORKDIR [--count N] [--queries Q] [--dimension D] [--m M]
       [--ef-construction E] [--ef LIST] [--peers hnswlib,faiss]
Writes clustered synthetic .fvecs data into WORKDIR (if missing) and prints a Markdown table.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("caseatlas")
    parser.add_argument("workdir")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--dimension", type=int, default=384)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=200)
    parser.add_argument("--ef", default="16,32,64,128,256")
    parser.add_argument("--peers", default="hnswlib,faiss",
                        help="which peers to run (Faiss's single-thread build takes hours at 1M vectors)")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    base = os.path.join(args.workdir, f"base-{args.count}x{args.dimension}.fvecs")
    # Queries are drawn after the base from one seed, so they belong to the base's size.
    queries = os.path.join(args.workdir, f"queries-{args.queries}x{args.dimension}-for-{args.count}.fvecs")
    if not (os.path.exists(base) and os.path.exists(queries)):
        subprocess.run([sys.executable, os.path.join(HERE, "make_vectors.py"), base, queries, str(args.count),
                        str(args.queries), str(args.dimension)], check=True)
    ours = json.loads(subprocess.run(
        [args.caseatlas, "bench", "index", "--base", base, "--queries", queries, "--m", str(args.m),
         "--ef-construction", str(args.ef_construction), "--ef", args.ef, "--json"],
        stdout=subprocess.PIPE, text=True, check=True).stdout)
    peers = [json.loads(line) for line in subprocess.run(
        ["/usr/bin/python3", os.path.join(HERE, "index_peers.py"), base, queries, "10", str(args.m),
         str(args.ef_construction), args.ef, args.peers], stdout=subprocess.PIPE, text=True, check=True,
        env=dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")).stdout.splitlines()]
    print(f"{args.count} x {args.dimension} clustered vectors, {args.queries} queries, k=10, M={args.m}, "
          f"efConstruction={args.ef_construction}, single-thread queries\n")
    print("| library | build s | efSearch | recall@10 | queries/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, result in [("CaseAtlas", ours)] + [(p["library"], p) for p in peers]:
        for row in result["ef"]:
            print(f"| {name} | {result['buildSeconds']:.1f} | {row['ef']} | {row['recall']:.4f} | {row['qps']:.0f} |")
    print()
    print(f"- CaseAtlas peak memory {ours['peakMemoryMB']:.0f} MB; snapshot {ours['snapshotBytes'] / 1e6:.0f} MB; "
          f"encrypted load {ours['encryptedLoadSeconds']:.3f} s vs plain load {ours['plainLoadSeconds']:.3f} s "
          f"(ratio {ours['encryptedLoadSeconds'] / ours['plainLoadSeconds']:.2f})")

    def qps_at(result, target=0.95):
        ok = [r for r in result["ef"] if r["recall"] >= target]
        return max((r["qps"] for r in ok), default=0.0)

    for name, result in [("CaseAtlas", ours)] + [(p["library"], p) for p in peers]:
        print(f"- {name}: best queries/s at recall@10 >= 0.95: {qps_at(result):.0f}")


if __name__ == "__main__":
    main()
