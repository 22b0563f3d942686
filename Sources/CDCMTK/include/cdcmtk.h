// A small C face over DCMTK (and OpenJPEG for JPEG 2000), so that Swift never sees C++.
//
// Conventions: functions return 0 on success and a non-zero status on failure; on failure a
// human-readable reason is written into `err` (at most `errcap` bytes, NUL-terminated). Reasons
// never contain attribute values, so they are safe to show even for files that carry PHI.
// Handles are not thread-safe: use one handle from one thread at a time.
#ifndef CDCMTK_H
#define CDCMTK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An opened or newly created DICOM file (DcmFileFormat).
typedef struct cdcm_file cdcm_file;
/// A dataset or a sequence item inside a file (DcmItem). Owned by its file.
typedef struct cdcm_item cdcm_item;

enum {
    CDCM_OK = 0,
    CDCM_ABSENT = 1,       // the attribute is not present
    CDCM_FAILED = 2,       // see err
    CDCM_NO_DICTIONARY = 3 // the DCMTK data dictionary could not be loaded
};

/// Registers the codecs and silences DCMTK's logging; safe to call many times from any thread.
/// Returns CDCM_NO_DICTIONARY when the data dictionary is missing.
int cdcm_initialize(char *err, size_t errcap);

cdcm_file *cdcm_open_path(const char *path, char *err, size_t errcap);
cdcm_file *cdcm_open_memory(const void *bytes, size_t length, char *err, size_t errcap);
/// A new, empty file to fill and save.
cdcm_file *cdcm_create(void);
void cdcm_close(cdcm_file *file);

cdcm_item *cdcm_dataset(cdcm_file *file);
cdcm_item *cdcm_meta_header(cdcm_file *file);
/// The transfer syntax the dataset was read in (or is now in), as a UID.
int cdcm_transfer_syntax(cdcm_file *file, char *uid, size_t uidcap);
/// 1 when the file had a File Meta Information header with a Transfer Syntax UID.
int cdcm_has_meta_transfer_syntax(cdcm_file *file);

// Elements of an item, in tag order.
size_t cdcm_item_element_count(cdcm_item *item);
int cdcm_item_element_at(cdcm_item *item, size_t index, uint16_t *group, uint16_t *element, char vr[3],
                         uint32_t *length);
/// The attribute's value representation as two letters.
int cdcm_item_vr(cdcm_item *item, uint16_t group, uint16_t element, char vr[3]);
int cdcm_item_contains(cdcm_item *item, uint16_t group, uint16_t element);
/// The whole value as stored text (all values, backslash-separated). `*out` is malloc'd; free it.
int cdcm_item_string(cdcm_item *item, uint16_t group, uint16_t element, char **out, size_t *outlen);
/// Every value of a numeric attribute (US, SS, UL, SL, UV, SV, FL, FD, DS, IS, OF, OD, AT excluded).
/// Writes at most `capacity` values and reports the full count in `*count`.
int cdcm_item_numbers(cdcm_item *item, uint16_t group, uint16_t element, double *values, size_t capacity,
                      size_t *count);
/// The value's byte length (0xFFFFFFFF for undefined-length encapsulated data).
int cdcm_item_value_length(cdcm_item *item, uint16_t group, uint16_t element, uint32_t *length);
/// `count` bytes of the value from `offset`, in little-endian byte order for 16/32/64-bit VRs.
int cdcm_item_read_bytes(cdcm_item *item, uint16_t group, uint16_t element, uint32_t offset, void *target,
                         uint32_t count, char *err, size_t errcap);
size_t cdcm_item_sequence_count(cdcm_item *item, uint16_t group, uint16_t element);
cdcm_item *cdcm_item_sequence_item(cdcm_item *item, uint16_t group, uint16_t element, size_t index);

// Editing.
int cdcm_item_remove(cdcm_item *item, uint16_t group, uint16_t element);
/// Sets (creating or replacing) a text-valued attribute; the dictionary gives the VR.
int cdcm_item_put_string(cdcm_item *item, uint16_t group, uint16_t element, const char *value, char *err,
                         size_t errcap);
int cdcm_item_put_uint16(cdcm_item *item, uint16_t group, uint16_t element, uint16_t value, char *err,
                         size_t errcap);
/// Empties an existing attribute: zero-length value, or a sequence without items.
int cdcm_item_make_empty(cdcm_item *item, uint16_t group, uint16_t element);
/// Replaces an existing sequence's items with one empty item.
int cdcm_item_make_single_empty_item(cdcm_item *item, uint16_t group, uint16_t element);
/// Gives an existing binary attribute (US, SS, UL, SL, UV, SV, FL, FD, AT, OB, OW, OF, OD, OL, OV,
/// UN) a single zero value of its VR.
int cdcm_item_make_zero(cdcm_item *item, uint16_t group, uint16_t element);
/// Native pixel data from little-endian bytes; `as_words` chooses OW (else OB).
int cdcm_put_native_pixels(cdcm_file *file, const void *bytes, uint32_t length, int as_words, char *err,
                           size_t errcap);
/// Converts to `transfer_syntax` (compressing when needed) and writes a DICOM Part 10 file.
int cdcm_save(cdcm_file *file, const char *path, const char *transfer_syntax, char *err, size_t errcap);

// Pixel data.
/// 1 when Pixel Data is encapsulated (compressed), 0 when native, CDCM_ABSENT when there is none.
int cdcm_pixel_encapsulated(cdcm_file *file, int *encapsulated);
/// Encapsulated data: number of items in the pixel sequence (item 0 is the Basic Offset Table).
int cdcm_pixel_fragment_count(cdcm_file *file, size_t *count);
/// Encapsulated data: a pointer to the bytes of one item; valid while the file is open.
int cdcm_pixel_fragment(cdcm_file *file, size_t index, const uint8_t **bytes, uint32_t *length);
/// Decodes one frame with DCMTK's codecs (RLE, JPEG, JPEG-LS) into `target`, pixel-interleaved,
/// samples little-endian. `color_model` receives the photometric interpretation after decoding.
int cdcm_decode_frame(cdcm_file *file, uint32_t frame, uint32_t start_fragment, void *target,
                      uint32_t target_length, char *color_model, size_t color_model_cap, char *err,
                      size_t errcap);

/// One JPEG 2000 image decoded by OpenJPEG.
typedef struct {
    uint32_t width;
    uint32_t height;
    uint32_t components;
    uint32_t precision;     // bits per sample of component 0
    int is_signed;          // of component 0
    int32_t *samples;       // components planes of width*height values; free with cdcm_j2k_free
} cdcm_j2k_image;

/// Decodes a JPEG 2000 codestream (or JP2 file) from memory. Refuses images larger than
/// `max_samples` values before allocating them. Uses up to `threads` threads for a large
/// single-tile codestream (see cdcmtk_j2k.cpp); 1 decodes on the calling thread only.
int cdcm_j2k_decode(const uint8_t *bytes, size_t length, uint64_t max_samples, int threads,
                    cdcm_j2k_image *image, char *err, size_t errcap);
void cdcm_j2k_free(cdcm_j2k_image *image);

#ifdef __cplusplus
}
#endif

#endif
