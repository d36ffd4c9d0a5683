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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
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
        .executableTarget(
            name: "WerkvormCLI",
            dependencies: [
                "Werkvorm", "WerkvormRendering", "WerkvormLibrary", "LuaHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LuaHostTests", dependencies: ["LuaHost"]),
        .testTarget(name: "WerkvormTests", dependencies: ["Werkvorm", "WerkvormRendering", "WerkvormLibrary", "LuaHost"], exclude: ["Fixtures"]),
        .testTarget(name: "WerkvormCLITests", dependencies: ["WerkvormCLI"]),
    ]
)
