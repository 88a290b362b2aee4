import Foundation

/// Where a job writes the files of a model: `<root>/<model folder>/`.
///
/// A name read from a file never chooses where files go: the model's name becomes exactly one
/// folder name. ASCII letters, digits, `-` and `_` are kept, and `.` except as the first
/// character; every other byte of the UTF-8 encoding (`/`, `\`, NUL, spaces, accents) becomes
/// `_` and two hex digits, as scenario names do in file names. So `..`, `/etc` or `a/../b`
/// stay inside the root, and distinct names give distinct folders.
public enum OutputFolder {
    /// The folder name for a model called `name`.
    /// - Parameter name: the model's `name` (from the file, or the file's base name).
    /// - Returns: one safe path component; `model` for an empty name.
    /// - Complexity: `O(name.utf8.count)`.
    public static func component(for name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: ".") where !out.isEmpty:
                out.append(".")
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out.isEmpty ? "model" : out
    }

    /// `<root>/<component(for: name)>/`.
    /// - Parameters:
    ///   - root: the output root (`Output` by default in the CLI).
    ///   - name: the model's name.
    /// - Returns: the folder URL.
    public static func url(root: String, model name: String) -> URL {
        URL(fileURLWithPath: root).appendingPathComponent(component(for: name), isDirectory: true)
    }
}
