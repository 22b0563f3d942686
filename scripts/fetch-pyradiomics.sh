#!/usr/bin/env bash
# Bench-only peer (make bench, never make test): PyRadiomics 3.1.0 with its pinned, SHA-256-checked
# dependencies of scripts/pyradiomics-pins.txt in the venv .cache/pyradiomics-venv (made with
# --system-site-packages, so python3's numpy is reused). PyPI has no cp311 wheel of any PyRadiomics release,
# so its 3.1.0 sdist is built here: that sdist lacks radiomics/src/cmatrices.h and cshape.h (taken from the
# 3.0.1 sdist, whose C sources are identical) and declares version 3.0.1a1 (set back to 3.1.0).
# Needs a C compiler and Python.h (the machine's gcc and pyenv's python3 have both), and numpy >= 2 (python3's, or
# the pinned wheel).
# Idempotent and quiet once done. It never fails the bench: if it cannot install PyRadiomics it prints
# "PyRadiomics unavailable: <why>" and exits 0; Benchmarks/pyradiomics_features.py then fails to import.
set -uo pipefail
cd "$(dirname "$0")/.."
pins=scripts/pyradiomics-pins.txt
cache=.cache/pyradiomics
venv=.cache/pyradiomics-venv
python=${PYTHON:-python3}
log=$cache/fetch.log

unavailable() {
    echo "PyRadiomics unavailable: $*"
    exit 0
}

command -v "$python" >/dev/null 2>&1 || unavailable "no $python"
want=$({ sha256sum "$pins" scripts/fetch-pyradiomics.sh; "$python" -c 'import sys; print(sys.version)'; } \
    | sha256sum | cut -d' ' -f1)
if [[ -x "$venv/bin/python" && -f "$venv/.verified" && "$(cat "$venv/.verified")" == "$want" ]]; then
    exit 0
fi

mkdir -p "$cache/downloads"
: >"$log"
command -v cc >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 \
    || unavailable "no C compiler to build its C extensions (apt-get install gcc)"
"$python" -c 'import os, sysconfig; assert os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' \
    2>/dev/null || unavailable "no Python.h for $python (its development headers are missing)"

rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv" >>"$log" 2>&1 \
    || unavailable "$python -m venv failed (see $log)"
vpy=$PWD/$venv/bin/python
pip=("$vpy" -m pip --quiet --disable-pip-version-check)

# Reads the pins: kinds[i] names[i] versions[i] shas[i] urls[i].
kinds=() names=() versions=() shas=() urls=()
while read -r kind name version sha url; do
    [[ -z "$kind" || "$kind" == \#* ]] && continue
    kinds+=("$kind") names+=("$name") versions+=("$version") shas+=("$sha") urls+=("${url:-}")
done <"$pins"

# fetch I: downloads pin I (unless already there and verified) and sets $file to its path.
fetch() {
    local i=$1 dir="$cache/downloads/${names[$1]}-${versions[$1]}" spec="${names[$1]}==${versions[$1]}"
    file=$(find "$dir" -maxdepth 1 -type f 2>/dev/null | head -n 1)
    if [[ -n "$file" && "$(sha256sum "$file" | cut -d' ' -f1)" == "${shas[$i]}" ]]; then
        return 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    local how=(--only-binary=:all:)
    case "${kinds[$i]}" in
        sdist) how=(--no-binary=:all: --no-build-isolation) ;;
        url) how=(--no-binary=:all: --no-build-isolation) spec="${names[$i]} @ ${urls[$i]}" ;;
    esac
    "${pip[@]}" download --no-deps "${how[@]}" -d "$dir" "$spec" >>"$log" 2>&1 \
        || unavailable "pip download of $spec failed (see $log)"
    file=$(find "$dir" -maxdepth 1 -type f | head -n 1)
    [[ -n "$file" ]] || unavailable "pip download of $spec saved no file"
    local actual
    actual=$(sha256sum "$file" | cut -d' ' -f1)
    [[ "$actual" == "${shas[$i]}" ]] \
        || unavailable "SHA-256 mismatch for $(basename "$file"): expected ${shas[$i]}, got $actual"
}

install_kind() {
    local kind=$1 i wheels=()
    for i in "${!kinds[@]}"; do
        [[ "${kinds[$i]}" == "$kind" ]] || continue
        fetch "$i"
        wheels+=("$file")
    done
    ((${#wheels[@]} == 0)) && return 0
    "${pip[@]}" install --no-deps --no-index "${wheels[@]}" >>"$log" 2>&1 \
        || unavailable "installing the $kind wheels failed (see $log)"
}

# Build requirements first: the sdists' metadata is prepared without build isolation.
install_kind build
# PyWavelets 1.9 needs numpy >= 1.25; the pinned numpy 2 wheel goes into the venv if python3 lacks that.
"$vpy" -c 'import sys, numpy; sys.exit(int(numpy.__version__.split(".")[0]) < 2)' 2>/dev/null \
    || install_kind numpy
src="" headers=""
for i in "${!kinds[@]}"; do
    case "${kinds[$i]}" in
        url) fetch "$i"; src=$file version=${versions[$i]} ;;
        sdist) fetch "$i"; headers=$file ;;
    esac
done
[[ -n "$src" && -n "$headers" ]] || unavailable "$pins names no PyRadiomics sdist"

build=$cache/build
rm -rf "$build"
mkdir -p "$build/headers" "$build/dist"
tar -xzf "$src" -C "$build" || unavailable "cannot unpack $src"
tree="$build/pyradiomics-$version"
tar -xzf "$headers" -C "$build/headers" --wildcards '*/radiomics/src/*.h' \
    || unavailable "cannot unpack the C headers of $headers"
cp -n "$build"/headers/*/radiomics/src/*.h "$tree/radiomics/src/"
sed -i "s/^version = \".*\"$/version = \"$version\"/" "$tree/pyproject.toml"
# numpy's headers before Python's: Debian links its own numpy's headers into /usr/include/python3.X/numpy.
sed -i 's/^incDirs = \[sysconfig.get_python_inc(), numpy.get_include()\]$/incDirs = [numpy.get_include(), sysconfig.get_python_inc()]/' \
    "$tree/setup.py"
"${pip[@]}" wheel --no-deps --no-build-isolation --no-index -w "$build/dist" "$tree" >>"$log" 2>&1 \
    || unavailable "building PyRadiomics $version and its C extensions failed (see $log)"
wheel=$(find "$build/dist" -name "pyradiomics-$version-*.whl" | head -n 1)
[[ -n "$wheel" ]] || unavailable "the build of PyRadiomics $version made no wheel (see $log)"

install_kind runtime
"${pip[@]}" install --no-deps --no-index "$wheel" >>"$log" 2>&1 \
    || unavailable "installing $(basename "$wheel") failed (see $log)"
(cd / && "$vpy" -c '
import radiomics, radiomics._cmatrices, radiomics._cshape, SimpleITK, pywt
from radiomics import featureextractor
assert radiomics.cMatrices is not None
featureextractor.RadiomicsFeatureExtractor()
') >>"$log" 2>&1 || unavailable "import radiomics or its C extensions failed (see $log)"
rm -rf "$build/headers" "$tree"
echo "$want" >"$venv/.verified"
echo "fetched PyRadiomics $version into $venv"
