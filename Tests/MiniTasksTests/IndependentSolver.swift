import MiniTasks

/// A second, separately written implementation of every question type, working from the scene
/// description and the question's token *strings* only (never the generator's ids or answer code).
///
/// Geometry is done in `Double` on pixel centres, not in the generator's doubled integers, and
/// questions are parsed from text, so a bug in the generator's answer code, its id arithmetic or
/// its vocabulary order makes these disagree.
enum IndependentSolver {
  /// The answer to `words` (e.g. `["shape", "closest", "red", "?"]`) about `scene`, as a token string.
  static func answer(_ words: [String], scene: ReasoningScene) -> String? {
    guard words.count == 4, words[3] == "?" else { return nil }
    func centre(_ o: SceneObject) -> (x: Double, y: Double) {
      (Double(o.left) + Double(o.side) / 2, Double(o.top) + Double(o.side) / 2)
    }
    func distance(_ a: SceneObject, _ b: SceneObject) -> Double {
      let (p, q) = (centre(a), centre(b))
      return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
    }
    let byColour = Dictionary(uniqueKeysWithValues: scene.objects.map { ($0.colour.rawValue, $0) })
    switch (words[0], words[1]) {
    case ("count", "of"):
      return String(scene.objects.filter { $0.shape.rawValue == words[2] }.count)
    default: break
    }
    guard let reference = byColour[words[2]] else { return nil }
    let others = scene.objects.filter { $0.colour != reference.colour }
    switch (words[0], words[1]) {
    case ("shape", "of"): return reference.shape.rawValue
    case ("side", "of"): return centre(reference).x < 24 ? "left" : "right"
    case ("level", "of"): return centre(reference).y < 24 ? "top" : "bottom"
    case ("shape", "closest"):
      let sorted = others.sorted { distance($0, reference) < distance($1, reference) }
      guard sorted.count == 1 || distance(sorted[0], reference) < distance(sorted[1], reference) else { return nil }
      return sorted[0].shape.rawValue
    case ("colour", "furthest"):
      let sorted = others.sorted { distance($0, reference) > distance($1, reference) }
      guard sorted.count == 1 || distance(sorted[0], reference) > distance(sorted[1], reference) else { return nil }
      return sorted[0].colour.rawValue
    case ("count", "same-shape"):
      return String(others.filter { $0.shape == reference.shape }.count)
    default: return nil
    }
  }

  /// The answer to `words` (e.g. `["count", "row3", "'B'", "?"]`) about `grid`, as a token string.
  static func answer(_ words: [String], grid: GlyphGrid) -> String? {
    let name = { (glyph: Int) in "'\(Array("0123456789ABCDEF")[glyph])'" }
    let inked = grid.cells.filter { $0.glyph != nil }
    switch (words.first, words.dropFirst().first) {
    case ("glyph", "of"):  // the one glyph whose cell has the named highlight
      let matches = inked.filter { $0.highlight?.rawValue == words[2] }
      return matches.count == 1 ? matches[0].glyph.map(name) : nil
    case ("colour", "of"):  // the highlight of the one cell holding the named glyph
      let matches = inked.filter { $0.glyph.map(name) == words[2] }
      return matches.count == 1 ? matches[0].highlight?.rawValue : nil
    default: break
    }
    guard words.count == 4, words[3] == "?", words[1].hasPrefix("row"), let row = Int(words[1].dropFirst(3)) else {
      return nil
    }
    let characters = (0..<grid.side).map { column in
      grid.cells[(row - 1) * grid.side + column].glyph.map { "'\(Array("0123456789ABCDEF")[$0])'" }
    }
    switch words[0] {
    case "glyph":
      guard words[2].hasPrefix("col"), let column = Int(words[2].dropFirst(3)) else { return nil }
      return characters[column - 1]
    case "count":
      return String(characters.filter { $0 == words[2] }.count)
    case "column":
      let columns = characters.indices.filter { characters[$0] == words[2] }
      return columns.count == 1 ? "col\(columns[0] + 1)" : nil
    default:
      return nil
    }
  }
}
