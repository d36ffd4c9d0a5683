#ifndef WERKVORM_FUZZ_DRIVER_H
#define WERKVORM_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, from the toolchain's libclang_rt.fuzzer (linked by -sanitize=fuzzer).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));

/// Runs libFuzzer on `test` with the command line's arguments.
int werkvorm_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *data, size_t size));

#endif
