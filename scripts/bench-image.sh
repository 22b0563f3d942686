#!/usr/bin/env bash
# `make bench` for the image encoder: a generated 512 x 512 x 100 chest CT featurized by CaseAtlas
# (release build, 1 and 2 threads) and by PyRadiomics 3.1.0 on the same volume, region and bins.
# PyRadiomics's shape class compares every pair of mesh vertices (hours on a body-sized region),
# so the peer runs its other classes; CaseAtlas's time includes its shape features.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.cache/bench/image
mkdir -p "$out"
flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product image-bench 2>&1 | tail -n 1
bin=$(swift build "${flags[@]}" --show-bin-path)
"$bin/image-bench" --repeat "${IMAGE_BENCH_REPEAT:-3}" --out "$out" "$@" > "$out/caseatlas.json"
peers=()
scripts/fetch-pyradiomics.sh
if [[ -x .cache/pyradiomics-venv/bin/python ]]; then
    read -r sx sy sz < <(python3 -c "import json; d=json.load(open('$out/caseatlas.json')); print(*d['size'])")
    for threads in 1 2; do
        .cache/pyradiomics-venv/bin/python Benchmarks/pyradiomics_features.py \
            --image "$out/image.f32" --mask "$out/mask.u8" --size "$sx" "$sy" "$sz" --spacing 0.7 0.7 2.5 \
            --bin-width 25 --classes firstorder,glcm,glrlm,glszm,gldm,ngtdm --threads "$threads" \
            --output "$out/pyradiomics-$threads.json"
        peers+=("$out/pyradiomics-$threads.json")
    done
fi
python3 Benchmarks/image_bench_report.py "$out/caseatlas.json" Benchmarks/pyradiomics_ibsi_names.json "${peers[@]}"
