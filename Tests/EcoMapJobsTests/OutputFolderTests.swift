import Testing
@testable import EcoMapJobs

@Suite("Output folders from model names")
struct OutputFolderTests {
    @Test("a model name never leaves the output root", arguments: [
        ("..", "_2E."), ("/", "_2F"), ("../../somewhere/else", "_2E._2F.._2Fsomewhere_2Felse"),
        ("a\\b", "a_5Cb"), ("a\u{0}b", "a_00b"), ("/etc", "_2Fetc"), ("", "model"), (".hidden", "_2Ehidden"),
    ])
    func encoded(name: String, expected: String) {
        let component = OutputFolder.component(for: name)
        #expect(component == expected)
        #expect(!component.contains("/") && component != ".." && component != "." && !component.hasPrefix("."))
        #expect(OutputFolder.url(root: "Output", model: name).deletingLastPathComponent().lastPathComponent == "Output")
    }

    @Test("ordinary names are kept as they are")
    func kept() {
        #expect(OutputFolder.component(for: "zoetermeer") == "zoetermeer")
        #expect(OutputFolder.component(for: "science_park-2024.v2") == "science_park-2024.v2")
    }
}
