// swift-tools-version: 6.1
// Werkvorm's fuzz targets: a package of their own, so that the main package's `swift build` and
// `swift test` never build them. Each executable is a libFuzzer target, built and run by `./run`
// (see README.md here):
//
//     swift build --scratch-path .build -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "WerkvormFuzz",
    dependencies: [
        .package(name: "Werkvorm", path: "../..")
    ],
    targets: [
        // libFuzzer's driver, called from each target's entry point.
        .target(name: "FuzzDriver"),
        // What the targets share: the entry point, the shipped library, a scratch file, a check
        // that traps.
        .target(
            name: "FuzzSupport",
            dependencies: [
                "FuzzDriver",
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "WerkvormLibrary", package: "Werkvorm"),
            ]
        ),
        // A session script, as `werkvorm plan` reads it, and its agenda in every format.
        .executableTarget(
            name: "FuzzSessionScript",
            dependencies: [
                "FuzzSupport",
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "WerkvormRendering", package: "Werkvorm"),
            ]
        ),
        // An events file, as `werkvorm run --events` reads it; each event through the journal's
        // JSON and back, and the events applied to a session of the shipped examples.
        .executableTarget(
            name: "FuzzEvents",
            dependencies: [
                "FuzzSupport",
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "LuaHost", package: "Werkvorm"),
            ]
        ),
        // A record, as `werkvorm replay` and `werkvorm report` read it, its report in text,
        // Markdown and HTML, and a replay of a short one.
        .executableTarget(
            name: "FuzzRecord",
            dependencies: [
                "FuzzSupport",
                .product(name: "Werkvorm", package: "Werkvorm"),
                .product(name: "WerkvormRendering", package: "Werkvorm"),
                .product(name: "LuaHost", package: "Werkvorm"),
            ]
        ),
        // LuaHost's JSON reader: what it reads, written and read again, is the same value.
        .executableTarget(
            name: "FuzzJSON",
            dependencies: [
                "FuzzSupport",
                .product(name: "LuaHost", package: "Werkvorm"),
            ]
        ),
    ]
)
