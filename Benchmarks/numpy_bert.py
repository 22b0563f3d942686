#!/usr/bin/env python3
"""NumPy reference forward pass of a BERT model from safetensors, float32, for the text benchmark.

The same computation as NeuralNet.BertModel (embeddings + LayerNorm, attention, exact-erf GELU
feed-forward), batched with a padding mask; matrix products go to NumPy's BLAS. Prints one JSON
line per input length with texts/s. Usage: numpy_bert.py MODEL_FOLDER [ROUNDS]
"""
import json
import math
import os
import struct
import sys
import time

import numpy as np
from scipy.special import erf


def load(folder):
    with open(os.path.join(folder, "model.safetensors"), "rb") as handle:
        length = struct.unpack("<Q", handle.read(8))[0]
        header = json.loads(handle.read(length))
        data = handle.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        begin, end = info["data_offsets"]
        tensors[name.removeprefix("bert.")] = np.frombuffer(data[begin:end], dtype="<f4").reshape(info["shape"])
    with open(os.path.join(folder, "config.json")) as handle:
        config = json.load(handle)
    return tensors, config


def layer_norm(x, gamma, beta, eps):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def forward(t, config, ids):
    batch, length = ids.shape
    h = config["hidden_size"]
    heads = config["num_attention_heads"]
    d = h // heads
    eps = config["layer_norm_eps"]
    x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:length] \
        + t["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, t["embeddings.LayerNorm.weight"], t["embeddings.LayerNorm.bias"], eps)
    for i in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{i}."
        def linear(v, name):
            return v @ t[p + name + ".weight"].T + t[p + name + ".bias"]
        q = linear(x, "attention.self.query").reshape(batch, length, heads, d).transpose(0, 2, 1, 3)
        k = linear(x, "attention.self.key").reshape(batch, length, heads, d).transpose(0, 2, 1, 3)
        v = linear(x, "attention.self.value").reshape(batch, length, heads, d).transpose(0, 2, 1, 3)
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(math.sqrt(d))
        scores = scores - scores.max(-1, keepdims=True)
        weights = np.exp(scores)
        weights /= weights.sum(-1, keepdims=True)
        context = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, h)
        x = layer_norm(x + linear(context, "attention.output.dense"),
                       t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"], eps)
        inner = linear(x, "intermediate.dense")
        inner = 0.5 * inner * (1 + erf(inner / np.float32(math.sqrt(2))))
        x = layer_norm(x + linear(inner, "output.dense"),
                       t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"], eps)
    return x


def main():
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    tensors, config = load(folder)
    batch = 8
    for length in (128, 256):
        ids = (np.arange(batch * length).reshape(batch, length) * 7919 % 20000 + 1000).astype(np.int64)
        forward(tensors, config, ids)
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            forward(tensors, config, ids)
            times.append(time.perf_counter() - start)
        per_round = sorted(times)[len(times) // 2]
        print(json.dumps({"kind": "numpy", "threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
                          "tokens": length, "batch": batch, "textsPerSecond": batch / per_round}))


if __name__ == "__main__":
    main()
