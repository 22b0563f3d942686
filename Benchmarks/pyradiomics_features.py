#!/usr/bin/env python3
"""PyRadiomics as the benchmark peer of the IBSI radiomics image encoder.

Reads a raw volume and mask (x fastest, then y, then z: image float32 little-endian, mask uint8, voxel in the
ROI where the mask is not 0), runs PyRadiomics's RadiomicsFeatureExtractor on the original image with every
feature class of a 3D segment (firstorder, shape, glcm, glrlm, glszm, gldm, ngtdm), with settings as close to
IBSI as PyRadiomics allows, and prints JSON:

    {"seconds": median wall time of execute(), "threads": N, "features": {"original_glcm_JointEnergy": 0.3, ...}, ...}

Run it with the venv of scripts/fetch-pyradiomics.sh:

    .cache/pyradiomics-venv/bin/python Benchmarks/pyradiomics_features.py --image ct.raw --mask roi.raw \
        --size 512 512 100 --spacing 0.7 0.7 2.5 --bin-width 25 --threads 1 --repeat 3

Settings (see Benchmarks/pyradiomics_ibsi_names.json for what each feature corresponds to in IBSI):
- no resampling, normalisation, outlier removal, re-segmentation or mask correction; voxelArrayShift 0 (IBSI
  energy and RMS have no shift);
- discretisation by a fixed bin width (--bin-width, PyRadiomics's edges are multiples of the width, IBSI's start
  at the ROI minimum) or a fixed bin count (--bin-count, as IBSI FBN);
- 3D (force2D false), neighbour distance 1 (Chebyshev, 13 directions, 26 neighbours), symmetrical GLCM, GLDM
  alpha 0 (gldm_a);
- --texture-aggregation avg (default, weightingNorm None): GLCM and GLRLM features are computed per direction and
  averaged = IBSI 3D:avg (ITBB); merged (weightingNorm 'no_weighting'): the 13 matrices are summed first = IBSI
  3D:mrg (IAZD). GLSZM, GLDM and NGTDM are always one 3D matrix (IBSI KOBO).
- all non-deprecated features, plus the deprecated ones that still compute a value and have an IBSI
  counterpart (shape Compactness1, Compactness2, SphericalDisproportion; firstorder StandardDeviation).

--threads N limits the threads of numpy's BLAS and OpenMP (environment variables, set before numpy is loaded)
and of ITK (SimpleITK's global default number of threads). PyRadiomics's own C matrix code is single-threaded.
"""
import argparse
import json
import os
import statistics
import sys
import time

CLASSES = ["firstorder", "shape", "glcm", "glrlm", "glszm", "gldm", "ngtdm"]
# Deprecated in PyRadiomics (so not enabled by "all features") but still computed, and defined by IBSI.
DEPRECATED_WITH_VALUE = {
    "firstorder": ["StandardDeviation"],
    "shape": ["Compactness1", "Compactness2", "SphericalDisproportion"],
}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--image", required=True, help="raw float32 little-endian volume, x fastest")
    p.add_argument("--mask", required=True, help="raw uint8 mask, same layout; non-zero = ROI")
    p.add_argument("--size", type=int, nargs=3, metavar=("X", "Y", "Z"), required=True)
    p.add_argument("--spacing", type=float, nargs=3, metavar=("SX", "SY", "SZ"), required=True, help="mm")
    binning = p.add_mutually_exclusive_group()
    binning.add_argument("--bin-width", type=float, help="fixed bin size (default 25)")
    binning.add_argument("--bin-count", type=int, help="fixed bin number")
    p.add_argument("--texture-aggregation", choices=["avg", "merged"], default="avg",
                   help="GLCM/GLRLM: average features over the 13 directions (IBSI 3D:avg) or merge the matrices "
                        "first (IBSI 3D:mrg)")
    p.add_argument("--force2d", action="store_true",
                   help="texture matrices from in-plane (x-y) neighbours only, over all slices: IBSI 2.5D "
                        "(not the default; IBSI 3D is)")
    p.add_argument("--classes", default=",".join(CLASSES),
                   help="comma-separated feature classes (default: all of %s)" % ",".join(CLASSES))
    p.add_argument("--threads", type=int, default=None, help="limit numpy/OpenMP/ITK threads to N")
    p.add_argument("--repeat", type=int, default=1, help="run execute() this many times; seconds is the median")
    p.add_argument("--output", help="write the JSON here instead of standard output")
    args = p.parse_args(argv)
    if args.bin_width is None and args.bin_count is None:
        args.bin_width = 25.0
    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    unknown = sorted(set(classes) - set(CLASSES))
    if unknown:
        p.error("unknown feature classes: %s" % ", ".join(unknown))
    args.classes = classes
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    if args.threads is not None and args.threads < 1:
        p.error("--threads must be at least 1")
    return args


def limit_threads(n):
    """Must run before numpy, SimpleITK or radiomics is imported."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                 "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS", "ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS"):
        os.environ[name] = str(n)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.threads is not None:
        limit_threads(args.threads)

    import logging

    import numpy as np

    try:
        import SimpleITK as sitk
        import radiomics
        from radiomics import featureextractor, getFeatureClasses
    except ImportError as error:
        sys.exit("PyRadiomics unavailable: %s (scripts/fetch-pyradiomics.sh installs it; run this script with "
                 ".cache/pyradiomics-venv/bin/python)" % error)

    if args.threads is not None:
        sitk.ProcessObject.SetGlobalDefaultNumberOfThreads(args.threads)
    radiomics.setVerbosity(logging.ERROR)  # no deprecation warnings on stderr
    if radiomics.cMatrices is None:
        sys.exit("PyRadiomics's C extensions are not loaded")

    nx, ny, nz = args.size
    count = nx * ny * nz
    image = np.fromfile(args.image, dtype="<f4")
    mask = np.fromfile(args.mask, dtype=np.uint8)
    if image.size != count or mask.size != count:
        sys.exit("expected %d voxels (%d x %d x %d), got image %d, mask %d"
                 % (count, nx, ny, nz, image.size, mask.size))
    # x varies fastest on disk, so the C-order numpy array is [z][y][x]; SimpleITK's GetImageFromArray reads a
    # numpy array [z][y][x] as an image of size (x, y, z), and spacing is given in (x, y, z) order.
    image = image.astype(np.float32).reshape(nz, ny, nx)
    mask = (mask.reshape(nz, ny, nx) != 0).astype(np.uint8)
    if not mask.any():
        sys.exit("the mask is empty")
    sitk_image = sitk.GetImageFromArray(image)
    sitk_mask = sitk.GetImageFromArray(mask)
    for im in (sitk_image, sitk_mask):
        im.SetSpacing(tuple(float(s) for s in args.spacing))
        im.SetOrigin((0.0, 0.0, 0.0))

    settings = {
        "label": 1,
        "additionalInfo": False,
        "resampledPixelSpacing": None,
        "normalize": False,
        "removeOutliers": None,
        "resegmentRange": None,
        "correctMask": False,
        "preCrop": False,
        "minimumROIDimensions": 1,
        "force2D": args.force2d,
        "force2Ddimension": 0,  # numpy axis 0 = z: the slices are x-y planes
        "distances": [1],
        "symmetricalGLCM": True,
        "weightingNorm": None if args.texture_aggregation == "avg" else "no_weighting",
        "gldm_a": 0,
        "voxelArrayShift": 0,
    }
    if args.bin_count is not None:
        settings["binCount"] = args.bin_count
    else:
        settings["binWidth"] = args.bin_width

    extractor = featureextractor.RadiomicsFeatureExtractor(**settings)
    extractor.disableAllImageTypes()
    extractor.enableImageTypeByName("Original")
    extractor.disableAllFeatures()
    feature_classes = getFeatureClasses()
    enabled = {}
    for name in args.classes:
        names = feature_classes[name].getFeatureNames()  # {feature: is_deprecated}
        enabled[name] = sorted(f for f, deprecated in names.items()
                               if not deprecated or f in DEPRECATED_WITH_VALUE.get(name, []))
    extractor.enableFeaturesByName(**enabled)

    times = []
    result = None
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = extractor.execute(sitk_image, sitk_mask)
        times.append(time.perf_counter() - start)

    features = {}
    for key, value in result.items():
        if key.startswith("diagnostics_"):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        features[key] = number if np.isfinite(number) else None

    output = {
        "tool": "pyradiomics",
        "version": radiomics.__version__,
        "simpleitk": sitk.Version_VersionString(),
        "numpy": np.__version__,
        "seconds": statistics.median(times),
        "all_seconds": times,
        "threads": args.threads if args.threads is not None else sitk.ProcessObject.GetGlobalDefaultNumberOfThreads(),
        "threads_limited": args.threads is not None,
        "size": args.size,
        "spacing": args.spacing,
        "roi_voxels": int(mask.sum()),
        "settings": {k: v for k, v in settings.items()},
        "texture_aggregation": args.texture_aggregation,
        "features": features,
    }
    text = json.dumps(output, indent=1, sort_keys=False)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
