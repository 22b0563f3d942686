#!/usr/bin/env python3
"""Clustered synthetic vectors in the .fvecs layout, for the index benchmark.

Usage: make_vectors.py OUT_BASE OUT_QUERIES COUNT QUERIES DIMENSION [SEED]
Vectors are drawn around 1000 random centres with per-cluster spread, like embeddings of similar
cases; queries come from the same distribution but are not in the base set.
"""
import sys

import numpy as np


def write_fvecs(path, vectors):
    count, dimension = vectors.shape
    out = np.empty((count, dimension + 1), dtype="<f4")
    out[:, 0] = np.array([dimension], dtype="<i4").view("<f4")[0]
    out[:, 1:] = vectors
    out.tofile(path)


def main():
    base_path, query_path = sys.argv[1], sys.argv[2]
    count, queries, dimension = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    rng = np.random.default_rng(int(sys.argv[6]) if len(sys.argv) > 6 else 1234)
    centres = rng.standard_normal((1000, dimension)).astype(np.float32)
    spread = rng.uniform(0.3, 0.8, size=1000).astype(np.float32)

    def draw(n):
        labels = rng.integers(0, 1000, size=n)
        return centres[labels] + spread[labels, None] * rng.standard_normal((n, dimension)).astype(np.float32)

    write_fvecs(base_path, draw(count))
    write_fvecs(query_path, draw(queries))


if __name__ == "__main__":
    main()
