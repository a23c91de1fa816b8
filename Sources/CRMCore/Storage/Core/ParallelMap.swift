import Dispatch

/// `(0..<count).map(transform)` computed on all cores; the results keep their order.
///
/// For pure work on independent items, such as decoding the frames of a snapshot.
package func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
    try parallelArray(count, parts: count) { index in Result { try transform(index) } }.map { try $0.get() }
}

/// `(0..<count).map(element)` built in place on `parts` threads, each filling one contiguous stretch.
///
/// For pure work on many independent items whose results are large: no element is copied after it is made.
package func parallelArray<T>(_ count: Int, parts: Int, _ element: @Sendable (Int) -> T) -> [T] {
    guard parts > 1, count >= parts else { return (0..<count).map(element) }
    return parallelRows(count, width: 1, parts: parts) { index, slot in slot.initialize(repeating: element(index)) }
}

/// `count` rows of `width` elements each, in one row-major array, built in place on `parts` threads, each
/// filling one contiguous stretch of rows. `fill` receives a row's number and its `width` uninitialized
/// slots, and must initialize them all.
package func parallelRows<T>(
    _ count: Int, width: Int, parts: Int, _ fill: @Sendable (Int, UnsafeMutableBufferPointer<T>) -> Void
) -> [T] {
    guard count > 0, width > 0 else { return [] }
    let stretch = (count + parts - 1) / max(parts, 1)
    return [T](unsafeUninitializedCapacity: count * width) { buffer, initialized in
        let output = UninitializedSlots(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for row in (part * stretch)..<min((part + 1) * stretch, count) {
                fill(row, UnsafeMutableBufferPointer(start: output.base + row * width, count: width))
            }
        }
        initialized = count * width
    }
}

/// The buffer of ``parallelRows(_:width:parts:_:)``; each part initializes only its own stretch, so sharing the
/// pointer across threads is safe.
private struct UninitializedSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
