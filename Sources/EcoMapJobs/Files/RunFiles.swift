import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files one run reads and writes: every input is recorded when it is opened, and no
/// output may replace one of them.
///
/// Inputs are recognised by **file identity** (device and inode, as `stat(2)` gives them), so
/// a second path to the same file — `./m.yaml`, `../x/m.yaml`, a symbolic link, a hard
/// link — is refused like the first; the resolved path is kept too, for files that do not
/// exist yet. Outputs are written atomically: into a temporary file in the target's folder,
/// then renamed over the target, so a reader never sees half a file and an old file survives
/// a failure.
///
/// One value per run, passed to every job of that run (there is no process-wide record).
/// Thread-safe: jobs may record inputs from several threads.
public final class RunFiles: @unchecked Sendable {
    struct Identity: Hashable { let device: UInt64; let inode: UInt64 }

    private let lock = NSLock()
    private var identities = Set<Identity>()
    private var paths = Set<String>()
    private var order: [String] = []
    private var temporaryCount = 0

    /// An empty record.
    public init() {}

    /// The inputs recorded so far, as given, in the order they were recorded.
    public var inputs: [String] {
        lock.lock(); defer { lock.unlock() }
        return order
    }

    /// Checks that `path` names an existing regular file, records it as an input and returns
    /// its URL (standardized, so a model named by a relative path keeps its folder's name).
    ///
    /// - Parameters:
    ///   - path: the path as the user gave it.
    ///   - what: the kind of file, for the error ("model", "rules file", …).
    /// - Returns: the file's URL.
    /// - Throws: ``JobError`` when nothing is there, or when it is a folder or not a regular
    ///   file (a device, a pipe), naming the path.
    public func input(_ path: String, what: String) throws(JobError) -> URL {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw JobError("no such \(what): \(path)")
        }
        guard !isDirectory.boolValue else { throw JobError("\(path) is a folder; expected a \(what) file") }
        if let kind = Self.nonRegularKind(path) {
            throw JobError("\(path) is \(kind), not a \(what) file")
        }
        record(path)
        return URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Records `path` as an input of this run (whether or not it exists yet).
    /// - Parameter path: any path to the file.
    public func record(_ path: String) {
        let resolved = Self.resolved(path)
        let identity = Self.identity(of: path)
        lock.lock(); defer { lock.unlock() }
        if paths.insert(resolved).inserted { order.append(path) }
        if let identity { identities.insert(identity) }
    }

    /// Whether writing `path` would replace an input: the same file (by identity) or the same
    /// resolved path.
    /// - Parameter path: a path to a possible output.
    /// - Returns: `true` when it is one of the recorded inputs.
    public func isInput(_ path: String) -> Bool {
        let resolved = Self.resolved(path)
        let identity = Self.identity(of: resolved)
        lock.lock(); defer { lock.unlock() }
        if paths.contains(resolved) { return true }
        if let identity, identities.contains(identity) { return true }
        return false
    }

    /// The file that writing to `url` would replace (symbolic links followed), after the
    /// checks of ``write(_:to:)``.
    ///
    /// - Parameter url: the output as the user named it.
    /// - Returns: the resolved target.
    /// - Throws: ``JobError`` when the target is an input of this run, a folder, or not a
    ///   regular file (a device such as `/dev/null`, a FIFO: a rename would replace it), or
    ///   when a parent of it is a file.
    @discardableResult
    public func checkOutput(_ url: URL) throws(JobError) -> URL {
        let target = URL(fileURLWithPath: Self.resolved(url.path))
        let shown = url.relativePath
        if isInput(target.path) {
            throw JobError("refusing to write \(shown): it is an input of this run (inputs are never modified)")
        }
        if let type = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
           type != .typeRegular {
            let kind = type == .typeDirectory ? "a folder" : "not a regular file (a device, a pipe or a socket)"
            throw JobError("refusing to write \(shown): it is \(kind); give a file path")
        }
        var parent = target.deletingLastPathComponent()
        while parent.path != "/" && !parent.path.isEmpty {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory) {
                if !isDirectory.boolValue {
                    throw JobError("cannot write \(shown): \(parent.path) is a file, not a folder")
                }
                break
            }
            parent = parent.deletingLastPathComponent()
        }
        return target
    }

    /// Writes `data` to `url` atomically, after ``checkOutput(_:)``; creates missing folders.
    /// - Parameters:
    ///   - data: the bytes.
    ///   - url: the output.
    /// - Throws: ``JobError`` from the checks, or naming the file and the system's reason
    ///   (permission denied, no space left) when the write fails; the old file is then intact,
    ///   and folders this write created are removed again.
    public func write(_ data: Data, to url: URL) throws(JobError) {
        try write([(url: url, data: data)], bundle: nil)
    }

    /// Writes several files together: every target is checked before the first byte is
    /// written, every file is written in full to a temporary file next to its target, and
    /// only then are they renamed into place, one after the other, under an exclusive lock
    /// (`flock`) on the folder that holds each target folder, so two runs writing into one
    /// folder never interleave their renames. Each file is replaced atomically; for a set of
    /// files that must appear all old or all new, give a `bundle` folder.
    ///
    /// - Parameters:
    ///   - files: the outputs and their bytes, renamed in this order.
    ///   - bundle: a folder whose files are swapped in as a whole (see ``BundleSwap``): the
    ///     outputs inside it are written into a temporary folder beside it, the files of the
    ///     old folder that this write does not replace are carried over (hard links), and the
    ///     two folders are exchanged with one `renameat2(RENAME_EXCHANGE)`; a kill at any
    ///     moment leaves the complete old folder or the complete new one. `nil`: files only.
    ///
    /// Temporary files and folders are named `.ecomap-tmp-<pid>-<tag>-<name>`; any such entry
    /// left by a process that no longer runs (killed mid-write) is removed by the next write
    /// beside it. When the write fails, the temporaries and the folders this write created
    /// are removed, and the old files are intact.
    /// - Throws: as ``write(_:to:)``, and ``JobError`` when two outputs are the same file or
    ///   a file in the old bundle folder cannot be carried over.
    public func write(_ files: [(url: URL, data: Data)], bundle: URL? = nil) throws(JobError) {
        let targets = try files.map { file throws(JobError) in (shown: file.url.relativePath, target: try checkOutput(file.url), data: file.data) }
        var seen: [String: String] = [:]
        for item in targets {
            if let first = seen[item.target.path] {
                throw JobError("two outputs of this run name the same file: \(first) and \(item.shown)")
            }
            seen[item.target.path] = item.shown
        }
        var swap = try bundle.map { folder throws(JobError) in try BundleSwap(folder: folder, tag: nextTemporaryTag()) }
        let loose = targets.filter { swap?.relativePath(of: $0.target) == nil }
        var created: [URL] = []
        var temporaries: [(temporary: URL, target: URL, shown: String)] = []
        var locks: [Int32] = []
        defer { for descriptor in locks { flock(descriptor, LOCK_UN); close(descriptor) } }
        do throws(JobError) {
            if let bundleSwap = swap {
                created += try Self.createFolders(bundleSwap.parent)
                try swap!.prepare(targets.compactMap { item in bundleSwap.relativePath(of: item.target).map { ($0, item.shown, item.data) } })
            }
            for item in loose {
                let folder = item.target.deletingLastPathComponent()
                created += try Self.createFolders(folder)
                Self.removeStaleTemporaries(in: folder)
                let temporary = folder.appendingPathComponent("\(BundleSwap.prefix)\(getpid())-\(nextTemporaryTag())-\(item.target.lastPathComponent)")
                temporaries.append((temporary, item.target, item.shown))
                try Self.writeFile(item.data, to: temporary, shown: item.shown)
            }
            // The renames happen under a lock on the folder above each target folder (the
            // bundle's parent for the bundle), taken in a fixed order.
            var lockFolders = Set(loose.map { $0.target.deletingLastPathComponent().deletingLastPathComponent().path })
            if let swap { lockFolders.insert(swap.parent.path) }
            for folder in lockFolders.sorted() {
                let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }   // an unreadable folder: renames still atomic per file
                flock(descriptor, LOCK_EX)
                locks.append(descriptor)
            }
            try swap?.commit()
            for t in temporaries {
                guard rename(t.temporary.path, t.target.path) == 0 else {
                    throw JobError("cannot write \(t.shown): \(String(cString: strerror(errno)))")
                }
            }
            temporaries.removeAll()
        } catch {
            for t in temporaries { unlink(t.temporary.path) }
            swap?.discard()
            for folder in created.reversed() { rmdir(folder.path) }
            throw error
        }
        for descriptor in locks { flock(descriptor, LOCK_UN); close(descriptor) }
        locks.removeAll()
        swap?.finish()
    }

    /// Writes `data` to a new file at `url` with plain `open`/`write` (Foundation's
    /// `createFile` writes through a temporary `.dat.nosync…` file of its own, which a kill
    /// would leave behind).
    static func writeFile(_ data: Data, to url: URL, shown: String) throws(JobError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw JobError("cannot write \(shown): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw JobError("cannot write \(shown): \(String(cString: strerror(failure)))") }
    }

    /// Creates `folder` and its missing parents.
    /// - Returns: the folders created, outermost first.
    static func createFolders(_ folder: URL) throws(JobError) -> [URL] {
        var missing: [URL] = []
        var current = folder
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        for url in missing.reversed() {
            guard mkdir(url.path, 0o755) == 0 || errno == EEXIST else {
                throw JobError("cannot create the folder \(url.path): \(String(cString: strerror(errno)))")
            }
        }
        return missing.reversed()
    }

    /// Removes the temporary files and folders of ecomap's own in `folder` whose process is
    /// gone: `.ecomap-tmp-<pid>-…` (see ``BundleSwap/removeStale(in:)``), and
    /// `.<name>.ecomap-<pid>-<n>.tmp` files of earlier versions.
    static func removeStaleTemporaries(in folder: URL) {
        BundleSwap.removeStale(in: folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let marker = name.range(of: ".ecomap-", options: .backwards) else { continue }
            let rest = name[marker.upperBound...].dropLast(4)
            guard let dash = rest.firstIndex(of: "-"), let pid = Int32(rest[..<dash]), pid > 0 else { continue }
            if BundleSwap.isGone(pid) {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    /// A name part no other temporary file of this process has: this record's address and a
    /// count of its writes.
    func nextTemporaryTag() -> String {
        lock.lock(); defer { lock.unlock() }
        temporaryCount += 1
        return "\(UInt(bitPattern: ObjectIdentifier(self).hashValue))x\(temporaryCount)"
    }

    // MARK: - Paths

    /// `path` absolute, standardized, symbolic links followed.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Device and inode of the file at `path` (links followed), or `nil` when there is none.
    static func identity(of path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// What the file at `path` is when it is not a regular file ("a FIFO", "a device"), else `nil`.
    static func nonRegularKind(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// A short human reason for a Foundation file error (the POSIX message where there is one).
    public static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        switch ns.code {
        case NSFileWriteNoPermissionError: return "permission denied"
        case NSFileWriteOutOfSpaceError: return "no space left on the device"
        case NSFileWriteVolumeReadOnlyError: return "read-only file system"
        case NSFileNoSuchFileError, NSFileWriteInvalidFileNameError: return "no such folder, or an invalid name"
        case NSFileWriteFileExistsError: return "a file is in the way of a folder on that path"
        default: return ns.localizedDescription == "(null)" ? "error \(ns.domain) \(ns.code)" : ns.localizedDescription
        }
    }
}
