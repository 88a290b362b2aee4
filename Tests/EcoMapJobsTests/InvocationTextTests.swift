import Testing
@testable import EcoMapJobs

@Suite("InvocationText: the command line and input paths a report records")
struct InvocationTextTests {
    @Test("shell quoting: plain words as they are, others in single quotes, a quote as '\\''")
    func shellLine() {
        #expect(InvocationText.shellLine(["ecomap", "report", "Datasets/zoetermeer/model.yaml", "-o", "out"])
                == "ecomap report Datasets/zoetermeer/model.yaml -o out")
        #expect(InvocationText.shellLine(["ecomap", "my model.yaml", "", "it's", "$HOME", "a*b"])
                == "ecomap 'my model.yaml' '' 'it'\\''s' '$HOME' 'a*b'")
        #expect(InvocationText.shellLine(["--seed=7", "--page", "16:9"]) == "--seed=7 --page 16:9")
    }

    @Test("paths relative to the working directory, by name")
    func relativePath() {
        let cwd = "/work/repo"
        #expect(InvocationText.relativePath("/work/repo/Datasets/zoetermeer/model.yaml", to: cwd) == "Datasets/zoetermeer/model.yaml")
        #expect(InvocationText.relativePath("Datasets/zoetermeer/model.yaml", to: cwd) == "Datasets/zoetermeer/model.yaml")
        #expect(InvocationText.relativePath("./Datasets/../Datasets/m.yaml", to: cwd) == "Datasets/m.yaml")
        #expect(InvocationText.relativePath("/work/other/m.yaml", to: cwd) == "../other/m.yaml")
        #expect(InvocationText.relativePath("../../tmp/m.yaml", to: cwd) == "/tmp/m.yaml")
        #expect(InvocationText.relativePath("/tmp/m.yaml", to: cwd) == "/tmp/m.yaml")   // only the root in common
        #expect(InvocationText.relativePath("/work/repo", to: cwd) == ".")
        #expect(InvocationText.relativePath("/work/repo/m.yaml", to: "/work/repo/") == "m.yaml")
        #expect(InvocationText.relativePath("/m.yaml", to: "/") == "m.yaml")
    }
}
