
extension EcosystemDiagram {
    /// `pdf` with the 14 digits of cairo's `/CreationDate (D:YYYYMMDDHHmmSS…)` set to
    /// 19700101000000, so the same input gives the same bytes. The replacement has the same
    /// length, so the cross-reference offsets stay valid. Complexity: `O(pdf.count)`.
    static func reproduciblePDF(_ pdf: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (D:".utf8)
        let epoch = Array("19700101000000".utf8)
        var bytes = pdf
        var i = 0
        while i + key.count + epoch.count <= bytes.count {
            if bytes[i] == key[0], Array(bytes[i..<(i + key.count)]) == key {
                let start = i + key.count
                let digits = bytes[start..<(start + epoch.count)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                if digits { bytes.replaceSubrange(start..<(start + epoch.count), with: epoch) }
                i = start
            } else {
                i += 1
            }
        }
        return bytes
    }
}
