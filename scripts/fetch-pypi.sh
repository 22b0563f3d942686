#!/usr/bin/env bash
# Downloads each pinned wheel of scripts/pypi-pins.txt with `pip download --no-deps`, checks its
# SHA-256 and unpacks it into .cache/pypi/NAME-VERSION/. Idempotent and quiet once done.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=.cache
mkdir -p "$cache/wheels" "$cache/pypi"
while read -r name version sha; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    target="$cache/pypi/$name-$version"
    [[ -f "$target/.verified" ]] && continue
    download="$cache/wheels/$name-$version"
    rm -rf "$download" "$target"
    mkdir -p "$download"
    python3 -m pip download --quiet --no-deps --disable-pip-version-check --only-binary=:all: \
        -d "$download" "$name==$version"
    wheel=$(find "$download" -name '*.whl' | head -n 1)
    if [[ -z "$wheel" ]]; then
        echo "fetch-pypi: no wheel downloaded for $name==$version" >&2
        exit 1
    fi
    actual=$(sha256sum "$wheel" | cut -d' ' -f1)
    if [[ "$actual" != "$sha" ]]; then
        echo "fetch-pypi: SHA-256 mismatch for $(basename "$wheel"): expected $sha, got $actual" >&2
        exit 1
    fi
    mkdir -p "$target"
    python3 -m zipfile -e "$wheel" "$target"
    touch "$target/.verified"
    echo "fetched $name==$version"
done < scripts/pypi-pins.txt
