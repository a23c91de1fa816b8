// A child process for the file engine's crash and lock tests.
//
//   FileEngineWorker crash-workload <directory> <compaction threshold>
//     commits transactions forever; prints "BEGIN t ops…" before and "ACK t" after each commit.
//   FileEngineWorker hold-lock <directory>
//     opens the store, prints "READY" and waits to be killed.
import CRMCore
import Foundation

/// Writes one whole line with a single write(2), so a kill never leaves half a line in the pipe.
func say(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { buffer in _ = write(1, buffer.baseAddress, buffer.count) }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    say("usage: FileEngineWorker crash-workload|hold-lock <directory> [compaction threshold]")
    exit(64)
}
let directory = arguments[2]

switch arguments[1] {
case "hold-lock":
    do {
        let engine = try await FileEngine.open(at: directory)
        say("READY \(engine.directory)")
        while true { sleep(60) }
    } catch {
        say("ERROR \(error)")
        exit(2)
    }
case "crash-workload":
    do {
        let threshold = Int(arguments[3]) ?? (64 << 20)
        let engine = try await FileEngine.open(
            at: directory, options: FileEngineOptions(compactionThreshold: threshold))
        try await engine.register([CrashWorkload.schema])
        var workload = try await CrashWorkload(resumingFrom: engine)
        while true {
            let (transaction, words) = workload.nextTransaction()
            say("BEGIN \(workload.t) \(words)")
            _ = try await engine.commit(transaction)
            workload.committed()
            say("ACK \(workload.t)")
        }
    } catch {
        say("ERROR \(error)")
        exit(2)
    }
default:
    say("unknown mode \(arguments[1])")
    exit(64)
}
