// OpenBLAS's single-precision matrix product, loaded on first use.
//
// Linking OpenBLAS makes every process load it and start its worker threads before main, about
// 3.5 ms here, in every `caseatlas dicom inspect` too. Only the text encoder multiplies matrices,
// so the library is opened with dlopen when a model is loaded, and other commands never pay.
#ifndef CASEATLAS_CBLAS_LAZY_H
#define CASEATLAS_CBLAS_LAZY_H

#include <stddef.h>

// The CBLAS types, as Debian's libopenblas-dev declares them. The header also declares every
// cblas_* function, but none is linked: call them only through the functions below.
#if defined(__x86_64__)
#include <x86_64-linux-gnu/openblas-pthread/cblas.h>
#elif defined(__aarch64__)
#include <aarch64-linux-gnu/openblas-pthread/cblas.h>
#else
#include <cblas.h>
#endif

/// Opens OpenBLAS if it is not open yet. Returns 0, or -1 with the loader's message in `error`.
/// Safe to call from any thread, any number of times.
int caseatlas_blas_load(char *error, size_t size);

/// `cblas_sgemm` of the loaded library; `caseatlas_blas_load` must have returned 0 first.
void caseatlas_sgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transA, enum CBLAS_TRANSPOSE transB,
                     blasint m, blasint n, blasint k, float alpha, const float *a, blasint lda,
                     const float *b, blasint ldb, float beta, float *c, blasint ldc);

#endif
