import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One bundle folder (`Output/<model>/`) replaced as a whole: the new files are written into a
/// temporary folder beside it, and the two folders are exchanged in one step, so that a kill at
/// any moment leaves either the complete old folder or the complete new one, never a mix.
///
/// The steps, in ``RunFiles/write(_:bundle:)``:
/// 1. ``prepare(_:)``, unlocked: removes stale temporaries of ecomap's own beside the folder,
///    creates `.ecomap-tmp-<pid>-<tag>-<name>/` and writes every file of the bundle into it.
/// 2. ``commit()``, under an exclusive `flock` on the parent folder (every ecomap write into
///    the folder takes the same lock): the entries of the old folder that this bundle does not
///    write — another command's outputs (`run`'s `ecosystem.svg` beside `report`'s files), the
///    user's own files and folders — are carried over into the new folder (hard links; a copy
///    where a link is refused; symbolic links recreated; folders rebuilt), then the folders are
///    exchanged with `renameat2(…, RENAME_EXCHANGE)` (Linux 3.15; `rename` when the folder is
///    new). Nothing of the user's is ever deleted: each of their files is in the new folder
///    before the old one goes.
/// 3. ``finish()``, unlocked: removes the old folder (now under the temporary name).
///
/// A kill during 1 or 2 leaves the old folder as it was plus a temporary folder; a kill during
/// 3 leaves the new folder plus the rest of the old one under the temporary name. Either is
/// removed by the next write beside it (``removeStale(in:)``, by the `.ecomap-tmp-` prefix and
/// a process id that no longer runs). On a file system without `RENAME_EXCHANGE` the swap is
/// two renames (old folder aside as `.ecomap-old-<pid>-<tag>-<name>`, new one in); a kill
/// between them is repaired by the next write, which renames the old folder back.
///
/// Not crash-proof against power loss (nothing is `fsync`ed): the guarantee is for a process
/// that is killed or fails, with the kernel still running.
struct BundleSwap {
    /// The name prefix of every temporary file and folder ecomap writes.
    static let prefix = ".ecomap-tmp-"
    /// The name prefix of an old bundle set aside where folders cannot be exchanged.
    static let asidePrefix = ".ecomap-old-"

    /// The bundle folder (symbolic links followed).
    let folder: URL
    /// The folder that holds it.
    let parent: URL
    /// The temporary folder beside it.
    let temporary: URL
    /// Where the old folder is set aside when folders cannot be exchanged.
    let aside: URL
    /// Paths inside the bundle that this write replaces.
    private(set) var written: Set<String> = []

    /// - Parameters:
    ///   - folder: the bundle folder (it need not exist).
    ///   - tag: a name part unique within this process.
    /// - Throws: ``JobError`` when the path is a file, not a folder.
    init(folder url: URL, tag: String) throws(JobError) {
        folder = URL(fileURLWithPath: RunFiles.resolved(url.path), isDirectory: true)
        parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        temporary = parent.appendingPathComponent("\(Self.prefix)\(getpid())-\(tag)-\(name)", isDirectory: true)
        aside = parent.appendingPathComponent("\(Self.asidePrefix)\(getpid())-\(tag)-\(name)", isDirectory: true)
        var info = stat()
        if lstat(folder.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR {
            throw JobError("cannot write into \(url.relativePath): it is a file, not a folder")
        }
    }

    /// The path of `target` inside the bundle folder, or `nil` when it is outside it.
    func relativePath(of target: URL) -> String? {
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        guard target.path.hasPrefix(base), target.path.count > base.count else { return nil }
        return String(target.path.dropFirst(base.count))
    }

    /// Writes the bundle's files into the temporary folder.
    /// - Parameter files: paths inside the bundle, as shown to the user, and their bytes.
    /// - Throws: ``JobError`` naming the file and the system's reason.
    mutating func prepare(_ files: [(path: String, shown: String, data: Data)]) throws(JobError) {
        Self.removeStale(in: parent)
        guard mkdir(temporary.path, 0o755) == 0 else {
            throw JobError("cannot write into \(parent.path): \(String(cString: strerror(errno)))")
        }
        for file in files {
            let url = temporary.appendingPathComponent(file.path)
            var folder = url.deletingLastPathComponent()
            var missing: [URL] = []
            while folder.path.count > temporary.path.count, !FileManager.default.fileExists(atPath: folder.path) {
                missing.append(folder)
                folder = folder.deletingLastPathComponent()
            }
            for m in missing.reversed() where mkdir(m.path, 0o755) != 0 {
                throw JobError("cannot write \(file.shown): \(String(cString: strerror(errno)))")
            }
            try RunFiles.writeFile(file.data, to: url, shown: file.shown)
            written.insert(file.path)
        }
    }

    /// Carries the old folder's other entries over and exchanges the folders (call under the lock).
    /// - Throws: ``JobError`` when an entry cannot be carried over or the folders cannot be
    ///   exchanged; the old folder is then untouched.
    func commit() throws(JobError) {
        var info = stat()
        guard lstat(folder.path, &info) == 0 else {
            guard rename(temporary.path, folder.path) == 0 else {
                throw JobError("cannot write \(folder.path): \(String(cString: strerror(errno)))")
            }
            return
        }
        RunFiles.removeStaleTemporaries(in: folder)
        try carryOver(from: folder, into: temporary, inside: "")
        if Self.exchange(temporary.path, folder.path) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            throw JobError("cannot replace \(folder.path): \(String(cString: strerror(errno)))")
        }
        guard rename(folder.path, aside.path) == 0 else {
            throw JobError("cannot replace \(folder.path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, folder.path) == 0 else {
            let reason = String(cString: strerror(errno))
            rename(aside.path, folder.path)
            throw JobError("cannot replace \(folder.path): \(reason)")
        }
        rename(aside.path, temporary.path)
    }

    /// Removes the old folder after a successful ``commit()``.
    func finish() { Self.removeTree(temporary) }

    /// Removes the temporary folder after a failure.
    func discard() { Self.removeTree(temporary) }

    /// Mirrors the entries of `old` that this bundle does not write into `new`.
    private func carryOver(from old: URL, into new: URL, inside: String) throws(JobError) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: old.path) else {
            throw JobError("cannot read \(old.path) to keep its files in the new bundle")
        }
        for name in names where !Self.isOwn(name) && name != ".ecomap.lock" {
            let path = inside + name
            if written.contains(path) { continue }
            let source = old.appendingPathComponent(name), destination = new.appendingPathComponent(name)
            var info = stat()
            if written.contains(where: { $0.hasPrefix(path + "/") }), lstat(source.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try carryOver(from: source, into: destination, inside: path + "/")
            } else {
                try Self.mirror(source, to: destination)
            }
        }
    }

    /// Recreates `source` at `destination`: a hard link of a file (a copy where links are
    /// refused), the same symbolic link, a folder rebuilt entry by entry.
    static func mirror(_ source: URL, to destination: URL) throws(JobError) {
        var info = stat()
        guard lstat(source.path, &info) == 0 else { return }   // gone meanwhile
        let failed = { () -> JobError in
            JobError("cannot keep \(source.path) in the new bundle (\(String(cString: strerror(errno)))); move it out of the folder")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if link(source.path, destination.path) == 0 { return }
            do { try FileManager.default.copyItem(at: source, to: destination) } catch { throw failed() }
        case S_IFLNK:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(source.path, &buffer, buffer.count - 1)
            guard count >= 0 else { throw failed() }
            buffer[count] = 0
            guard symlink(buffer, destination.path) == 0 else { throw failed() }
        case S_IFDIR:
            guard mkdir(destination.path, info.st_mode & 0o7777) == 0 else { throw failed() }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else { throw failed() }
            for name in names {
                try mirror(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        default:
            throw JobError("cannot keep \(source.path) in the new bundle: it is not a file, folder or link (a pipe, socket or device); move it out of the folder")
        }
    }

    // MARK: - Temporaries

    /// Whether `name` is a temporary or set-aside entry of ecomap's own.
    static func isOwn(_ name: String) -> Bool { ownerPID(name) != nil }

    /// The process id in `.ecomap-tmp-<pid>-…` or `.ecomap-old-<pid>-…`, else `nil`.
    static func ownerPID(_ name: String) -> Int32? {
        let rest: Substring
        if name.hasPrefix(prefix) { rest = name.dropFirst(prefix.count) }
        else if name.hasPrefix(asidePrefix) { rest = name.dropFirst(asidePrefix.count) }
        else { return nil }
        guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }

    /// Whether process `pid` no longer runs (and is not this one).
    static func isGone(_ pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes the entries of `folder` named `.ecomap-tmp-<pid>-…` whose process is gone.
    /// An `.ecomap-old-<pid>-<tag>-<name>` folder (an old bundle set aside by a swap that was
    /// killed halfway) is renamed back to `<name>` when `<name>` is missing, else removed.
    /// Nothing else is touched.
    static func removeStale(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let pid = ownerPID(name), isGone(pid) else { continue }
            let url = folder.appendingPathComponent(name)
            if name.hasPrefix(asidePrefix) {
                let parts = name.dropFirst(asidePrefix.count).split(separator: "-", maxSplits: 2)
                if parts.count == 3, !parts[2].isEmpty {
                    let original = folder.appendingPathComponent(String(parts[2]))
                    var info = stat()
                    if lstat(original.path, &info) != 0, rename(url.path, original.path) == 0 { continue }
                }
            }
            removeTree(url)
        }
    }

    /// Removes `url` and, for a folder, everything in it (links are removed, not followed).
    static func removeTree(_ url: URL) {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                removeTree(url.appendingPathComponent(name))
            }
            rmdir(url.path)
        } else {
            unlink(url.path)
        }
    }

    // MARK: - renameat2

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module does
    /// not declare it (it is a `_GNU_SOURCE` function).
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Exchanges the entries at `a` and `b` atomically (`RENAME_EXCHANGE`).
    /// - Returns: 0, or -1 with `errno` set (`ENOSYS` when the call is missing).
    static func exchange(_ a: String, _ b: String) -> Int32 {
        guard let renameat2 else { errno = ENOSYS; return -1 }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */)
    }
}
