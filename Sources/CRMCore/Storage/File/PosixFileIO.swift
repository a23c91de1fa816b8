#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// ``FileIO`` on the POSIX system calls. Files are created 0600 and directories 0700.
struct PosixFileIO: FileIO {
    func makeDirectory(_ path: String) throws(IOFailure) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw IOFailure(operation: "mkdir", path: path, code: errno) }
    }

    func openFile(_ path: String) throws(IOFailure) -> Int32 {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor < 0 { throw IOFailure(operation: "open", path: path, code: errno) }
        return descriptor
    }

    func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// `flock` locks belong to the open file description, not the process: a second open in the same
    /// process conflicts too, and the kernel releases the lock when the holder dies.
    func lockExclusively(_ descriptor: Int32, path: String) throws(IOFailure) -> Bool {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw IOFailure(operation: "flock", path: path, code: errno)
    }

    func size(_ descriptor: Int32, path: String) throws(IOFailure) -> Int {
        var status = stat()
        if fstat(descriptor, &status) != 0 { throw IOFailure(operation: "fstat", path: path, code: errno) }
        return Int(status.st_size)
    }

    func read(_ descriptor: Int32, count: Int, at offset: Int, path: String) throws(IOFailure) -> [UInt8] {
        do {
            // Read straight into uninitialized storage: no zero-filling of what pread overwrites anyway.
            return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                while initialized < count {
                    let result = pread(
                        descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                    if result < 0 {
                        if errno == EINTR { continue }
                        throw IOFailure(operation: "pread", path: path, code: errno)
                    }
                    if result == 0 {
                        throw IOFailure(operation: "pread (unexpected end of file)", path: path, code: EIO)
                    }
                    initialized += result
                }
            }
        } catch let failure as IOFailure {
            throw failure
        } catch {
            throw IOFailure(operation: "pread", path: path, code: EIO)
        }
    }

    func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int, path: String) throws(IOFailure) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw IOFailure(operation: "pwrite", path: path, code: errno)
            }
            done += result
        }
    }

    func sync(_ descriptor: Int32, path: String) throws(IOFailure) {
        #if canImport(Darwin)
            // On Apple systems fsync does not flush the drive's cache; F_FULLFSYNC does.
            if fcntl(descriptor, F_FULLFSYNC) == 0 { return }
            if fsync(descriptor) != 0 { throw IOFailure(operation: "fsync", path: path, code: errno) }
        #else
            if fdatasync(descriptor) != 0 { throw IOFailure(operation: "fdatasync", path: path, code: errno) }
        #endif
    }

    func truncate(_ descriptor: Int32, to size: Int, path: String) throws(IOFailure) {
        if ftruncate(descriptor, off_t(size)) != 0 { throw IOFailure(operation: "ftruncate", path: path, code: errno) }
    }

    func rename(_ source: String, to destination: String) throws(IOFailure) {
        if systemRename(source, destination) != 0 {
            throw IOFailure(operation: "rename to \(destination)", path: source, code: errno)
        }
    }

    func remove(_ path: String) throws(IOFailure) {
        if unlink(path) != 0 && errno != ENOENT { throw IOFailure(operation: "unlink", path: path, code: errno) }
    }

    func syncDirectory(_ path: String) throws(IOFailure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { throw IOFailure(operation: "open directory", path: path, code: errno) }
        defer { _ = systemClose(descriptor) }
        if fsync(descriptor) != 0 { throw IOFailure(operation: "fsync directory", path: path, code: errno) }
    }

    func list(_ directory: String) throws(IOFailure) -> [String] {
        guard let stream = opendir(directory) else {
            throw IOFailure(operation: "opendir", path: directory, code: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Darwin)
        Darwin.close(descriptor)
    #elseif canImport(Musl)
        Musl.close(descriptor)
    #else
        Glibc.close(descriptor)
    #endif
}

private func systemRename(_ source: String, _ destination: String) -> Int32 {
    #if canImport(Darwin)
        Darwin.rename(source, destination)
    #elseif canImport(Musl)
        Musl.rename(source, destination)
    #else
        Glibc.rename(source, destination)
    #endif
}
