import CLibCrypto

/// SHA-256, for content hashes of documents, ingest keys and checksums of migrations.
///
/// Computed by OpenSSL's libcrypto (the library libpq itself links): it uses the CPU's SHA
/// instructions where there are some, about ten times the speed of a portable implementation,
/// which matters when an unchanged re-ingest of a crawl is mostly hashing its files.
public enum SHA256 {
    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for b in digest(bytes) {
            text.append(digits[Int(b >> 4)])
            text.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if let digest = bytes.withContiguousStorageIfAvailable(digest(buffer:)) { return digest }
        return Array(bytes).withUnsafeBufferPointer(digest(buffer:))
    }

    private static func digest(buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 0
        let ok = digest.withUnsafeMutableBufferPointer { out in
            // A null pointer with length 0 is fine for OpenSSL; an empty buffer may have one.
            EVP_Digest(buffer.baseAddress, buffer.count, out.baseAddress, &size, EVP_sha256(), nil)
        }
        // Fails only when the library cannot allocate a context: nothing sensible to go on with.
        precondition(ok == 1 && size == 32, "OpenSSL's SHA-256 failed")
        return digest
    }
}
