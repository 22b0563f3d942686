#!/usr/bin/python3
"""hnswlib and Faiss HNSW on the same .fvecs data, M and efConstruction as CaseAtlas.

Runs under Debian's python3 (python3-hnswlib, python3-faiss). Queries run as one batch on one thread. Prints one JSON object per library:
build seconds, and per efSearch the recall@k against exact ground truth and single-thread queries/s.
Usage: index_peers.py BASE QUERIES K M EF_CONSTRUCTION EF_LIST
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


def main():
    base, queries = normalise(read_fvecs(sys.argv[1])), normalise(read_fvecs(sys.argv[2]))
    k, m, ef_construction = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    efs = [int(e) for e in sys.argv[6].split(",")]
    truth = np.argsort(-(queries @ base.T), axis=1)[:, :k]

    def recall(found):
        return float(np.mean([len(set(f) & set(t)) / k for f, t in zip(found, truth)]))

    import hnswlib
    index = hnswlib.Index(space="ip", dim=base.shape[1])
    index.init_index(max_elements=len(base), M=m, ef_construction=ef_construction, random_seed=42)
    index.set_num_threads(1)
    start = time.perf_counter()
    index.add_items(base, np.arange(len(base)))
    build = time.perf_counter() - start
    rows = []
    for ef in efs:
        index.set_ef(ef)
        start = time.perf_counter()
        found = index.knn_query(queries, k=k)[0]
        seconds = time.perf_counter() - start
        rows.append({"ef": ef, "recall": recall(found), "qps": len(queries) / seconds})
    print(json.dumps({"library": "hnswlib", "buildSeconds": build, "ef": rows}))

    import faiss
    faiss.omp_set_num_threads(1)
    flat = faiss.IndexHNSWFlat(base.shape[1], m, faiss.METRIC_INNER_PRODUCT)
    flat.hnsw.efConstruction = ef_construction
    start = time.perf_counter()
    flat.add(base)
    build = time.perf_counter() - start
    rows = []
    for ef in efs:
        flat.hnsw.efSearch = ef
        start = time.perf_counter()
        found = flat.search(queries, k)[1]
        seconds = time.perf_counter() - start
        rows.append({"ef": ef, "recall": recall(found), "qps": len(queries) / seconds})
    print(json.dumps({"library": "faiss", "buildSeconds": build, "ef": rows}))


if __name__ == "__main__":
    main()
