// Stage timings for the extraction pipeline, without touching Sources/: scripts/bench-extract
// compiles this file together with Sources/Ingest/*.swift into one module (swiftc -O -wmo), so it
// can call TextDecoding, TextPipeline and Extractor directly.
//
//   ptt-stages FILE-LIST
//
// FILE-LIST has one path per line. Prints MB/s for: reading the files; decoding only;
// decoding + HTML stripping + normalization + cleaning + document facts (TextPipeline.prepare);
// and the whole prepare + extract, plus the number of commitments.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments
guard args.count == 2, let list = try? String(contentsOfFile: args[1], encoding: .utf8) else {
    FileHandle.standardError.write("usage: ptt-stages FILE-LIST\n".data(using: .utf8)!)
    exit(2)
}
let files = list.split(separator: "\n").map(String.init)

var t0 = now()
var contents: [[UInt8]] = []
contents.reserveCapacity(files.count)
var bytes = 0
for f in files {
    let b = (try? SourceFiles.read(f)) ?? []
    bytes += b.count
    contents.append(b)
}
let tRead = now() - t0
let mb = Double(bytes) / 1e6

t0 = now()
var scalars = 0
for (k, b) in contents.enumerated() {
    if let r = try? TextDecoding.decode(b, source: files[k]) { scalars += r.scalars.count }
}
let tDecode = now() - t0

let pipeline = TextPipeline()
t0 = now()
var documents: [Document] = []
documents.reserveCapacity(files.count)
var failed = 0
for (k, b) in contents.enumerated() {
    do { documents.append(try pipeline.prepare(bytes: b, source: files[k])) } catch { failed += 1 }
}
let tPrepare = now() - t0

let extractor = Extractor()
t0 = now()
var commitments = 0
for d in documents { commitments += extractor.extract(from: d).count }
let tExtract = now() - t0

func line(_ name: String, _ t: Double) -> String {
    name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: "%8.2f s %9.2f MB/s", t, mb / t)
}
print(String(format: "corpus: %.1f MB, %d files, %d scalars decoded, %d failed in prepare", mb, files.count, scalars, failed))
print(line("read files", tRead))
print(line("decode only (TextDecoding)", tDecode))
print(line("decode+HTML+normalize+clean+facts (prepare)", tPrepare))
print(line("extract only (Extractor, on prepared docs)", tExtract))
print(line("prepare + extract", tPrepare + tExtract))
print("commitments: \(commitments)")
