// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ptt",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ptt", targets: ["CLI"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Store", targets: ["Store"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // SHA-256 from OpenSSL (libpq-dev already depends on libssl-dev on Debian).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Ingest"),
        .target(name: "Store", dependencies: ["CLibPQ", "CLibCrypto", "Ingest"]),
        .executableTarget(
            name: "CLI",
            dependencies: [
                "Ingest", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Ingest"]),
        .testTarget(name: "CLITests", dependencies: ["CLI"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
