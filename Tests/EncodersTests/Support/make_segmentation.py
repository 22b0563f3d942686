"""Writes a BINARY DICOM Segmentation of a box over a CT series, with pydicom (the pinned copy in
.cache/pypi): the supplied-region fixture of the image encoder tests.

usage: make_segmentation.py OUT SLICE.dcm... --box X0 X1 Y0 Y1 Z0 Z1 [--segment N] [--no-positions]
Slices are given in volume order; the box is inclusive-exclusive in voxel indices.
"""
import argparse

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels import pack_bits
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("slices", nargs="+")
parser.add_argument("--box", nargs=6, type=int, required=True)
parser.add_argument("--segment", type=int, default=1)
parser.add_argument("--no-positions", action="store_true")
args = parser.parse_args()
x0, x1, y0, y1, z0, z1 = args.box
images = [pydicom.dcmread(path) for path in args.slices]
rows, columns = images[0].Rows, images[0].Columns

frames, groups = [], []
for z in range(z0, z1):
    mask = np.zeros((rows, columns), dtype=np.uint8)
    mask[y0:y1, x0:x1] = 1
    frames.append(mask)
    group = Dataset()
    identification = Dataset()
    identification.ReferencedSegmentNumber = args.segment
    group.SegmentIdentificationSequence = Sequence([identification])
    if not args.no_positions:
        plane = Dataset()
        plane.ImagePositionPatient = images[z].ImagePositionPatient
        group.PlanePositionSequence = Sequence([plane])
    groups.append(group)

meta = FileMetaDataset()
meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.66.4"
meta.MediaStorageSOPInstanceUID = generate_uid()
meta.TransferSyntaxUID = ExplicitVRLittleEndian
seg = Dataset()
seg.file_meta = meta
seg.SOPClassUID = meta.MediaStorageSOPClassUID
seg.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
seg.Modality = "SEG"
seg.SeriesInstanceUID = generate_uid()
seg.StudyInstanceUID = images[0].StudyInstanceUID
seg.SegmentationType = "BINARY"
seg.Rows, seg.Columns = rows, columns
seg.NumberOfFrames = len(frames)
seg.SamplesPerPixel = 1
seg.PhotometricInterpretation = "MONOCHROME2"
seg.BitsAllocated, seg.BitsStored, seg.HighBit, seg.PixelRepresentation = 1, 1, 0, 0
segment = Dataset()
segment.SegmentNumber = args.segment
segment.SegmentLabel = "box"
seg.SegmentSequence = Sequence([segment])
seg.PerFrameFunctionalGroupsSequence = Sequence(groups)
seg.PixelData = pack_bits(np.stack(frames))
seg.save_as(args.out, enforce_file_format=True)
