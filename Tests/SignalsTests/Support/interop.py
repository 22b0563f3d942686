"""Interop peer for CaseAtlas's signal formats: the reference readers and writers (wfdb, pyedflib).

Called by Tests/SignalsTests/InteropTests.swift with PYTHONPATH covering the pinned wheels in
.cache/pypi/. Every mode prints one JSON document on standard output; NaN is written as null.

    read-wfdb RECORD...         WFDB records (paths without .hea) read by wfdb: header fields,
                                digital and physical samples per signal, and the .atr annotations
                                if present; a JSON list, one entry per record
    read-edf FILE               EDF/EDF+/BDF file read by pyedflib: signal headers, digital and
                                physical samples, annotations
    write-wfdb FOLDER FMT...    a synthetic record "peerFMT" in each format FMT (8, 16, 24, 32, 61,
                                80, 160, 212, 310, 311) with an .atr file; a JSON list of what was
                                written (one process for all: importing wfdb takes seconds)
    write-edf FILE edf|bdf      a synthetic EDF+ or BDF+ file with annotations; prints what
                                pyedflib reads back from it
"""

import datetime
import json
import math
import os
import sys

import numpy as np


def clean(values):
    """Floats for JSON, NaN as None."""
    return [None if (isinstance(v, float) and math.isnan(v)) else v for v in values]


def synthetic(n, amplitude, period, spike_every, seed):
    """Sine plus spikes, deterministic, as integers (ADC units)."""
    t = np.arange(n)
    wave = amplitude * np.sin(2 * np.pi * t / period) + 0.25 * amplitude * np.sin(2 * np.pi * t / (period / 7.3))
    wave[(t + seed + 1) % spike_every == 0] += amplitude * 1.5
    return np.round(wave).astype(np.int64)


# Digital ranges used per format, keeping each format's invalid value free.
FORMAT_AMPLITUDE = {
    "8": 1000, "16": 12000, "24": 3000000, "32": 500000000, "61": 12000, "80": 50,
    "160": 12000, "212": 800, "310": 200, "311": 200,
}
# Formats wfdb writes itself; the others are packed here and checked with wfdb's reader.
WFDB_WRITES = {"16", "24", "32", "80", "212"}


def read_wfdb(record):
    """One record as a dict."""
    import wfdb

    rec = wfdb.rdrecord(record, physical=False, smooth_frames=False)
    phys = wfdb.rdrecord(record, physical=True, smooth_frames=False)
    signals = []
    for i, name in enumerate(rec.sig_name):
        signals.append({
            "name": name,
            "units": rec.units[i],
            "fmt": rec.fmt[i],
            "adc_gain": float(rec.adc_gain[i]),
            "baseline": int(rec.baseline[i]),
            "samps_per_frame": int(rec.samps_per_frame[i]),
            "init_value": int(rec.init_value[i]),
            "checksum": int(rec.checksum[i]),
            # The 16-bit sum of the samples as the header's checksum field means it (signed).
            "computed_checksum": int(((int(np.sum(rec.e_d_signal[i], dtype=np.int64)) + 32768) % 65536) - 32768),
            "digital": [int(v) for v in rec.e_d_signal[i]],
            "physical": clean([float(v) for v in phys.e_p_signal[i]]),
        })
    result = {"fs": float(rec.fs), "sig_len": int(rec.sig_len), "signals": signals, "annotations": []}
    if rec.base_time is not None:
        result["base_time"] = rec.base_time.isoformat()
    if rec.base_date is not None:
        result["base_date"] = rec.base_date.isoformat()
    if os.path.exists(record + ".atr"):
        ann = wfdb.rdann(record, "atr", return_label_elements=["symbol"])
        for k in range(len(ann.sample)):
            aux = ann.aux_note[k] if ann.aux_note is not None else ""
            result["annotations"].append({
                "sample": int(ann.sample[k]),
                "symbol": ann.symbol[k],
                "aux_note": (aux or "").rstrip("\x00"),
                "chan": int(ann.chan[k]),
            })
    return result


def read_edf(path):
    import pyedflib

    reader = pyedflib.EdfReader(path)
    try:
        signals = []
        for i in range(reader.signals_in_file):
            signals.append({
                "label": reader.getLabel(i),
                "dimension": reader.getPhysicalDimension(i),
                "rate": float(reader.getSampleFrequency(i)),
                "physical_min": float(reader.getPhysicalMinimum(i)),
                "physical_max": float(reader.getPhysicalMaximum(i)),
                "digital_min": int(reader.getDigitalMinimum(i)),
                "digital_max": int(reader.getDigitalMaximum(i)),
                "digital": [int(v) for v in reader.readSignal(i, digital=True)],
                "physical": clean([float(v) for v in reader.readSignal(i)]),
            })
        onsets, durations, texts = reader.readAnnotations()
        annotations = [
            {"onset": float(o), "duration": float(d) if d >= 0 else 0.0, "text": t}
            for o, d, t in zip(onsets, durations, texts)
        ]
        start = reader.getStartdatetime().isoformat()
        print(json.dumps({
            "signals": signals, "annotations": annotations, "start": start,
            "record_duration": float(reader.datarecord_duration),
            "records": int(reader.datarecords_in_file),
        }))
    finally:
        reader.close()


def pack(fmt, flat):
    """The bytes of a flat sample stream in a WFDB format wfdb cannot write."""
    flat = np.asarray(flat, dtype=np.int64)
    if fmt == "61":
        return flat.astype(">i2").tobytes()
    if fmt == "160":
        return (flat + 32768).astype("<u2").tobytes()
    if fmt == "8":
        raise ValueError("format 8 is packed per signal")
    if fmt in ("310", "311"):
        extra = (-len(flat)) % 3
        padded = np.concatenate([flat, np.zeros(extra, dtype=np.int64)]) & 0x3FF
        out = bytearray()
        for a, b, c in padded.reshape(-1, 3):
            if fmt == "311":
                word = int(a) | int(b) << 10 | int(c) << 20
                out += word.to_bytes(4, "little")
            else:
                w0 = (int(a) << 1) | ((int(c) & 0x1F) << 11)
                w1 = (int(b) << 1) | ((int(c) >> 5) << 11)
                out += w0.to_bytes(2, "little") + w1.to_bytes(2, "little")
        n = len(flat)
        keep = {0: 0, 1: 2, 2: 4 if fmt == "310" else 3}[n % 3]
        return bytes(out[: (n // 3) * 4 + keep])
    raise ValueError(fmt)


def write_wfdb(folder, name, fmt):
    """Writes one record; returns what was written as a dict."""
    import wfdb

    fs = 250
    n = 1999  # odd, so packed formats end in a partial block
    amplitude = FORMAT_AMPLITUDE[fmt]
    period = 400 if fmt == "8" else 180  # format 8: a slow wave, so first differences fit a byte
    spikes = (97, 131) if fmt != "8" else (10**9, 10**9)  # format 8 steps must fit a byte
    d = np.stack([
        synthetic(n, amplitude, period, spikes[0], 0),
        synthetic(n, amplitude // 2, period * 1.7, spikes[1], 5) - amplitude // 4,
    ], axis=1)
    gains = [200.0 if fmt != "32" else 1e6, 123.456]
    baselines = [0, -7]
    write_fmt = fmt if fmt in WFDB_WRITES else ("32" if fmt == "8" else "16")
    resolution = {"8": 16, "80": 8, "212": 12, "310": 10, "311": 10, "24": 24, "32": 32}.get(fmt, 16)
    record = wfdb.Record(
        record_name=name, fs=fs, n_sig=2, sig_len=n, d_signal=d, fmt=[write_fmt] * 2,
        adc_gain=gains, baseline=baselines, units=["mV", "mmHg"], sig_name=["II", "ABP"],
        adc_res=[resolution] * 2, adc_zero=[0, 0], block_size=[0, 0], file_name=[name + ".dat"] * 2,
        base_time=datetime.time(8, 30, 15), base_date=datetime.date(2020, 2, 29),
        comments=["synthetic interop record"],
    )
    record.set_d_features(do_adc=False)
    record.wrsamp(write_dir=folder)
    base = os.path.join(folder, name)
    if fmt not in WFDB_WRITES:
        if fmt == "8":
            diffs = np.diff(d, axis=0, prepend=d[:1])
            if np.abs(diffs).max() > 127:
                raise ValueError("format 8 differences exceed a byte")
            data = diffs.astype(np.int8).tobytes()
        else:
            data = pack(fmt, d.reshape(-1))
        with open(base + ".dat", "wb") as f:
            f.write(data)
        with open(base + ".hea") as f:
            lines = f.read().split("\n")
        lines = [line.replace(name + ".dat " + write_fmt + " ", name + ".dat " + fmt + " ", 1) for line in lines]
        with open(base + ".hea", "w") as f:
            f.write("\n".join(lines))
        check = wfdb.rdrecord(base, physical=False)
        if not np.array_equal(check.d_signal, d):
            raise ValueError("wfdb reads the packed format %s differently" % fmt)
    samples = [100, 350, 600, 900, 1500, 1998]
    symbols = ["N", "V", "+", "A", "~", "|"]
    aux = ["", "", "(AFIB", "", "", "noise burst"]
    chans = [0, 1, 0, 0, 1, 0]
    wfdb.wrann(name, "atr", np.array(samples), symbol=symbols, aux_note=aux, chan=np.array(chans), write_dir=folder)
    return {
        "fs": fs,
        "signals": [
            {"name": nm, "units": u, "adc_gain": g, "baseline": b, "digital": [int(v) for v in d[:, i]]}
            for i, (nm, u, g, b) in enumerate(zip(["II", "ABP"], ["mV", "mmHg"], gains, baselines))
        ],
        "annotations": [
            {"sample": s, "symbol": y, "aux_note": a, "chan": c} for s, y, a, c in zip(samples, symbols, aux, chans)
        ],
    }


def write_edf(path, kind):
    import pyedflib

    bdf = kind == "bdf"
    file_type = pyedflib.FILETYPE_BDFPLUS if bdf else pyedflib.FILETYPE_EDFPLUS
    digital_max = 8388607 if bdf else 32767
    writer = pyedflib.EdfWriter(path, 3, file_type=file_type)
    try:
        writer.setStartdatetime(datetime.datetime(2021, 5, 6, 7, 8, 9))
        writer.setSignalHeaders([
            dict(label="ECG II", dimension="mV", sample_frequency=256, physical_max=5.0, physical_min=-5.0,
                 digital_max=digital_max, digital_min=-digital_max - 1),
            dict(label="Resp", dimension="uV", sample_frequency=32, physical_max=500.0, physical_min=-500.0,
                 digital_max=digital_max, digital_min=-digital_max - 1),
            dict(label="SpO2", dimension="%", sample_frequency=1, physical_max=100.0, physical_min=0.0,
                 digital_max=digital_max, digital_min=-digital_max - 1),
        ])
        seconds = 10
        t256 = np.arange(256 * seconds) / 256.0
        ecg = 1.2 * np.sin(2 * np.pi * 1.1 * t256)
        ecg[::256] += 2.5
        t32 = np.arange(32 * seconds) / 32.0
        resp = 300 * np.sin(2 * np.pi * 0.25 * t32)
        spo2 = 95 + np.arange(seconds) % 3
        writer.writeSamples([ecg, resp, spo2.astype(float)])
        writer.writeAnnotation(0.5, -1, "Recording starts")
        writer.writeAnnotation(2.25, 1.5, "Apnea")
        writer.writeAnnotation(7.0, -1, "R")
    finally:
        writer.close()
    read_edf(path)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    mode = argv[1]
    if mode == "read-wfdb" and len(argv) >= 3:
        print(json.dumps([read_wfdb(record) for record in argv[2:]]))
    elif mode == "read-edf" and len(argv) == 3:
        read_edf(argv[2])
    elif mode == "write-wfdb" and len(argv) >= 4:
        print(json.dumps([write_wfdb(argv[2], "peer" + fmt, fmt) for fmt in argv[3:]]))
    elif mode == "write-edf" and len(argv) == 4:
        write_edf(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
