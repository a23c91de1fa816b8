extension RandomAccessCollection where Index == Int {
    /// The position of the first element for which `isPast` holds, by binary search; `endIndex` when none does.
    ///
    /// `isPast` must be false for a prefix of the collection and true for the rest, as "not below x" is for
    /// a sorted collection.
    @inline(__always)
    package func partitionPoint(where isPast: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
