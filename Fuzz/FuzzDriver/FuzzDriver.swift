import Foundation

/// libFuzzer's driver, from the `fuzzer_no_main` runtime that `make fuzz` links into each fuzz
/// target (the full runtime brings a `main` of its own, which clashes with the one SwiftPM
/// gives every executable). Declared here: libFuzzer ships no Swift module.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                 _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The input handler `runFuzzer` was given; libFuzzer calls back through a C function, which
/// cannot capture it. Set once before the driver starts, read only by the driver's thread.
nonisolated(unsafe) private var handler: (Data) -> Void = { _ in }

/// Runs libFuzzer with the process's arguments (a corpus folder, options such as
/// `-max_total_time=30`, or files to replay), calling `body` with each input.
public func runFuzzer(_ body: @escaping (Data) -> Void) -> Never {
    handler = body
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        handler(data.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    })
}
