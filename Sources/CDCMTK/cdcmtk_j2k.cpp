// JPEG 2000 decoding through OpenJPEG, which DCMTK's open-source edition lacks.
#include "cdcmtk.h"

#include <openjpeg-2.5/openjpeg.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

struct MemoryStream {
    const uint8_t *bytes;
    size_t length;
    size_t position;
};

OPJ_SIZE_T readStream(void *buffer, OPJ_SIZE_T count, void *user) {
    MemoryStream *stream = static_cast<MemoryStream *>(user);
    if (stream->position >= stream->length) return static_cast<OPJ_SIZE_T>(-1);
    size_t available = stream->length - stream->position;
    size_t n = count < available ? count : available;
    std::memcpy(buffer, stream->bytes + stream->position, n);
    stream->position += n;
    return n;
}

OPJ_OFF_T skipStream(OPJ_OFF_T count, void *user) {
    MemoryStream *stream = static_cast<MemoryStream *>(user);
    if (count < 0) {
        size_t back = static_cast<size_t>(-count);
        if (back > stream->position) back = stream->position;
        stream->position -= back;
        return -static_cast<OPJ_OFF_T>(back);
    }
    size_t available = stream->length - stream->position;
    size_t n = static_cast<size_t>(count) < available ? static_cast<size_t>(count) : available;
    stream->position += n;
    return static_cast<OPJ_OFF_T>(n);
}

OPJ_BOOL seekStream(OPJ_OFF_T offset, void *user) {
    MemoryStream *stream = static_cast<MemoryStream *>(user);
    if (offset < 0 || static_cast<size_t>(offset) > stream->length) return OPJ_FALSE;
    stream->position = static_cast<size_t>(offset);
    return OPJ_TRUE;
}

/// Whether OpenJPEG's worker threads pay off for this data: a raw codestream (not JP2) of at
/// least 16 KiB whose SIZ marker describes one tile of at least 512 x 256 pixels. Measured on the
/// pydicom corpus: two threads decode a 640 x 480 or 512 x 512 single-tile image about 1.6x
/// faster, but a 400 x 400 image in 16 tiles of 128 x 128 about 1.6x slower, and a highly
/// compressed image (a few KiB) gains nothing.
bool worthThreads(const uint8_t *bytes, size_t length) {
    // SOC (FF4F), then SIZ (FF51): Lsiz, Rsiz, then Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz, XTOsiz,
    // YTOsiz as big-endian 32-bit values.
    if (length < 16384 || bytes[0] != 0xFF || bytes[1] != 0x4F || bytes[2] != 0xFF || bytes[3] != 0x51)
        return false;
    auto value = [&](size_t index) {
        const uint8_t *at = bytes + 8 + 4 * index;
        return (uint64_t(at[0]) << 24) | (uint64_t(at[1]) << 16) | (uint64_t(at[2]) << 8) | uint64_t(at[3]);
    };
    const uint64_t width = value(0) > value(2) ? value(0) - value(2) : 0;
    const uint64_t height = value(1) > value(3) ? value(1) - value(3) : 0;
    const bool oneTile = value(4) >= value(0) - value(6) && value(5) >= value(1) - value(7);
    return oneTile && width * height >= 512 * 256;
}

void quiet(const char *, void *) {}

void setError(char *err, size_t errcap, const char *message) {
    if (err != nullptr && errcap > 0) std::snprintf(err, errcap, "%s", message);
}

}  // namespace

extern "C" {

int cdcm_j2k_decode(const uint8_t *bytes, size_t length, uint64_t max_samples, int threads,
                    cdcm_j2k_image *image, char *err, size_t errcap) {
    std::memset(image, 0, sizeof(*image));
    if (bytes == nullptr || length < 12) {
        setError(err, errcap, "the JPEG 2000 data is empty or too short");
        return CDCM_FAILED;
    }
    static const uint8_t jp2Signature[] = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20};
    const bool isJP2 = std::memcmp(bytes, jp2Signature, sizeof(jp2Signature)) == 0;
    if (!isJP2 && !(bytes[0] == 0xFF && bytes[1] == 0x4F)) {
        setError(err, errcap, "the data is not a JPEG 2000 codestream (no SOC marker)");
        return CDCM_FAILED;
    }
    opj_codec_t *codec = opj_create_decompress(isJP2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
    if (codec == nullptr) {
        setError(err, errcap, "OpenJPEG could not create a decoder");
        return CDCM_FAILED;
    }
    opj_set_info_handler(codec, quiet, nullptr);
    opj_set_warning_handler(codec, quiet, nullptr);
    opj_set_error_handler(codec, quiet, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);

    MemoryStream memory{bytes, length, 0};
    opj_stream_t *stream = opj_stream_create(1 << 16, OPJ_TRUE);
    opj_stream_set_user_data(stream, &memory, nullptr);
    opj_stream_set_user_data_length(stream, length);
    opj_stream_set_read_function(stream, readStream);
    opj_stream_set_skip_function(stream, skipStream);
    opj_stream_set_seek_function(stream, seekStream);

    opj_image_t *decoded = nullptr;
    int status = CDCM_FAILED;
    do {
        if (!opj_setup_decoder(codec, &parameters)) {
            setError(err, errcap, "OpenJPEG rejected the decoder parameters");
            break;
        }
        if (threads > 1 && opj_has_thread_support() && worthThreads(bytes, length))
            opj_codec_set_threads(codec, threads);
        if (!opj_read_header(stream, codec, &decoded) || decoded == nullptr) {
            setError(err, errcap, "the JPEG 2000 header is invalid");
            break;
        }
        const uint64_t width = decoded->x1 - decoded->x0;
        const uint64_t height = decoded->y1 - decoded->y0;
        if (decoded->numcomps == 0 || decoded->numcomps > 4 || width == 0 || height == 0 ||
            width * height * decoded->numcomps > max_samples) {
            setError(err, errcap, "the JPEG 2000 image has an unsupported or too large geometry");
            break;
        }
        if (!opj_decode(codec, stream, decoded) || !opj_end_decompress(codec, stream)) {
            setError(err, errcap, "the JPEG 2000 data could not be decoded (corrupt or truncated codestream)");
            break;
        }
        bool consistent = true;
        for (OPJ_UINT32 c = 0; c < decoded->numcomps; ++c) {
            const opj_image_comp_t &comp = decoded->comps[c];
            if (comp.data == nullptr || comp.w != width || comp.h != height || comp.dx != 1 || comp.dy != 1)
                consistent = false;
        }
        if (!consistent) {
            setError(err, errcap, "the JPEG 2000 image has subsampled or missing components, which is not supported");
            break;
        }
        int32_t *samples = static_cast<int32_t *>(std::malloc(width * height * decoded->numcomps * sizeof(int32_t)));
        if (samples == nullptr) {
            setError(err, errcap, "out of memory while decoding JPEG 2000");
            break;
        }
        const size_t plane = width * height;
        for (OPJ_UINT32 c = 0; c < decoded->numcomps; ++c)
            std::memcpy(samples + c * plane, decoded->comps[c].data, plane * sizeof(int32_t));
        image->width = static_cast<uint32_t>(width);
        image->height = static_cast<uint32_t>(height);
        image->components = decoded->numcomps;
        image->precision = decoded->comps[0].prec;
        image->is_signed = decoded->comps[0].sgnd ? 1 : 0;
        image->samples = samples;
        status = CDCM_OK;
    } while (false);

    if (decoded != nullptr) opj_image_destroy(decoded);
    opj_stream_destroy(stream);
    opj_destroy_codec(codec);
    return status;
}

void cdcm_j2k_free(cdcm_j2k_image *image) {
    if (image == nullptr) return;
    std::free(image->samples);
    image->samples = nullptr;
}

}  // extern "C"
