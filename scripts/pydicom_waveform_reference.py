#!/usr/bin/env python3
"""Reference waveform values from pydicom for waveform_ecg.dcm (pydicom 3.0.2's 12-lead ECG).

Writes Tests/DICOMTests/Fixtures/pydicom-waveform.json: per multiplex group the sampling
frequency and, per channel, min/max/mean and the first 50 values of `waveform_array` (physical
units, with sensitivity, correction factor and baseline applied). Run by `make reference`.
"""
import json
import sys

import pydicom


def main():
    path, output = sys.argv[1], sys.argv[2]
    ds = pydicom.dcmread(path)
    groups = []
    for index, group in enumerate(ds.WaveformSequence):
        array = ds.waveform_array(index)
        channels = []
        for channel in range(array.shape[1]):
            values = array[:, channel].astype(float)
            channels.append({"min": values.min(), "max": values.max(), "mean": values.mean(),
                             "first": [float(v) for v in values[:50]], "samples": int(values.size)})
        groups.append({"samplingFrequency": float(group.SamplingFrequency), "channels": channels})
    with open(output, "w") as handle:
        json.dump({"generator": "scripts/pydicom_waveform_reference.py", "pydicom": pydicom.__version__,
                   "groups": groups}, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
