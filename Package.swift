// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Werkvorm",
    products: [
        .executable(name: "werkvorm", targets: ["WerkvormCLI"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
        .library(name: "Werkvorm", targets: ["Werkvorm"]),
        .library(name: "WerkvormRendering", targets: ["WerkvormRendering"]),
        .library(name: "WerkvormLibrary", targets: ["WerkvormLibrary"]),
        .library(name: "WerkvormServer", targets: ["WerkvormServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // The live server; no configuration or full-Foundation traits, to keep the build short.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // Property-based tests of the JSON reader and writer, value conversion and records.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Lua 5.4 from Debian's liblua5.4-dev.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // What Swift cannot import or must not do: macros, error trampolines, hooks, the allocator.
        .target(name: "LuaShim", dependencies: ["CLua"]),
        // QR codes from Debian's libqrencode-dev.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // The sandboxed, bounded, deterministic Lua host.
        .target(name: "LuaHost", dependencies: ["CLua", "LuaShim"]),
        // The core: exercises, session scripts, the session run, records and replay. No
        // rendering, no lookup of the installation, no command line.
        .target(
            name: "Werkvorm",
            dependencies: [
                "LuaHost", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),  // SHA-256 of exercise sources in records
            ]
        ),
        // Agendas, handouts and reports as text, Markdown and HTML, and the Lua report plugins.
        .target(name: "WerkvormRendering", dependencies: ["Werkvorm", "LuaHost"]),
        // Where the shipped library is, libraries read from directories, and the authoring
        // tools on them: checks, exercise tests, the template of a new exercise.
        .target(name: "WerkvormLibrary", dependencies: ["Werkvorm", "LuaHost"]),
        // Live participation: the web server, its three pages, join codes, tokens and QR codes.
        .target(
            name: "WerkvormServer",
            dependencies: [
                "Werkvorm", "WerkvormRendering", "LuaHost", "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),  // the HMAC of tokens
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "WerkvormCLI",
            dependencies: [
                "Werkvorm", "WerkvormRendering", "WerkvormLibrary", "WerkvormServer", "LuaHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "WerkvormTests",
            dependencies: ["Werkvorm", "WerkvormRendering", "WerkvormLibrary", "LuaHost", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]),
        .testTarget(name: "WerkvormCLITests", dependencies: ["WerkvormCLI"]),
        .testTarget(
            name: "WerkvormServerTests",
            dependencies: [
                "WerkvormServer", "Werkvorm", "WerkvormLibrary",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
