/// The design knobs of the reasoning family; ``default`` is the current version's setting.
///
/// The replication tunes these so that error spans roughly 5–60 % across LM sizes and visual
/// token counts. The knobs act on composition, not on perception: more objects make relations
/// and counts harder, a third shape lowers the chance level, noise is there only to stop a vision
/// tower from memorising exact pixels.
public struct ReasoningParameters: Hashable, Sendable, Codable {
  /// Objects per scene, drawn uniformly from this range (2…6: every object has its own colour).
  public var objectCount: ClosedRange<Int>
  /// Shapes in use: 2 (square, circle) or 3 (and triangle).
  public var shapeCount: Int
  /// Side of an object's bounding box in pixels, drawn uniformly from this range (6…12).
  public var objectSidePixels: ClosedRange<Int>
  /// Minimum empty pixels between two objects' bounding boxes (1…4).
  public var gapPixels: Int
  /// Each channel of each pixel gets uniform noise in `-noise…noise` (0…64).
  public var noise: Int
  /// Questions per image (1…40); their types go round-robin over all images.
  public var questionsPerImage: Int

  public init(
    objectCount: ClosedRange<Int>, shapeCount: Int, objectSidePixels: ClosedRange<Int>, gapPixels: Int, noise: Int,
    questionsPerImage: Int
  ) {
    self.objectCount = objectCount
    self.shapeCount = shapeCount
    self.objectSidePixels = objectSidePixels
    self.gapPixels = gapPixels
    self.noise = noise
    self.questionsPerImage = questionsPerImage
  }

  /// Generator version 2: 2–4 objects of 10–12 pixels, three shapes, no noise, 10 questions.
  ///
  /// Why not version 1's 4–6 objects of 8–10 pixels: no model of the grid learned anything from
  /// them within a cell's budget (every smoke cell sat at the majority baseline, 37–38 %). With
  /// fewer, larger objects a d32l2 model on 16 average-pooled tokens gets to 63 % (majority
  /// 40 %) in 200,000 examples, relations and counts included (docs/miniature-vlm.md §1.2).
  public static let `default` = ReasoningParameters(
    objectCount: 2...4, shapeCount: 3, objectSidePixels: 10...12, gapPixels: 2, noise: 0, questionsPerImage: 10)

  /// Patch classes: background, then one class per (colour, shape).
  public var patchLabelClasses: Int { 1 + ObjectColour.allCases.count * shapeCount }

  /// The shapes in use.
  public var shapes: ArraySlice<ObjectShape> { ObjectShape.allCases.prefix(shapeCount) }

  /// Checks every knob against its documented range.
  public func validate() throws(MiniTasksError) {
    try MiniTasksError.check("objectCount", objectCount, within: 2...ObjectColour.allCases.count)
    try MiniTasksError.check("shapeCount", shapeCount, within: 2...ObjectShape.allCases.count)
    try MiniTasksError.check("objectSidePixels", objectSidePixels, within: 6...12)
    try MiniTasksError.check("gapPixels", gapPixels, within: 1...4)
    try MiniTasksError.check("noise", noise, within: 0...64)
    try MiniTasksError.check("questionsPerImage", questionsPerImage, within: 1...40)
  }

  enum CodingKeys: String, CodingKey {
    case objectCount = "object_count"
    case shapeCount = "shape_count"
    case objectSidePixels = "object_side_pixels"
    case gapPixels = "gap_pixels"
    case noise
    case questionsPerImage = "questions_per_image"
  }
}

/// The six object colours, as in Sort-of-CLEVR; every object of a scene has its own.
public enum ObjectColour: String, CaseIterable, Codable, Sendable {
  case red, green, blue, orange, gray, yellow

  /// The colour's pixel value (red, green, blue), chosen to stay apart from each other and from
  /// the white background.
  public var rgb: (UInt8, UInt8, UInt8) {
    switch self {
    case .red: (220, 30, 30)
    case .green: (30, 150, 40)
    case .blue: (30, 70, 220)
    case .orange: (245, 140, 0)
    case .gray: (120, 120, 120)
    case .yellow: (225, 200, 0)
    }
  }

  /// Index in ``allCases``.
  public var rawIndex: Int { Self.allCases.firstIndex(of: self)! }
}

/// Object shapes; the first ``ReasoningParameters/shapeCount`` are in use.
public enum ObjectShape: String, CaseIterable, Codable, Sendable {
  case square, circle, triangle

  /// Index in ``allCases``.
  public var rawIndex: Int { Self.allCases.firstIndex(of: self)! }
}
