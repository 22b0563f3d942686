// The DCMTK side of the shim: opening, reading, editing and saving datasets, and frame decoding.
// Every entry point catches C++ exceptions so that none crosses into Swift.
#include "dcmtk/config/osconfig.h"

#include "cdcmtk.h"

#include "dcmtk/dcmdata/dcdict.h"
#include "dcmtk/dcmdata/dcfcache.h"
#include "dcmtk/dcmdata/dcistrmb.h"
#include "dcmtk/dcmdata/dcpixel.h"
#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"
#include "dcmtk/dcmdata/dcrledrg.h"
#include "dcmtk/dcmdata/dcrleerg.h"
#include "dcmtk/dcmdata/dctk.h"
#include "dcmtk/dcmjpeg/djdecode.h"
#include "dcmtk/dcmjpeg/djencode.h"
#include "dcmtk/dcmjpls/djdecode.h"
#include "dcmtk/dcmjpls/djencode.h"
#include "dcmtk/oflog/oflog.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>

struct cdcm_file {
    DcmFileFormat format;
    DcmFileCache cache;
    bool hadMetaTransferSyntax = false;
};

namespace {

void setError(char *err, size_t errcap, const char *message) {
    if (err == nullptr || errcap == 0) return;
    std::snprintf(err, errcap, "%s", message);
}

void setCondition(char *err, size_t errcap, const OFCondition &cond) { setError(err, errcap, cond.text()); }

DcmItem *asItem(cdcm_item *item) { return reinterpret_cast<DcmItem *>(item); }
cdcm_item *asHandle(DcmItem *item) { return reinterpret_cast<cdcm_item *>(item); }

DcmElement *findElement(cdcm_item *item, uint16_t group, uint16_t element) {
    if (item == nullptr) return nullptr;
    DcmElement *found = nullptr;
    if (asItem(item)->findAndGetElement(DcmTagKey(group, element), found, OFFalse).bad()) return nullptr;
    return found;
}

DcmPixelData *pixelData(cdcm_file *file) {
    DcmElement *element = findElement(cdcm_dataset(file), 0x7FE0, 0x0010);
    if (element == nullptr || element->ident() != EVR_PixelData) return nullptr;
    return OFstatic_cast(DcmPixelData *, element);
}

DcmPixelSequence *pixelSequence(cdcm_file *file) {
    DcmPixelData *pixels = pixelData(file);
    if (pixels == nullptr) return nullptr;
    E_TransferSyntax xfer = file->format.getDataset()->getCurrentXfer();
    if (!DcmXfer(xfer).isEncapsulated()) return nullptr;
    DcmPixelSequence *sequence = nullptr;
    if (pixels->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad()) return nullptr;
    return sequence;
}

void finishOpen(cdcm_file *file) {
    DcmMetaInfo *meta = file->format.getMetaInfo();
    file->hadMetaTransferSyntax = meta != nullptr && meta->tagExistsWithValue(DCM_TransferSyntaxUID);
}

bool hasPreamble(const char *path) {
    FILE *handle = std::fopen(path, "rb");
    if (handle == nullptr) return false;
    char header[132];
    const bool found = std::fread(header, 1, sizeof(header), handle) == sizeof(header) &&
                       std::memcmp(header + 128, "DICM", 4) == 0;
    std::fclose(handle);
    return found;
}

std::once_flag initializeOnce;
bool dictionaryLoaded = false;

}  // namespace

extern "C" {

int cdcm_initialize(char *err, size_t errcap) {
    try {
        std::call_once(initializeOnce, [] {
            OFLog::configure(OFLogger::OFF_LOG_LEVEL);
            // Converters sometimes store known attributes with VR UN; read them by their real VR.
            dcmEnableUnknownVRConversion.set(OFTrue);
            DcmRLEDecoderRegistration::registerCodecs();
            DcmRLEEncoderRegistration::registerCodecs();
            DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_default, EPC_colorByPixel);
            DJEncoderRegistration::registerCodecs();
            DJLSDecoderRegistration::registerCodecs(EJLSUC_default, EJLSPC_colorByPixel);
            DJLSEncoderRegistration::registerCodecs();
            dictionaryLoaded = dcmDataDict.isDictionaryLoaded();
        });
        if (!dictionaryLoaded) {
            setError(err, errcap,
                     "the DCMTK data dictionary could not be loaded (install the libdcmtk17 package, "
                     "or point DCMDICTPATH at dicom.dic)");
            return CDCM_NO_DICTIONARY;
        }
        return CDCM_OK;
    } catch (...) {
        setError(err, errcap, "DCMTK could not be initialized");
        return CDCM_FAILED;
    }
}

cdcm_file *cdcm_open_path(const char *path, char *err, size_t errcap) {
    try {
        cdcm_file *file = new cdcm_file();
        OFCondition cond =
            file->format.loadFile(OFFilename(path), EXS_Unknown, EGL_noChange, DCM_MaxReadLength, ERM_autoDetect);
        if (cond.bad() && !hasPreamble(path)) {
            // A bare dataset without preamble or meta header: DCMTK's guess can be wrong; the
            // default transfer syntax (PS3.5 10.1) is implicit VR little endian.
            delete file;
            file = new cdcm_file();
            cond = file->format.loadFile(OFFilename(path), EXS_LittleEndianImplicit, EGL_noChange, DCM_MaxReadLength,
                                         ERM_dataset);
        }
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            delete file;
            return nullptr;
        }
        finishOpen(file);
        return file;
    } catch (const std::bad_alloc &) {
        setError(err, errcap, "out of memory while reading the file");
    } catch (...) {
        setError(err, errcap, "DCMTK failed while reading the file");
    }
    return nullptr;
}

cdcm_file *cdcm_open_memory(const void *bytes, size_t length, char *err, size_t errcap) {
    try {
        cdcm_file *file = new cdcm_file();
        DcmInputBufferStream stream;
        stream.setBuffer(bytes, OFstatic_cast(offile_off_t, length));
        stream.setEos();
        file->format.transferInit();
        OFCondition cond = file->format.read(stream, EXS_Unknown, EGL_noChange, DCM_MaxReadLength);
        file->format.transferEnd();
        const bool preamble = length >= 132 && std::memcmp(OFstatic_cast(const char *, bytes) + 128, "DICM", 4) == 0;
        if (cond.bad() && !preamble) {
            delete file;
            file = new cdcm_file();
            DcmInputBufferStream retry;
            retry.setBuffer(bytes, OFstatic_cast(offile_off_t, length));
            retry.setEos();
            DcmDataset *dataset = file->format.getDataset();
            dataset->transferInit();
            cond = dataset->read(retry, EXS_LittleEndianImplicit, EGL_noChange, DCM_MaxReadLength);
            dataset->transferEnd();
        }
        if (cond == EC_StreamNotifyClient) {
            setError(err, errcap, "Premature end of stream");
            delete file;
            return nullptr;
        }
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            delete file;
            return nullptr;
        }
        finishOpen(file);
        return file;
    } catch (const std::bad_alloc &) {
        setError(err, errcap, "out of memory while reading the data");
    } catch (...) {
        setError(err, errcap, "DCMTK failed while reading the data");
    }
    return nullptr;
}

cdcm_file *cdcm_create(void) {
    try {
        return new cdcm_file();
    } catch (...) {
        return nullptr;
    }
}

void cdcm_close(cdcm_file *file) { delete file; }

cdcm_item *cdcm_dataset(cdcm_file *file) { return file ? asHandle(file->format.getDataset()) : nullptr; }

cdcm_item *cdcm_meta_header(cdcm_file *file) { return file ? asHandle(file->format.getMetaInfo()) : nullptr; }

int cdcm_transfer_syntax(cdcm_file *file, char *uid, size_t uidcap) {
    E_TransferSyntax xfer = file->format.getDataset()->getCurrentXfer();
    if (xfer == EXS_Unknown) xfer = file->format.getDataset()->getOriginalXfer();
    DcmXfer info(xfer);
    std::snprintf(uid, uidcap, "%s", info.getXferID());
    return CDCM_OK;
}

int cdcm_has_meta_transfer_syntax(cdcm_file *file) { return file->hadMetaTransferSyntax ? 1 : 0; }

size_t cdcm_item_element_count(cdcm_item *item) { return item ? asItem(item)->card() : 0; }

int cdcm_item_element_at(cdcm_item *item, size_t index, uint16_t *group, uint16_t *element, char vr[3],
                         uint32_t *length) {
    if (item == nullptr || index >= asItem(item)->card()) return CDCM_ABSENT;
    DcmElement *found = asItem(item)->getElement(OFstatic_cast(unsigned long, index));
    if (found == nullptr) return CDCM_ABSENT;
    DcmTag tag = found->getTag();
    *group = tag.getGTag();
    *element = tag.getETag();
    const char *name = DcmVR(found->getVR()).getValidVRName();
    vr[0] = name[0];
    vr[1] = name[1];
    vr[2] = 0;
    *length = found->getLength();
    return CDCM_OK;
}

int cdcm_item_vr(cdcm_item *item, uint16_t group, uint16_t element, char vr[3]) {
    DcmElement *found = findElement(item, group, element);
    if (found == nullptr) return CDCM_ABSENT;
    const char *name = DcmVR(found->getVR()).getValidVRName();
    vr[0] = name[0];
    vr[1] = name[1];
    vr[2] = 0;
    return CDCM_OK;
}

int cdcm_item_contains(cdcm_item *item, uint16_t group, uint16_t element) {
    return findElement(item, group, element) != nullptr ? 1 : 0;
}

int cdcm_item_string(cdcm_item *item, uint16_t group, uint16_t element, char **out, size_t *outlen) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr) return CDCM_ABSENT;
        OFString value;
        if (found->getOFStringArray(value, OFTrue).bad()) return CDCM_FAILED;
        char *copy = OFstatic_cast(char *, std::malloc(value.length() + 1));
        if (copy == nullptr) return CDCM_FAILED;
        std::memcpy(copy, value.c_str(), value.length());
        copy[value.length()] = 0;
        *out = copy;
        *outlen = value.length();
        return CDCM_OK;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_item_numbers(cdcm_item *item, uint16_t group, uint16_t element, double *values, size_t capacity,
                      size_t *count) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr) return CDCM_ABSENT;
        const unsigned long vm = found->getVM();
        *count = vm;
        for (unsigned long i = 0; i < vm && i < capacity; ++i) {
            OFCondition cond = EC_IllegalCall;
            switch (found->ident()) {
                case EVR_US: { Uint16 v = 0; cond = found->getUint16(v, i); values[i] = v; break; }
                case EVR_SS: { Sint16 v = 0; cond = found->getSint16(v, i); values[i] = v; break; }
                case EVR_UL: { Uint32 v = 0; cond = found->getUint32(v, i); values[i] = v; break; }
                case EVR_SL: { Sint32 v = 0; cond = found->getSint32(v, i); values[i] = v; break; }
                case EVR_UV: { Uint64 v = 0; cond = found->getUint64(v, i); values[i] = OFstatic_cast(double, v); break; }
                case EVR_SV: { Sint64 v = 0; cond = found->getSint64(v, i); values[i] = OFstatic_cast(double, v); break; }
                case EVR_FL: case EVR_OF: { Float32 v = 0; cond = found->getFloat32(v, i); values[i] = v; break; }
                case EVR_FD: case EVR_OD: case EVR_DS: { Float64 v = 0; cond = found->getFloat64(v, i); values[i] = v; break; }
                case EVR_IS: { Sint32 v = 0; cond = found->getSint32(v, i); values[i] = v; break; }
                default: return CDCM_FAILED;
            }
            if (cond.bad()) return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_item_value_length(cdcm_item *item, uint16_t group, uint16_t element, uint32_t *length) {
    DcmElement *found = findElement(item, group, element);
    if (found == nullptr) return CDCM_ABSENT;
    *length = found->getLength();
    return CDCM_OK;
}

int cdcm_item_read_bytes(cdcm_item *item, uint16_t group, uint16_t element, uint32_t offset, void *target,
                         uint32_t count, char *err, size_t errcap) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr) return CDCM_ABSENT;
        if (found->isEmpty() || OFstatic_cast(uint64_t, offset) + count > found->getLength()) {
            setError(err, errcap, "the requested bytes lie outside the attribute's value");
            return CDCM_FAILED;
        }
        DcmFileCache cache;
        OFCondition cond = found->getPartialValue(target, offset, count, &cache, EBO_LittleEndian);
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (const std::bad_alloc &) {
        setError(err, errcap, "out of memory while reading an attribute");
    } catch (...) {
        setError(err, errcap, "DCMTK failed while reading an attribute");
    }
    return CDCM_FAILED;
}

size_t cdcm_item_sequence_count(cdcm_item *item, uint16_t group, uint16_t element) {
    DcmElement *found = findElement(item, group, element);
    if (found == nullptr || found->ident() != EVR_SQ) return 0;
    return OFstatic_cast(DcmSequenceOfItems *, found)->card();
}

cdcm_item *cdcm_item_sequence_item(cdcm_item *item, uint16_t group, uint16_t element, size_t index) {
    DcmElement *found = findElement(item, group, element);
    if (found == nullptr || found->ident() != EVR_SQ) return nullptr;
    DcmSequenceOfItems *sequence = OFstatic_cast(DcmSequenceOfItems *, found);
    if (index >= sequence->card()) return nullptr;
    return asHandle(sequence->getItem(OFstatic_cast(unsigned long, index)));
}

int cdcm_item_remove(cdcm_item *item, uint16_t group, uint16_t element) {
    if (item == nullptr) return CDCM_FAILED;
    OFCondition cond = asItem(item)->findAndDeleteElement(DcmTagKey(group, element), OFFalse, OFFalse);
    return cond.good() ? CDCM_OK : CDCM_ABSENT;
}

int cdcm_item_put_string(cdcm_item *item, uint16_t group, uint16_t element, const char *value, char *err,
                         size_t errcap) {
    try {
        OFCondition cond = asItem(item)->putAndInsertString(DcmTag(group, element), value, OFTrue);
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (...) {
        setError(err, errcap, "DCMTK failed while setting an attribute");
        return CDCM_FAILED;
    }
}

int cdcm_item_put_uint16(cdcm_item *item, uint16_t group, uint16_t element, uint16_t value, char *err,
                         size_t errcap) {
    try {
        OFCondition cond = asItem(item)->putAndInsertUint16(DcmTag(group, element), value);
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (...) {
        setError(err, errcap, "DCMTK failed while setting an attribute");
        return CDCM_FAILED;
    }
}

int cdcm_item_make_empty(cdcm_item *item, uint16_t group, uint16_t element) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr) return CDCM_ABSENT;
        if (found->ident() == EVR_SQ) {
            DcmSequenceOfItems *sequence = OFstatic_cast(DcmSequenceOfItems *, found);
            while (sequence->card() > 0) delete sequence->remove(OFstatic_cast(unsigned long, 0));
            return CDCM_OK;
        }
        return found->clear().good() ? CDCM_OK : CDCM_FAILED;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_item_make_single_empty_item(cdcm_item *item, uint16_t group, uint16_t element) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr || found->ident() != EVR_SQ) return CDCM_ABSENT;
        DcmSequenceOfItems *sequence = OFstatic_cast(DcmSequenceOfItems *, found);
        while (sequence->card() > 0) delete sequence->remove(OFstatic_cast(unsigned long, 0));
        return sequence->append(new DcmItem()).good() ? CDCM_OK : CDCM_FAILED;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_item_make_zero(cdcm_item *item, uint16_t group, uint16_t element) {
    try {
        DcmElement *found = findElement(item, group, element);
        if (found == nullptr) return CDCM_ABSENT;
        OFCondition cond = EC_IllegalCall;
        switch (found->ident()) {
            case EVR_US: cond = found->putUint16(0); break;
            case EVR_SS: cond = found->putSint16(0); break;
            case EVR_UL: cond = found->putUint32(0); break;
            case EVR_SL: cond = found->putSint32(0); break;
            case EVR_FL: cond = found->putFloat32(0); break;
            case EVR_FD: cond = found->putFloat64(0); break;
            case EVR_AT: cond = found->putTagVal(DcmTagKey(0, 0)); break;
            case EVR_UV: case EVR_SV: case EVR_OV: cond = found->putString("0"); break;
            case EVR_OF: { const Float32 zero = 0; cond = found->putFloat32Array(&zero, 1); break; }
            case EVR_OD: { const Float64 zero = 0; cond = found->putFloat64Array(&zero, 1); break; }
            case EVR_OL: { const Uint32 zero = 0; cond = found->putUint32Array(&zero, 1); break; }
            case EVR_OW: { const Uint16 zero = 0; cond = found->putUint16Array(&zero, 1); break; }
            default: { const Uint8 zero[2] = {0, 0}; cond = found->putUint8Array(zero, 2); break; }
        }
        return cond.good() ? CDCM_OK : CDCM_FAILED;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_put_native_pixels(cdcm_file *file, const void *bytes, uint32_t length, int as_words, char *err,
                           size_t errcap) {
    try {
        DcmDataset *dataset = file->format.getDataset();
        OFCondition cond;
        if (as_words) {
            if (length % 2 != 0) {
                setError(err, errcap, "16-bit pixel data must have an even length");
                return CDCM_FAILED;
            }
            cond = dataset->putAndInsertUint16Array(DCM_PixelData, OFstatic_cast(const Uint16 *, bytes), length / 2);
        } else {
            cond = dataset->putAndInsertUint8Array(DCM_PixelData, OFstatic_cast(const Uint8 *, bytes), length);
        }
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (...) {
        setError(err, errcap, "DCMTK failed while setting pixel data");
        return CDCM_FAILED;
    }
}

int cdcm_save(cdcm_file *file, const char *path, const char *transfer_syntax, char *err, size_t errcap) {
    try {
        DcmXfer target(transfer_syntax);
        if (target.getXfer() == EXS_Unknown) {
            setError(err, errcap, "unknown transfer syntax");
            return CDCM_FAILED;
        }
        DcmDataset *dataset = file->format.getDataset();
        OFCondition cond = dataset->chooseRepresentation(target.getXfer(), nullptr);
        if (cond.good() && !dataset->canWriteXfer(target.getXfer())) {
            setError(err, errcap, "DCMTK cannot write this dataset in the requested transfer syntax");
            return CDCM_FAILED;
        }
        if (cond.good()) cond = file->format.saveFile(OFFilename(path), target.getXfer());
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        return CDCM_OK;
    } catch (...) {
        setError(err, errcap, "DCMTK failed while writing the file");
        return CDCM_FAILED;
    }
}

int cdcm_pixel_encapsulated(cdcm_file *file, int *encapsulated) {
    if (pixelData(file) == nullptr) return CDCM_ABSENT;
    *encapsulated = pixelSequence(file) != nullptr ? 1 : 0;
    return CDCM_OK;
}

int cdcm_pixel_fragment_count(cdcm_file *file, size_t *count) {
    DcmPixelSequence *sequence = pixelSequence(file);
    if (sequence == nullptr) return CDCM_ABSENT;
    *count = sequence->card();
    return CDCM_OK;
}

int cdcm_pixel_fragment(cdcm_file *file, size_t index, const uint8_t **bytes, uint32_t *length) {
    try {
        DcmPixelSequence *sequence = pixelSequence(file);
        if (sequence == nullptr || index >= sequence->card()) return CDCM_ABSENT;
        DcmPixelItem *fragment = nullptr;
        if (sequence->getItem(fragment, OFstatic_cast(unsigned long, index)).bad() || fragment == nullptr)
            return CDCM_FAILED;
        *length = fragment->getLength();
        if (*length == 0) {
            *bytes = nullptr;
            return CDCM_OK;
        }
        Uint8 *data = nullptr;
        if (fragment->getUint8Array(data).bad() || data == nullptr) return CDCM_FAILED;
        *bytes = data;
        return CDCM_OK;
    } catch (...) {
        return CDCM_FAILED;
    }
}

int cdcm_decode_frame(cdcm_file *file, uint32_t frame, uint32_t start_fragment, void *target,
                      uint32_t target_length, char *color_model, size_t color_model_cap, char *err,
                      size_t errcap) {
    try {
        DcmPixelData *pixels = pixelData(file);
        if (pixels == nullptr) {
            setError(err, errcap, "the dataset has no Pixel Data");
            return CDCM_FAILED;
        }
        Uint32 start = start_fragment;
        OFString model;
        OFCondition cond = pixels->getUncompressedFrame(file->format.getDataset(), frame, start, target,
                                                        target_length, model, &file->cache);
        if (cond.bad()) {
            setCondition(err, errcap, cond);
            return CDCM_FAILED;
        }
        std::snprintf(color_model, color_model_cap, "%s", model.c_str());
        return CDCM_OK;
    } catch (const std::bad_alloc &) {
        setError(err, errcap, "out of memory while decoding a frame");
    } catch (...) {
        setError(err, errcap, "DCMTK failed while decoding a frame");
    }
    return CDCM_FAILED;
}

}  // extern "C"
