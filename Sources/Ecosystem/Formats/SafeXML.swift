import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of an XML document, as ``SafeXML`` reads it: name (without namespace prefix),
/// attributes, children, text, and the line and column where it starts.
public final class XMLTree: @unchecked Sendable {
    /// Local name (the part after a `prefix:`).
    public let name: String
    /// Attributes by local name.
    public let attributes: [String: String]
    /// Child elements, in order.
    public internal(set) var children: [XMLTree] = []
    /// The element's own text (concatenated, untrimmed).
    public internal(set) var text = ""
    /// 1-based line and column of the start tag (as libxml2 reports them).
    public let line: Int, column: Int

    init(name: String, attributes: [String: String], line: Int, column: Int) {
        self.name = name; self.attributes = attributes; self.line = line; self.column = column
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }
    /// Every child named `name`.
    public func all(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }
}

/// Reading XML safely with Foundation's `XMLParser` (libxml2): external entities are never
/// resolved (`shouldResolveExternalEntities = false`), documents that declare entities or a
/// DTD with entities are refused before parsing (no "billion laughs"), and size, depth and
/// element count are bounded.
public enum SafeXML {
    /// Largest document read, in bytes (256 MiB).
    public static let maxBytes = 256 << 20
    /// Deepest nesting accepted.
    public static let maxDepth = 256
    /// Most elements accepted.
    public static let maxElements = 5_000_000

    /// Parses `data` into a tree.
    /// - Parameters:
    ///   - data: the document.
    ///   - file: the name used in issues.
    /// - Returns: the root element.
    /// - Throws: ``ModelError`` for a document that is too big, declares entities, is too
    ///   deep or has too many elements, or is not well-formed (with libxml2's line and column).
    /// - Complexity: linear in the size of the document.
    public static func parse(_ data: Data, file: String) throws(ModelError) -> XMLTree {
        guard data.count <= maxBytes else {
            throw ModelError(issues: [ModelIssue(file: file, line: 0, column: 0, message: "the XML document is larger than \(maxBytes >> 20) MiB",
                                                 valid: "a smaller file")])
        }
        // A NUL byte: not XML 1.0 text, and the sign of UTF-16, in which `<!ENTITY` below
        // would not be found (libxml2 reads UTF-16 without a byte-order mark).
        if let nul = data.firstIndex(of: 0) {
            var issue = ModelLoader.invalidUTF8Issue(Data(data[..<nul]) + Data([0xFF]), file: file)
            issue.message = "the document holds a NUL byte at byte \(nul - data.startIndex) (UTF-16 text is not read)"
            throw ModelError(issues: [issue])
        }
        // Entity declarations are refused outright: external ones could read files, internal
        // ones can expand exponentially.
        if let range = data.range(of: Data("<!ENTITY".utf8)) {
            let line = data[..<range.lowerBound].reduce(1) { $1 == 10 ? $0 + 1 : $0 }
            throw ModelError(issues: [ModelIssue(file: file, line: line, column: 1, message: "the document declares an XML entity (<!ENTITY>), which is not read",
                                                 valid: "a GEXF, GraphML or workbook file without a DTD")])
        }
        // Foundation's parser traps on invalid UTF-8 in names (swift-corelibs-foundation):
        // refuse such bytes first, at their line.
        if firstInvalidUTF8(data) != nil {
            throw ModelError(issues: [ModelLoader.invalidUTF8Issue(data, file: file)])
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let delegate = TreeBuilder()
        parser.delegate = delegate
        let ok = parser.parse()
        if let limit = delegate.limit {
            throw ModelError(issues: [ModelIssue(file: file, line: delegate.limitLine, column: 1, message: limit, valid: "a smaller, flatter document")])
        }
        if ok, let mismatch = delegate.mismatch {
            throw ModelError(issues: [ModelIssue(file: file, line: mismatch.line, column: mismatch.column, message: mismatch.message,
                                                 valid: "a well-formed XML document (every element closed in order)")])
        }
        guard ok, let root = delegate.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw ModelError(issues: [ModelIssue(file: file, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                                                 message: "malformed XML (\(reason))", valid: "a well-formed XML document")])
        }
        return root
    }

    final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []
        var count = 0
        var limit: String?
        var limitLine = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            count += 1
            if stack.count >= SafeXML.maxDepth || count > SafeXML.maxElements {
                limit = stack.count >= SafeXML.maxDepth ? "XML nested deeper than \(SafeXML.maxDepth) elements" : "more than \(SafeXML.maxElements) XML elements"
                limitLine = parser.lineNumber
                parser.abortParsing(); return
            }
            var attrs: [String: String] = [:]
            for (k, v) in attributeDict { attrs[local(k)] = v }
            let node = XMLTree(name: local(elementName), attributes: attrs, line: parser.lineNumber, column: parser.columnNumber)
            if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
            stack.append(node)
            names.append(elementName)
        }

        var names: [String] = []
        var mismatch: (line: Int, column: Int, message: String)?

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if let open = names.last, open != elementName, mismatch == nil {
                mismatch = (parser.lineNumber, max(parser.columnNumber, 1), "malformed XML: </\(elementName)> closes <\(open)>")
            }
            _ = names.popLast()
            _ = stack.popLast()
        }

        func parserDidEndDocument(_ parser: XMLParser) {
            if let open = names.last, mismatch == nil {
                mismatch = (parser.lineNumber, max(parser.columnNumber, 1), "malformed XML: <\(open)> is never closed")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func local(_ name: String) -> String {
            if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
            return name
        }
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or `nil`.
    /// Complexity: `O(count)`.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `text` escaped for XML (``Ecosystem/XMLText/escape(_:)``, the one XML escaping).
    public static func escape(_ text: String) -> String { XMLText.escape(text) }
}
