/// How far a name is from another, for "did you mean" and "the nearest known": the edit distance that
/// counts a swap of neighbours as one edit (optimal string alignment), over Characters. Written once here,
/// below every stage that suggests a name.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}

/// The `count` names among `names` nearest to `word`, nearest first and equally near ones in name order,
/// for "the nearest known" in a finding.
package func nearest(_ count: Int, to word: String, among names: some Sequence<String>) -> [String] {
    names.map { (name: $0, distance: editDistance(word, $0)) }
        .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
        .prefix(count).map(\.name)
}
