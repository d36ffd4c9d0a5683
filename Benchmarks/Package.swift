// swift-tools-version: 6.1
// Werkvorm's benchmarks: a package of their own, so that the main package's `swift build` and
// `swift test` never fetch or build the benchmark framework. Run from this folder with
// `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "WerkvormBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Werkvorm", path: ".."),
        // Only the MallocInterposer trait: on Linux with Swift 6.3 the default traits would also
        // pull in swift-runtime-interposer, which is not among the packages this machine has.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Not a benchmark: operations counted in instructions by instruction-counts.sh.
        .executableTarget(
            name: "InstructionCounts",
            dependencies: [.product(name: "LuaHost", package: "Werkvorm")],
            path: "InstructionCounts"
        ),
        // package-benchmark finds benchmark targets in Benchmarks/<target name>/.
        .executableTarget(
            name: "LuaHostBenchmarks",
            dependencies: [
                .product(name: "LuaHost", package: "Werkvorm"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LuaHostBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "ReplayBenchmarks",
            dependencies: [
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "WerkvormLibrary", package: "Werkvorm"),
                .product(name: "LuaHost", package: "Werkvorm"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ReplayBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "ScaleBenchmarks",
            dependencies: [
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "WerkvormLibrary", package: "Werkvorm"),
                .product(name: "WerkvormRendering", package: "Werkvorm"),
                .product(name: "LuaHost", package: "Werkvorm"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ScaleBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ]
)
