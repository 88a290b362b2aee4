import FixtureSupport
import Foundation
import Testing
@testable import Ecosystem

/// Broken workbooks (zip containers) are reported with the entry and the byte offset where
/// they break. The offsets of Tests/Fixtures/formats/openpyxl.xlsx (6,018 bytes) are Python's
/// `zipfile` (`ZipInfo.header_offset`): xl/worksheets/sheet1.xml at 2078 (name 24 bytes, no
/// extra field), xl/workbook.xml at 4414; its central directory starts at 5352, the entry of
/// xl/workbook.xml in it at 5798, the end record at 5996.
@Suite("Broken zip containers")
struct ZipDirectoryTests {
    static let workbook = Fixtures.directory.appendingPathComponent("formats/openpyxl.xlsx")

    /// The fixture's bytes changed by `edit`, loaded: the one issue it gives.
    func issue(_ edit: (inout [UInt8]) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> ModelIssue? {
        var bytes = [UInt8](try Data(contentsOf: Self.workbook))
        edit(&bytes)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).xlsx")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ModelFormats.load(url.path)
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.issues.count == 1, sourceLocation: sourceLocation)
            #expect(error.issues.first?.file == url.path && error.issues.first?.valid?.contains(".xlsx workbook") == true, sourceLocation: sourceLocation)
            return error.issues.first
        }
    }

    @Test("the intact workbook reads, and its directory has Python's offsets")
    func intact() throws {
        let directory = try #require(try ZipDirectory.read(try Data(contentsOf: Self.workbook), file: "w", valid: ""))
        #expect(directory.entries.count == 10)
        #expect(directory.offset(of: "xl/worksheets/sheet1.xml") == 2078 && directory.offset(of: "xl/workbook.xml") == 4414)
    }

    @Test("a cut-off file: no end record, with the size")
    func truncated() throws {
        let found = try issue { $0.removeSubrange(5000...) }
        #expect(found?.message == "not a zip archive: no end-of-central-directory record (signature PK\\5\\6) in the last 5000 of its 5000 bytes; the file is cut off or is not a zip")
    }

    @Test("a damaged local header: the entry and its offset")
    func localHeader() throws {
        let found = try issue { $0[4414] = UInt8(ascii: "X") }
        #expect(found?.message == "at byte 4414: entry 'xl/workbook.xml' has no local file header there (expected signature PK\\3\\4, as the central directory at byte 5798 says); the file is damaged")
    }

    @Test("damaged compressed data: the part and its offset")
    func compressedData() throws {
        // sheet1's deflated data starts at 2078 + 30 + 24 = 2132; overwrite 40 bytes of it.
        let found = try issue { bytes in for k in 2140..<2180 { bytes[k] ^= 0x5A } }
        #expect(found?.message.hasPrefix("at byte 2078: part xl/worksheets/sheet1.xml of the workbook is damaged: ") == true, "\(String(describing: found))")
    }

    @Test("a central directory past the end record, an unknown compression method, an encrypted entry")
    func directory() throws {
        let moved = try issue { bytes in bytes[5996 + 16] = 0x00 }   // directory offset 5352 = 0x14E8 → 0x1400 = 5120
        #expect(moved?.message.hasPrefix("at byte 5120: entry 1 of 10 of the central directory is missing") == true, "\(String(describing: moved))")
        let method = try issue { bytes in bytes[5798 + 10] = 99 }
        #expect(method?.message == "at byte 5798: entry 'xl/workbook.xml' uses compression method 99; a workbook's entries are stored (0) or deflated (8)")
        let encrypted = try issue { bytes in bytes[5798 + 8] |= 1 }
        #expect(encrypted?.message == "at byte 5798: entry 'xl/workbook.xml' is encrypted; save the workbook without a password")
        let past = try issue { bytes in bytes[5996 + 12] = 0xFF; bytes[5996 + 13] = 0xFF }   // directory size 65,535
        #expect(past?.message.hasPrefix("at byte 5996: the end-of-central-directory record puts the central directory at bytes 5352–70887") == true, "\(String(describing: past))")
    }
}
