// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CaseAtlas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caseatlas", targets: ["caseatlas"]),
        .library(name: "DICOM", targets: ["DICOM"]),
        .library(name: "Encoders", targets: ["Encoders"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The only C++ in the project: an extern "C" shim over DCMTK and OpenJPEG.
        .target(
            name: "CDCMTK",
            linkerSettings: [
                .linkedLibrary("dcmjpls"),
                .linkedLibrary("dcmjpeg"),
                .linkedLibrary("dcmimgle"),
                .linkedLibrary("dcmdata"),
                .linkedLibrary("oflog"),
                .linkedLibrary("ofstd"),
                .linkedLibrary("openjp2"),
            ]
        ),
        .target(
            name: "DICOM",
            dependencies: [
                "CDCMTK",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Vault",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "VectorIndex",
            dependencies: ["Vault"],
            // The graph's hot loops touch class-owned arrays millions of times per search; the
            // index guards them with its own read-write lock, so Swift's dynamic exclusivity
            // checks only cost time here.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // OpenBLAS's sgemm (Debian's libopenblas-dev), opened on first use rather than linked.
        .target(name: "CBLAS", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "NeuralNet", dependencies: ["CBLAS"]),
        .target(name: "ClinicalText"),
        .target(name: "Signals", dependencies: ["DICOM"]),
        // IBSI chapter 1 radiomics over plain voxel arrays; knows nothing of DICOM. Its loops visit
        // every voxel of a CT volume many times, which unoptimised code makes 50x slower, so it is
        // optimised in debug builds too (the test suite featurizes real images).
        .target(name: "Radiomics", swiftSettings: [.unsafeFlags(["-O"])]),
        .target(
            name: "Encoders",
            dependencies: [
                "ClinicalText", "NeuralNet", "DICOM", "Radiomics",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "caseatlas",
            dependencies: [
                "DICOM", "Signals", "ClinicalText", "Encoders", "Vault", "VectorIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "dicom-bench",
            dependencies: ["DICOM"],
            path: "Benchmarks/DicomDecodeBench"
        ),
        .executableTarget(
            name: "text-bench",
            dependencies: ["Encoders", "CBLAS"],
            path: "Benchmarks/TextEncoderBench"
        ),
        .executableTarget(
            name: "image-bench",
            dependencies: ["Encoders", "Radiomics"],
            path: "Benchmarks/ImageEncoderBench"
        ),
        // Shared by the test targets: child processes and locations.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "DICOMTests",
            dependencies: ["DICOM", "caseatlas", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SignalsTests",
            dependencies: ["Signals", "caseatlas", "TestSupport"],
            exclude: ["Support/interop.py"]
        ),
        .testTarget(name: "VaultTests", dependencies: ["Vault"]),
        .testTarget(
            name: "RadiomicsTests",
            dependencies: ["Radiomics", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "VectorIndexTests", dependencies: ["VectorIndex", "Vault", "caseatlas", "TestSupport"]),
        .testTarget(
            name: "ClinicalTextTests",
            dependencies: ["ClinicalText"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EncodersTests",
            dependencies: ["Encoders", "ClinicalText", "NeuralNet", "DICOM", "Radiomics", "caseatlas", "TestSupport"],
            exclude: ["Support/make_segmentation.py"],
            resources: [.copy("Fixtures")]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
