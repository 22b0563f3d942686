#include "cblas_lazy.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef void (*sgemm_function)(enum CBLAS_ORDER, enum CBLAS_TRANSPOSE, enum CBLAS_TRANSPOSE, blasint, blasint,
                               blasint, float, const float *, blasint, const float *, blasint, float, float *,
                               blasint);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static sgemm_function sgemm;
static char failure[512];

static void load(void) {
    // The soname Debian's libopenblas0 installs (the library `-lopenblas` would link).
    void *library = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(failure, sizeof failure, "%s", reason ? reason : "dlopen failed");
        return;
    }
    sgemm = (sgemm_function)dlsym(library, "cblas_sgemm");
    if (sgemm == NULL) {
        snprintf(failure, sizeof failure, "libopenblas.so.0 has no cblas_sgemm");
        dlclose(library);
    }
}

int caseatlas_blas_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (sgemm != NULL) return 0;
    if (error != NULL && size > 0) snprintf(error, size, "%s", failure);
    return -1;
}

void caseatlas_sgemm(enum CBLAS_ORDER order, enum CBLAS_TRANSPOSE transA, enum CBLAS_TRANSPOSE transB,
                     blasint m, blasint n, blasint k, float alpha, const float *a, blasint lda,
                     const float *b, blasint ldb, float beta, float *c, blasint ldc) {
    // pthread_once also orders this thread's read of `sgemm` after the load that wrote it.
    pthread_once(&once, load);
    if (sgemm == NULL) {
        // A programming error, not bad input: callers load the library (and report failure) first.
        fputs("caseatlas: OpenBLAS used before caseatlas_blas_load succeeded\n", stderr);
        abort();
    }
    sgemm(order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
