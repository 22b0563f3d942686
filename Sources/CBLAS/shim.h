// OpenBLAS's CBLAS interface as Debian installs it (libopenblas-dev, pthread flavour).
#if defined(__x86_64__)
#include <x86_64-linux-gnu/openblas-pthread/cblas.h>
#elif defined(__aarch64__)
#include <aarch64-linux-gnu/openblas-pthread/cblas.h>
#else
#include <cblas.h>
#endif
