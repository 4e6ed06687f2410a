/// Text with `{NAME}` placeholders, as in a sweep's command and output names.
///
/// `{{` stands for a literal `{`; a lone `}` is literal. Names are letters, digits, `_`, `.`,
/// `-`, starting with a letter or `_`.
struct TemplateText: Equatable, Sendable {
  enum Piece: Equatable, Sendable {
    case literal(String)
    case placeholder(String)
  }

  let text: String
  let pieces: [Piece]

  init(_ text: String) throws(SweepError) {
    self.text = text
    var pieces: [Piece] = []
    var literal = ""
    var rest = Substring(text)
    while let first = rest.first {
      rest = rest.dropFirst()
      guard first == "{" else {
        literal.append(first)
        continue
      }
      if rest.first == "{" {
        literal.append("{")
        rest = rest.dropFirst()
        continue
      }
      guard let close = rest.firstIndex(of: "}"), Self.isName(rest[..<close]) else {
        throw .invalidDefinition(
          field: "'\(text)'", problem: "'{' must start a placeholder such as {cell} or {out}; write '{{' for a literal brace")
      }
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      literal = ""
      pieces.append(.placeholder(String(rest[..<close])))
      rest = rest[rest.index(after: close)...]
    }
    if !literal.isEmpty || pieces.isEmpty { pieces.append(.literal(literal)) }
    self.pieces = pieces
  }

  var placeholders: [String] {
    pieces.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
  }

  static func isName(_ text: Substring) -> Bool {
    guard let first = text.first, first.isASCII, first.isLetter || first == "_" else { return false }
    return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
  }
}

/// One argument of a cell's command once the cell's own placeholders are filled in: what is
/// left is where the results go (`{out}`) and where the config file is (`{config}`), which
/// differ between a local run and an array task.
struct CellArgument: Equatable, Sendable {
  enum Part: Equatable, Sendable {
    case text(String)
    case out
    case config
  }

  var parts: [Part]

  /// The argument with `{out}` = `out` and `{config}` = `config`.
  func resolved(out: String, config: String) -> String {
    parts.map { part in
      switch part {
      case .text(let text): text
      case .out: out
      case .config: config
      }
    }.joined()
  }

  /// The argument as one bash word, `{out}` read from the variable `outVariable`.
  func bashWord(outVariable: String, config: String) -> String {
    var word = ""
    var literal: String?
    for part in parts {
      switch part {
      case .text(let text): literal = (literal ?? "") + text
      case .config: literal = (literal ?? "") + config
      case .out:
        if let text = literal { word += BashQuoting.quote(text) }
        literal = nil
        word += "\"$\(outVariable)\""
      }
    }
    if let text = literal { word += BashQuoting.quote(text) }
    return word
  }
}

/// Single-quoting for bash: the one quoting in which nothing but `'` is special.
enum BashQuoting {
  static func quote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
