#!/usr/bin/python3
"""hnswlib and Faiss HNSW on the same .fvecs data, M and efConstruction as CaseAtlas.

Runs under Debian's python3 (python3-hnswlib, python3-faiss). Queries run as one batch on one thread. Prints one JSON object per library:
build seconds, and per efSearch the recall@k against exact ground truth and single-thread queries/s.
Usage: index_peers.py BASE QUERIES K M EF_CONSTRUCTION EF_LIST [LIBRARIES]
LIBRARIES is a comma-separated subset of hnswlib,faiss (default: both).
"""
import json
import sys
import time

import numpy as np


def read_fvecs(path):
    raw = np.fromfile(path, dtype="<i4")
    dimension = raw[0]
    return raw.reshape(-1, dimension + 1)[:, 1:].view("<f4").copy()


def normalise(x):
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def progress(message):
    """Progress on stderr (stdout carries the results), so a long run can be watched; UTC."""
    print(time.strftime("%H:%M:%S", time.gmtime()), message, file=sys.stderr, flush=True)


def exact_neighbours(base, queries, k, chunk=64):
    """The k nearest by inner product, in chunks of queries so 1M vectors need no 8 GB sort."""
    rows = []
    for start in range(0, len(queries), chunk):
        scores = queries[start:start + chunk] @ base.T
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1)
        rows.append(np.take_along_axis(top, order, axis=1))
    return np.vstack(rows)


def main():
    base, queries = normalise(read_fvecs(sys.argv[1])), normalise(read_fvecs(sys.argv[2]))
    k, m, ef_construction = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    efs = [int(e) for e in sys.argv[6].split(",")]
    libraries = sys.argv[7].split(",") if len(sys.argv) > 7 else ["hnswlib", "faiss"]
    truth = exact_neighbours(base, queries, k)

    def recall(found):
        return float(np.mean([len(set(f) & set(t)) / k for f, t in zip(found, truth)]))

    if "hnswlib" in libraries:
        run_hnswlib(base, queries, k, m, ef_construction, efs, recall)
    if "faiss" in libraries:
        run_faiss(base, queries, k, m, ef_construction, efs, recall)


def run_hnswlib(base, queries, k, m, ef_construction, efs, recall):
    import hnswlib
    index = hnswlib.Index(space="ip", dim=base.shape[1])
    index.init_index(max_elements=len(base), M=m, ef_construction=ef_construction, random_seed=42)
    index.set_num_threads(1)
    progress(f"hnswlib: building {len(base)} vectors")
    start = time.perf_counter()
    index.add_items(base, np.arange(len(base)))
    build = time.perf_counter() - start
    progress(f"hnswlib: built in {build:.1f} s; querying")
    rows = []
    for ef in efs:
        index.set_ef(ef)
        start = time.perf_counter()
        found = index.knn_query(queries, k=k)[0]
        seconds = time.perf_counter() - start
        rows.append({"ef": ef, "recall": recall(found), "qps": len(queries) / seconds})
    print(json.dumps({"library": "hnswlib", "buildSeconds": build, "ef": rows}), flush=True)


def run_faiss(base, queries, k, m, ef_construction, efs, recall):
    import faiss
    faiss.omp_set_num_threads(1)
    flat = faiss.IndexHNSWFlat(base.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    flat.hnsw.efConstruction = ef_construction
    progress(f"faiss: building {len(base)} vectors")
    start = time.perf_counter()
    flat.add(base)
    build = time.perf_counter() - start
    progress(f"faiss: built in {build:.1f} s; querying")
    rows = []
    for ef in efs:
        flat.hnsw.efSearch = ef
        start = time.perf_counter()
        found = flat.search(queries, k)[1]
        seconds = time.perf_counter() - start
        rows.append({"ef": ef, "recall": recall(found), "qps": len(queries) / seconds})
    print(json.dumps({"library": "faiss", "buildSeconds": build, "ef": rows}), flush=True)


if __name__ == "__main__":
    main()
