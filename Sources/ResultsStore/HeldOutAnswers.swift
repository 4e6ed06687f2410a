import GRDB
import HexDigest

/// Which questions of a held-out set one trained model answered correctly, one bit per question.
///
/// Why the store keeps them and not only the accuracy: a fit's bootstrap can then resample the
/// held-out questions and the seeds behind each cell, the noise of the measurement itself, and
/// not only the grid's cells (`HeldOutResampling` draws all three). Question `i` is bit `i % 8`
/// of byte `i / 8`; the text form is those bytes in lowercase hex, as seed files and the database
/// hold it.
public struct CorrectAnswers: Hashable, Sendable {
  /// How many questions the held-out set has.
  public let questions: Int
  /// The bits, `(questions + 7) / 8` bytes; the bits past `questions` are zero.
  public let bytes: [UInt8]

  /// The most questions a held-out set may have (a million: far past the 4,000 of the miniature
  /// families, and a hex field of 250 kB).
  public static let questionRange = 1...1_000_000

  public init(_ correct: [Bool]) {
    questions = correct.count
    var bytes = [UInt8](repeating: 0, count: (correct.count + 7) / 8)
    for (i, isCorrect) in correct.enumerated() where isCorrect { bytes[i / 8] |= 1 << UInt8(i % 8) }
    self.bytes = bytes
  }

  /// Parses the hex text of `questions` answers; `nil` with the reason when it is not exactly that.
  public static func parse(hex: String, questions: Int) -> Result<CorrectAnswers, Problem> {
    guard questionRange.contains(questions) else { return .failure(Problem("questions must be in 1…\(questionRange.upperBound), got \(questions)")) }
    let expected = 2 * ((questions + 7) / 8)
    guard hex.utf8.count == expected else {
      return .failure(Problem("\(hex.utf8.count) hex digits for \(questions) questions (expected \(expected))"))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(expected / 2)
    var high: UInt8?
    for character in hex.utf8 {
      let nibble: UInt8
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
      default: return .failure(Problem("not lowercase hex: \(Character(Unicode.Scalar(character)))"))
      }
      if let first = high {
        bytes.append(first << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    let spare = bytes.count * 8 - questions
    if spare > 0, bytes[bytes.count - 1] >> UInt8(8 - spare) != 0 {
      return .failure(Problem("bits set past question \(questions)"))
    }
    return .success(CorrectAnswers(questions: questions, bytes: bytes))
  }

  private init(questions: Int, bytes: [UInt8]) {
    self.questions = questions
    self.bytes = bytes
  }

  /// Whether question `i` was answered correctly.
  public subscript(i: Int) -> Bool { bytes[i / 8] >> UInt8(i % 8) & 1 == 1 }

  /// How many questions were answered correctly.
  public var correctCount: Int { bytes.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// The share answered correctly, as the engine's evaluation reports it.
  public var accuracy: Double { Double(correctCount) / Double(questions) }

  /// The lowercase hex text of ``bytes``, spelt as every digest of the package is.
  public var hex: String { SHA256Hex.hex(bytes) }

  /// Why a text is not a set of answers.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }
}

/// One result's held-out answers: the configuration, and one ``CorrectAnswers`` per training
/// seed in the order the result's seeds were averaged.
public struct HeldOutAnswers: Hashable, Sendable {
  /// LLM parameters, in billions.
  public var N: Double
  public var V: Int
  public var method: String
  public var seeds: [CorrectAnswers]

  public init(N: Double, V: Int, method: String, seeds: [CorrectAnswers]) {
    (self.N, self.V, self.method, self.seeds) = (N, V, method, seeds)
  }
}

/// A row of ``DataSelection/heldOutAnswers(suite:)``: one seed's answers of one result.
struct HeldOutAnswersRow: Decodable, FetchableRecord {
  var N: Double
  var V: Int
  var method: String
  var seedIndex: Int
  var questions: Int
  var correct: String
}
