import Foundation

/// The command line and the input paths as a report records them, so that a reader can run
/// the same command again from the same folder.
public enum InvocationText {
    /// The words of a command line as one line a POSIX shell reads back as the same words:
    /// a word of letters, digits and `@%+=:,./_-` as it is, any other word in single quotes
    /// (a `'` in it written `'\''`; the empty word as `''`).
    /// - Parameter words: the program and its arguments.
    /// - Returns: the words joined by spaces.
    /// - Complexity: linear in the total length.
    public static func shellLine(_ words: [String]) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-")
        return words.map { word in
            if !word.isEmpty, word.allSatisfy(plain.contains) { return word }
            return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// `path` relative to the folder `base`: `Datasets/zoetermeer/model.yaml` for that file
    /// under `base`, `../other/m.yaml` for one beside it; the absolute path when the two share
    /// no folder but the root. `.` and `..` are resolved by name (symbolic links are not
    /// followed), so the result names the same file from `base`.
    /// - Parameters:
    ///   - path: a path as given (absolute, or relative to `base`).
    ///   - base: an absolute folder path (the working directory).
    /// - Returns: the relative path (or the absolute path, as described).
    /// - Complexity: linear in the lengths of the paths.
    public static func relativePath(_ path: String, to base: String) -> String {
        func components(_ p: String) -> [String] {
            var out: [String] = []
            for part in p.split(separator: "/", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == ".." { if !out.isEmpty { out.removeLast() }; continue }
                out.append(String(part))
            }
            return out
        }
        let target = components(path.hasPrefix("/") ? path : base + "/" + path)
        let folder = components(base)
        var common = 0
        while common < min(target.count, folder.count), target[common] == folder[common] { common += 1 }
        if common == 0 && !folder.isEmpty { return "/" + target.joined(separator: "/") }
        let up = Array(repeating: "..", count: folder.count - common)
        let relative = (up + target[common...]).joined(separator: "/")
        return relative.isEmpty ? "." : relative
    }
}
