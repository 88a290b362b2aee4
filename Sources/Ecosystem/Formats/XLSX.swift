import Foundation
import ZIPFoundation

/// Office Open XML workbooks (`.xlsx`): reading the sheets as ``Table``s, writing a minimal
/// workbook. The container is opened with ZIPFoundation and its XML read by ``SafeXML``;
/// limits on entry count, uncompressed size and expansion ratio guard against zip bombs.
///
/// Read: the workbook's sheet names (`xl/workbook.xml` and its relationships), shared strings,
/// inline strings, numbers and booleans; a cell's place is its sheet, row and column (`A` = 1).
/// Formulas are read by their cached value. Written: one sheet per table, every cell an inline
/// string, so that no number is reformatted.
///
/// Reference: ECMA-376 Part 1, "Office Open XML File Formats" (5th ed., 2016), §18
/// (SpreadsheetML).
public enum XLSX {
    /// Most entries in a workbook.
    public static let maxEntries = 10_000
    /// Largest total uncompressed size (256 MiB).
    public static let maxUncompressed: Int64 = 256 << 20
    /// Largest ratio of uncompressed to compressed size of one entry.
    public static let maxRatio: Int64 = 200

    static func failure(_ file: String, _ message: String, valid: String = "an .xlsx workbook saved by a spreadsheet program") -> ModelError {
        ModelError(issues: [ModelIssue(file: file, line: 0, column: 0, message: message, valid: valid)])
    }

    /// Reads every worksheet of a workbook.
    /// - Parameters:
    ///   - url: the workbook.
    ///   - file: the name used in issues.
    /// - Returns: the sheets in workbook order, by name (empty sheets left out).
    /// - Throws: ``ModelError`` for a file that is not a zip, a workbook over the limits, or
    ///   malformed XML inside (naming the part).
    /// - Complexity: linear in the uncompressed size.
    public static func read(contentsOf url: URL, file: String) throws(ModelError) -> [(name: String, table: Table)] {
        // Opened from the file, not from memory: ZIPFoundation 0.9.20's in-memory reader traps
        // when a damaged archive points past its end (found by the fuzz test).
        // The directory is checked first, so that a broken archive is reported with the entry
        // and the byte offset where it breaks (ZIPFoundation's errors name neither).
        let directory: ZipDirectory?
        do {
            directory = try ZipDirectory.read(try Data(contentsOf: url, options: .alwaysMapped), file: file, valid: "an .xlsx workbook (a zip archive) saved by a spreadsheet program")
        } catch let error as ModelError {
            throw error
        } catch {
            throw failure(file, "cannot read the workbook: \(error.localizedDescription)")
        }
        func place(_ path: String) -> String { directory?.offset(of: path).map { "at byte \($0): " } ?? "" }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw failure(file, "not a workbook: the file is not a zip archive")
        }
        var entries: [String: Entry] = [:]
        var total: Int64 = 0, count = 0
        for entry in archive {
            count += 1
            guard count <= maxEntries else { throw failure(file, "the workbook holds more than \(maxEntries) parts") }
            let u = Int64(entry.uncompressedSize), c = max(Int64(entry.compressedSize), 1)
            total += u
            guard total <= maxUncompressed else { throw failure(file, "the workbook expands to more than \(maxUncompressed >> 20) MiB") }
            guard u <= c * maxRatio || u < 1 << 20 else { throw failure(file, "part \(entry.path) expands \(u / c) times, more than a workbook does (a zip bomb?)") }
            entries[entry.path] = entry
        }
        var read: Int64 = 0
        func part(_ path: String) throws(ModelError) -> Data? {
            guard let entry = entries[path] else { return nil }
            var out = Data()
            // The sizes checked above are the ones the archive declares; a part that inflates
            // past its declared size (a forged header) is stopped as it is read, and so is the
            // sum of what is read.
            let declared = Int(entry.uncompressedSize)
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    out.append(chunk)
                    read += Int64(chunk.count)
                    if out.count > declared || read > maxUncompressed { throw CocoaError(.fileReadTooLarge) }
                }
            } catch let error as Archive.ArchiveError where error == .invalidCRC32 {
                throw failure(file, "\(place(path))part \(path) of the workbook is damaged: its CRC-32 checksum does not match its data")
            } catch let error as CocoaError where error.code == .fileReadTooLarge {
                throw failure(file, "\(place(path))part \(path) inflates past its declared \(declared) bytes (a forged header?)")
            } catch {
                throw failure(file, "\(place(path))part \(path) of the workbook is damaged: its compressed data cannot be inflated (\(error))")
            }
            return out
        }
        func xml(_ path: String) throws(ModelError) -> XMLTree? {
            guard let d = try part(path) else { return nil }
            do { return try SafeXML.parse(d, file: "\(file) (\(path))") } catch { throw error }
        }
        guard let workbook = try xml("xl/workbook.xml") else { throw failure(file, "not a workbook: no xl/workbook.xml") }
        var targets: [String: String] = [:]
        for r in try xml("xl/_rels/workbook.xml.rels")?.all("Relationship") ?? [] {
            if let id = r.attributes["Id"], var t = r.attributes["Target"] {
                if t.hasPrefix("/") { t.removeFirst() } else { t = "xl/" + t }
                targets[id] = t
            }
        }
        var shared: [String] = []
        for si in try xml("xl/sharedStrings.xml")?.all("si") ?? [] { shared.append(text(of: si)) }
        var result: [(name: String, table: Table)] = []
        for (k, sheet) in (workbook.child("sheets")?.all("sheet") ?? []).enumerated() {
            let name = sheet.attributes["name"] ?? "Sheet\(k + 1)"
            let path = sheet.attributes["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(k + 1).xml"
            guard let ws = try xml(path) else { continue }
            var rows: [Table.Row] = []
            for (r, row) in (ws.child("sheetData")?.all("row") ?? []).enumerated() {
                let number = row.attributes["r"].flatMap(Int.init) ?? r + 1
                var cells: [Int: String] = [:]
                var next = 1
                for c in row.all("c") {
                    let column = c.attributes["r"].map(columnNumber) ?? next
                    next = column + 1
                    let v = c.child("v")?.text ?? ""
                    let value: String
                    switch c.attributes["t"] {
                    case "s": value = Int(v).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
                    case "inlineStr": value = c.child("is").map(text) ?? ""
                    case "b": value = v == "1" ? "TRUE" : "FALSE"
                    default: value = v
                    }
                    cells[column] = value.trimmingCharacters(in: .whitespaces)
                }
                guard let last = cells.keys.max(), cells.values.contains(where: { !$0.isEmpty }) else { continue }
                rows.append(Table.Row(line: number, cells: (1...last).map { cells[$0] ?? "" }, columns: Array(1...last)))
            }
            guard let header = rows.first else { continue }
            result.append((name, Table(file: file, sheet: name, header: header, rows: Array(rows.dropFirst()))))
        }
        return result
    }

    /// The text of a string item (`<t>`, or rich-text runs `<r><t>`).
    static func text(of item: XMLTree) -> String {
        if let t = item.child("t"), item.all("r").isEmpty { return t.text }
        return item.all("r").compactMap { $0.child("t")?.text }.joined()
    }

    /// `B7` → 2.
    static func columnNumber(_ reference: String) -> Int {
        var n = 0
        for ch in reference.uppercased() {
            guard let a = ch.asciiValue, a >= 65, a <= 90 else { break }
            n = n * 26 + Int(a - 64)
        }
        return max(n, 1)
    }

    /// 2 → `B`.
    static func columnName(_ number: Int) -> String {
        var n = number, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    /// Writes a workbook with one sheet per table (every cell an inline string).
    /// - Parameter sheets: sheet names (at most 31 characters) and rows.
    /// - Returns: the `.xlsx` bytes.
    /// - Throws: an error of ZIPFoundation when the archive cannot be built.
    public static func write(_ sheets: [(name: String, rows: [[String]])]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        var types = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for k in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += "</Types>"
        try add("[Content_Types].xml", types)
        try add("_rels/.rels", header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        var workbook = header + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        var rels = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (k, s) in sheets.enumerated() {
            workbook += "<sheet name=\"\(SafeXML.escape(String(s.name.prefix(31))))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
            rels += "<Relationship Id=\"rId\(k + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        workbook += "</sheets></workbook>"
        rels += "</Relationships>"
        try add("xl/workbook.xml", workbook)
        try add("xl/_rels/workbook.xml.rels", rels)
        for (k, s) in sheets.enumerated() {
            var ws = header + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            for (r, row) in s.rows.enumerated() {
                ws += "<row r=\"\(r + 1)\">"
                for (c, value) in row.enumerated() where !value.isEmpty {
                    ws += "<c r=\"\(columnName(c + 1))\(r + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(SafeXML.escape(value))</t></is></c>"
                }
                ws += "</row>"
            }
            ws += "</sheetData></worksheet>"
            try add("xl/worksheets/sheet\(k + 1).xml", ws)
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
