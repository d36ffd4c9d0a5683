#include "FuzzDriver.h"

// SwiftPM links an executable on Linux with `--defsym main=<Target>_main`, so libFuzzer's own
// `main` is never used: each target's `<Target>_main` calls libFuzzer's driver through here.
int werkvorm_fuzz_main(int argc, char **argv, int (*test)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, test);
}
