import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings CSV files arrive in from county offices.
public enum CSVEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    /// UTF-8 starting with a byte-order mark (Excel's "CSV UTF-8").
    case utf8WithBOM = "UTF-8 with BOM"
    /// GB18030 (a superset of GBK/GB2312): what Excel saves as "CSV" on a Chinese Windows.
    case gb18030 = "GB18030"
}

/// Decodes a CSV file as spreadsheets save it: valid UTF-8 is UTF-8 (a leading BOM is dropped),
/// anything else is decoded as GB18030; bytes that are neither give `nil`.
///
/// GB18030 goes through glibc's `iconv` on Linux (Foundation on Linux has no
/// `CFStringConvertEncodingToNSStringEncoding`), and through Foundation elsewhere.
public enum TextDecoding {
    /// The text of `data` and the encoding it was read in, or `nil` when it is neither UTF-8 nor GB18030.
    ///
    /// - Complexity: O(n) in the size of `data`.
    public static func decode(_ data: Data) -> (text: String, encoding: CSVEncoding)? {
        if let text = utf8(data) {
            // Foundation may or may not drop a BOM itself; look at the bytes.
            let hasBOM = data.starts(with: [0xEF, 0xBB, 0xBF])
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, hasBOM ? .utf8WithBOM : .utf8)
        }
        if let text = gb18030(data) { return (text, .gb18030) }
        return nil
    }

    /// `data` decoded as UTF-8 by the standard library (strict: any invalid sequence gives `nil`).
    static func utf8(_ data: Data) -> String? { String(validating: data, as: UTF8.self) }

    /// `data` decoded from GB18030, or `nil` when it is not valid GB18030.
    ///
    /// - Complexity: O(n) in the size of `data`.
    public static func gb18030(_ data: Data) -> String? {
        #if canImport(Glibc)
        guard let output = convert([UInt8](data), from: "GB18030", to: "UTF-8", capacity: data.count * 4 + 16) else {
            return nil
        }
        return String(decoding: output, as: UTF8.self)
        #else
        return String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632))
        #endif
    }

    /// `text` encoded as GB18030 (for tests and for writing files Excel opens on Chinese Windows).
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func gb18030Data(_ text: String) -> Data? {
        #if canImport(Glibc)
        let input = Array(text.utf8)
        return convert(input, from: "UTF-8", to: "GB18030", capacity: input.count * 2 + 16).map { Data($0) }
        #else
        return text.data(using: String.Encoding(rawValue: 0x8000_0632))
        #endif
    }

    #if canImport(Glibc)
    /// `bytes` converted by glibc `iconv` from one encoding to another; `nil` on any invalid or
    /// incomplete sequence. `capacity` must bound the output size.
    private static func convert(_ bytes: [UInt8], from source: String, to target: String, capacity: Int) -> [UInt8]? {
        let converter = iconv_open(target, source)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: capacity)
        var inLeft = input.count
        var outLeft = output.count
        let ok: Bool = input.withUnsafeMutableBytes { inBytes in
            output.withUnsafeMutableBytes { outBytes in
                var inPointer = inBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0
            }
        }
        guard ok else { return nil }
        return Array(output[0..<(output.count - outLeft)])
    }
    #endif
}
