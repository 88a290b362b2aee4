import Foundation

/// The table of contents of a zip archive, read and checked before the archive is opened, so
/// that a broken container is reported with its place: the file, the entry's name and the byte
/// offset where the structure breaks, and what a valid archive has there.
///
/// Read: the end-of-central-directory record (the last 22 to 65,557 bytes), the central
/// directory it points to, and for every entry the local file header it points to. Checked:
/// each record's signature, that every offset and size stays inside the file, the compression
/// method (stored or deflate, what workbooks use) and that no entry is encrypted. ZIP64 archives
/// (sizes over 4 GiB or over 65,535 entries, which no workbook within ``XLSX``'s limits needs)
/// are left to ZIPFoundation's own checks.
///
/// Reference: PKWARE, *.ZIP File Format Specification* (APPNOTE.TXT, version 6.3.10, 2022),
/// §4.3.7 (local file header), §4.3.12 (central directory header), §4.3.16 (end of central
/// directory record).
public struct ZipDirectory: Sendable {
    /// One entry: its name and where its local header starts.
    public struct Entry: Sendable {
        /// The entry's path inside the archive.
        public let name: String
        /// The byte offset of its local file header.
        public let offset: Int
    }

    /// The entries, in central-directory order.
    public let entries: [Entry]

    /// The byte offset of the entry named `name`, if there is one.
    public func offset(of name: String) -> Int? { entries.first { $0.name == name }?.offset }

    /// Reads and checks the directory of the archive in `data`.
    /// - Parameters:
    ///   - data: the whole archive.
    ///   - file: the name used in issues.
    ///   - valid: what a valid file is, for the issue ("an .xlsx workbook saved by …").
    /// - Returns: the directory, or `nil` for a ZIP64 archive (not checked here).
    /// - Throws: ``ModelError`` naming the byte offset, the entry and what was expected there.
    /// - Complexity: `O(n)` in the size of the central directory, plus 64 KiB searched for its end.
    public static func read(_ data: Data, file: String, valid: String) throws(ModelError) -> ZipDirectory? {
        let bytes = [UInt8](data)
        let size = bytes.count
        func fail(_ message: String) -> ModelError {
            ModelError(issues: [ModelIssue(file: file, line: 0, column: 0, message: message, valid: valid)])
        }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        func signature(_ at: Int, _ value: Int) -> Bool { at >= 0 && at + 4 <= size && u32(at) == value }

        // The end-of-central-directory record: 22 bytes and a comment of at most 65,535.
        var end = -1
        var at = size - 22
        while at >= max(0, size - 22 - 65_535) {
            if signature(at, 0x0605_4B50) && at + 22 + u16(at + 20) <= size { end = at; break }
            at -= 1
        }
        guard end >= 0 else {
            throw fail("not a zip archive: no end-of-central-directory record (signature PK\\5\\6) in the last \(min(size, 65_557)) of its \(size) bytes; the file is cut off or is not a zip")
        }
        let count = u16(end + 10), directorySize = u32(end + 12), directoryStart = u32(end + 16)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryStart == 0xFFFF_FFFF { return nil }
        guard directoryStart + directorySize <= end else {
            throw fail("at byte \(end): the end-of-central-directory record puts the central directory at bytes \(directoryStart)–\(directoryStart + directorySize), past where it ends (byte \(end)); the file is cut off or damaged")
        }
        var entries: [Entry] = []
        var record = directoryStart
        for index in 0..<count {
            guard record + 46 <= end, signature(record, 0x0201_4B50) else {
                throw fail("at byte \(record): entry \(index + 1) of \(count) of the central directory is missing (expected signature PK\\1\\2); the file is damaged")
            }
            let flags = u16(record + 8), method = u16(record + 10), compressed = u32(record + 20)
            let nameLength = u16(record + 28), extra = u16(record + 30), comment = u16(record + 32)
            let local = u32(record + 42)
            guard record + 46 + nameLength <= end else {
                throw fail("at byte \(record): the name of entry \(index + 1) runs past the central directory; the file is damaged")
            }
            let name = String(decoding: bytes[(record + 46)..<(record + 46 + nameLength)], as: UTF8.self)
            if flags & 1 != 0 {
                throw fail("at byte \(record): entry '\(name)' is encrypted; save the workbook without a password")
            }
            if method != 0 && method != 8 {
                throw fail("at byte \(record): entry '\(name)' uses compression method \(method); a workbook's entries are stored (0) or deflated (8)")
            }
            guard signature(local, 0x0403_4B50), local + 30 <= directoryStart else {
                throw fail("at byte \(local): entry '\(name)' has no local file header there (expected signature PK\\3\\4, as the central directory at byte \(record) says); the file is damaged")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            if compressed != 0xFFFF_FFFF, dataStart + compressed > directoryStart {
                throw fail("at byte \(local): entry '\(name)' is cut off: its \(compressed) compressed bytes from byte \(dataStart) run past byte \(directoryStart), where the central directory starts")
            }
            entries.append(Entry(name: name, offset: local))
            record += 46 + nameLength + extra + comment
        }
        return ZipDirectory(entries: entries)
    }
}
