// OpenBLAS's C interface to BLAS: `cblas_sgemm` for every matrix product in the inference engine,
// plus `openblas_get_num_threads` / `openblas_get_config` so measurements can record the BLAS build.
// Debian's libopenblas-dev ships it in the openblas-pthread include directory found by pkg-config.
#include <cblas.h>
