import Ecosystem
import Foundation

/// libFuzzer's entry point: loads `data` with one of the loaders. Every outcome but a crash or
/// a hang is fine; errors must carry a position (a located error is checked with a trap, so
/// libFuzzer keeps the input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let kind = data[0] % 4
    let bytes = Data(bytes: data + 1, count: size - 1)
    guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
    var issues: [ModelIssue] = []
    do {
        switch kind {
        case 0: _ = try ModelLoader.load(yaml: text, file: "f")
        case 1: _ = try EdgeListLoader.load(csv: text, file: "f", name: "f")
        case 2: _ = try ScenarioLoader.load(yaml: text, file: "f")
        default: _ = try DelimitedText.table(text, file: "f")
        }
    } catch { issues = error.issues }
    if let bad = issues.first(where: { $0.line < 1 || $0.column < 1 }) { fatalError("issue without a position: \(bad)") }
    return 0
}

// SwiftPM links an executable's entry point as `<product>_main` (so that tests can link the
// executable); hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("ecomap_fuzz_main")
public func ecomapFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
