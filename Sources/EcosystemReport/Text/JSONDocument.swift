import Ecosystem
import Foundation

/// A value that cannot be written as JSON (not a string, number, Boolean, array, dictionary
/// with string keys, or `NSNull`).
struct JSONDocumentError: Error, CustomStringConvertible {
    /// The Swift type found.
    let type: String
    var description: String { "a value of type \(type) cannot be written as JSON" }
}

extension JSONText {
    /// Writes a document of Foundation-style values — `String`, `Bool`, integers, `Double`,
    /// `NSNull`, arrays of them and `[String: Any]` dictionaries — with the keys of every
    /// object in the writer's fixed order (``JSONText/sortedKeys(_:)``): the bytes
    /// `JSONSerialization` writes with `[.prettyPrinted, .sortedKeys]` (and, when
    /// ``escapesSlashes`` is false, `.withoutEscapingSlashes`), without its locale-aware key
    /// comparison.
    /// - Parameter value: the document or one of its values.
    /// - Throws: ``JSONDocumentError`` for any other type.
    /// - Complexity: `O(bytes + Σ k log k)` for objects of `k` keys.
    mutating func document(_ value: Any) throws {
        switch value {
        case let s as String: string(s)
        case let b as Bool: bool(b)
        case let i as Int: integer(i)
        case let i as Int64: integer(i)
        case let i as Int32: integer(i)
        case let i as UInt64: integer(i)
        case let d as Double: double(d)
        case is NSNull: null()
        case let a as [Any]:
            beginArray()
            for x in a { try document(x) }
            endArray()
        case let o as [String: Any]:
            beginObject()
            for k in JSONText.sortedKeys(o.keys) {
                key(k)
                try document(o[k]!)
            }
            endObject()
        default:
            throw JSONDocumentError(type: String(describing: Swift.type(of: value)))
        }
    }

    /// The text of a whole document (see ``document(_:)``), ending in a newline.
    static func text(of document: Any, escapesSlashes: Bool = true, capacity: Int = 1 << 16) throws -> String {
        var w = JSONText(capacity: capacity, escapesSlashes: escapesSlashes)
        try w.document(document)
        return w.text
    }
}
