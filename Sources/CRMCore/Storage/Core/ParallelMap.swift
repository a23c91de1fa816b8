import Dispatch

/// `(0..<count).map(transform)` computed on all cores; the results keep their order.
///
/// For pure work on independent items, such as decoding the frames of a snapshot.
package func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) throws -> T) throws -> [T] {
    var results = [Result<T, any Error>?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { slots in
        let output = ResultSlots(base: slots.baseAddress)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            output.base![index] = Result { try transform(index) }
        }
    }
    return try results.map { try $0!.get() }
}

/// The result buffer of ``parallelMap(_:_:)``; each iteration writes only its own slot, so sharing the
/// pointer across threads is safe.
private struct ResultSlots<T: Sendable>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<T, any Error>?>?
}
