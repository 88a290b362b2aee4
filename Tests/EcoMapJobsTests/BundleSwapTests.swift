import Foundation
import Testing
@testable import EcoMapJobs

#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder for one test.
private func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ecomap-bundle-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

private func names(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

private func text(_ url: URL) -> String? {
    (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
}

/// Files `a` and `b` in `bundle`, both holding `text`.
private func pair(_ bundle: URL, _ text: String) -> [(url: URL, data: Data)] {
    [(bundle.appendingPathComponent("a"), Data(text.utf8)), (bundle.appendingPathComponent("b"), Data(text.utf8))]
}

/// A process id that no process has (above Linux's largest `pid_max`, 2^22).
private let goneProcess: Int32 = 99_999_999

@Suite("Bundle folders swapped in as a whole")
struct BundleSwapTests {
    @Test("a new bundle replaces the old one's files, keeps every other entry (files, folders, links) and leaves no temporary")
    func keepsForeignEntries() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = root.appendingPathComponent("Output/m")
        let files = RunFiles()
        try files.write([(bundle.appendingPathComponent("a.svg"), Data("old a".utf8)), (bundle.appendingPathComponent("b.csv"), Data("old b".utf8))], bundle: bundle)
        try FileManager.default.createDirectory(at: bundle.appendingPathComponent("mine/deeper"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: bundle.appendingPathComponent("notes.txt"))
        try Data("deep".utf8).write(to: bundle.appendingPathComponent("mine/deeper/x.txt"))
        symlink("notes.txt", bundle.appendingPathComponent("link").path)
        var before = stat()
        stat(bundle.appendingPathComponent("notes.txt").path, &before)

        try files.write([(bundle.appendingPathComponent("a.svg"), Data("new a".utf8)), (bundle.appendingPathComponent("c.md"), Data("new c".utf8))], bundle: bundle)
        #expect(names(bundle) == ["a.svg", "b.csv", "c.md", "link", "mine", "notes.txt"])
        #expect(text(bundle.appendingPathComponent("a.svg")) == "new a")
        #expect(text(bundle.appendingPathComponent("b.csv")) == "old b")   // not written this time: kept
        #expect(text(bundle.appendingPathComponent("mine/deeper/x.txt")) == "deep")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: bundle.appendingPathComponent("link").path)) == "notes.txt")
        var after = stat()
        stat(bundle.appendingPathComponent("notes.txt").path, &after)
        #expect(after.st_ino == before.st_ino)   // the same file (a hard link), not a copy
        #expect(names(root.appendingPathComponent("Output")) == ["m"])
    }

    @Test("the folder is exchanged, not written into: a file handle on the old folder sees the old files")
    func exchanged() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = root.appendingPathComponent("m")
        let files = RunFiles()
        try files.write(pair(bundle, "1"), bundle: bundle)
        var old = stat(), new = stat()
        stat(bundle.path, &old)
        try files.write(pair(bundle, "2"), bundle: bundle)
        stat(bundle.path, &new)
        #expect(old.st_ino != new.st_ino)
        #expect(text(bundle.appendingPathComponent("b")) == "2")
        #expect(BundleSwap.exchange("/nonexistent-a", "/nonexistent-b") == -1 && errno == ENOENT)   // renameat2 is reached
    }

    @Test("stale temporaries of a process that is gone are removed; a live process's, and other names, are not")
    func staleRemoved() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = root.appendingPathComponent("m")
        let stale = [".ecomap-tmp-\(goneProcess)-1x1-m", ".ecomap-tmp-\(goneProcess)-1x2-a.svg"]
        let kept = [".ecomap-tmp-\(getppid())-1x1-m", ".ecomap-tmpx", ".ecomap-tmp-abc-m", "ecomap-tmp-\(goneProcess)-1x1-m", ".hidden"]
        try FileManager.default.createDirectory(at: root.appendingPathComponent(stale[0] + "/sub"), withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: root.appendingPathComponent(stale[0] + "/sub/x"))
        symlink("/etc/hostname", root.appendingPathComponent(stale[0] + "/link").path)
        try Data("partial".utf8).write(to: root.appendingPathComponent(stale[1]))
        for name in kept { try Data().write(to: root.appendingPathComponent(name)) }
        try RunFiles().write(pair(bundle, "1"), bundle: bundle)
        #expect(names(root) == (kept + ["m"]).sorted())
        #expect(FileManager.default.fileExists(atPath: "/etc/hostname"))   // a link is removed, not followed
    }

    @Test("an old bundle set aside by a swap killed halfway is renamed back when its folder is missing, removed when not")
    func asideRestored() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let aside = root.appendingPathComponent(".ecomap-old-\(goneProcess)-1x1-m")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: aside.appendingPathComponent("notes.txt"))
        BundleSwap.removeStale(in: root)
        #expect(names(root) == ["m"])
        #expect(text(root.appendingPathComponent("m/notes.txt")) == "mine")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
        BundleSwap.removeStale(in: root)
        #expect(names(root) == ["m"])
    }

    @Test("a failed bundle write leaves the old bundle intact, no temporary, and removes the folders it created")
    func failure() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = root.appendingPathComponent("m")
        let files = RunFiles()
        try files.write(pair(bundle, "1"), bundle: bundle)
        mkfifo(bundle.appendingPathComponent("pipe").path, 0o644)
        let error = #expect(throws: JobError.self) {
            try files.write(pair(bundle, "2"), bundle: bundle)
        }
        #expect(error?.description.contains("\(bundle.path)/pipe") == true && error?.description.contains("move it out of the folder") == true, "\(String(describing: error))")
        #expect(text(bundle.appendingPathComponent("a")) == "1" && text(bundle.appendingPathComponent("b")) == "1")
        #expect(names(root) == ["m"])

        // Missing folders are created, and removed again when a later output cannot be
        // written (nothing may be created in /proc/self, not even by root).
        let fresh = root.appendingPathComponent("new/deeper/m")
        #expect(throws: JobError.self) {
            try files.write([(fresh.appendingPathComponent("a"), Data("1".utf8)), (URL(fileURLWithPath: "/proc/self/ecomap-test.json"), Data("1".utf8))], bundle: fresh)
        }
        #expect(names(root) == ["m"])
    }

    @Test("a bundle folder that is a file is refused before anything is written")
    func folderIsFile() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let bundle = root.appendingPathComponent("m")
        try Data("x".utf8).write(to: bundle)
        #expect(throws: JobError.self) { try RunFiles().write([(bundle.appendingPathComponent("a"), Data())], bundle: bundle) }
        #expect(names(root) == ["m"] && text(bundle) == "x")
    }
}
