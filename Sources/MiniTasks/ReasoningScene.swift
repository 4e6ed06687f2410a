import SeededRandom

/// One object of a reasoning scene: a colour, a shape and a square bounding box in pixels.
///
/// Geometry is exact integer arithmetic on *doubled* coordinates (a pixel's centre is
/// `(2x + 1, 2y + 1)`), so rendering, patch labels and answers agree to the pixel and ties in
/// distance are detected exactly.
public struct SceneObject: Hashable, Sendable, Codable {
  public var colour: ObjectColour
  public var shape: ObjectShape
  /// Column of the bounding box's left edge, in pixels.
  public var left: Int
  /// Row of the bounding box's top edge, in pixels.
  public var top: Int
  /// Side of the bounding box, in pixels.
  public var side: Int

  public init(colour: ObjectColour, shape: ObjectShape, left: Int, top: Int, side: Int) {
    self.colour = colour
    self.shape = shape
    self.left = left
    self.top = top
    self.side = side
  }

  /// Twice the centre's x coordinate.
  public var doubledCentreX: Int { 2 * left + side }
  /// Twice the centre's y coordinate.
  public var doubledCentreY: Int { 2 * top + side }

  /// Whether the point with doubled coordinates `(x2, y2)` lies inside the shape: a square fills
  /// its box, a circle is inscribed in it, a triangle has its apex at the top centre and its base
  /// on the bottom edge.
  public func contains(doubledX x2: Int, doubledY y2: Int) -> Bool {
    guard x2 >= 2 * left, x2 < 2 * (left + side), y2 >= 2 * top, y2 < 2 * (top + side) else { return false }
    let dx = x2 - doubledCentreX
    let dy = y2 - doubledCentreY
    switch shape {
    case .square: return true
    case .circle: return dx * dx + dy * dy <= side * side
    case .triangle: return 2 * abs(dx) <= y2 - 2 * top
    }
  }

  /// Squared distance between the centres, in doubled coordinates (4 × the squared pixel distance).
  func doubledSquaredDistance(to other: SceneObject) -> Int {
    let dx = doubledCentreX - other.doubledCentreX
    let dy = doubledCentreY - other.doubledCentreY
    return dx * dx + dy * dy
  }
}

/// A reasoning scene: a few non-overlapping objects of distinct colours on a white background.
///
/// Generated scenes are unambiguous by construction: no centre lies within a pixel of the
/// image's vertical or horizontal midline (so left/right and top/bottom are clear), and for every
/// object the closest and the furthest other object are unique.
public struct ReasoningScene: Hashable, Sendable, Codable {
  public var objects: [SceneObject]

  public init(objects: [SceneObject]) {
    self.objects = objects
  }

  /// The object of `colour`, if the scene has one.
  public func object(_ colour: ObjectColour) -> SceneObject? {
    objects.first { $0.colour == colour }
  }

  /// A uniformly random scene under `parameters`, redrawn until it is unambiguous.
  public static func random(_ parameters: ReasoningParameters, using rng: inout SplitMix64) -> ReasoningScene {
    while true {
      if let scene = attempt(parameters, using: &rng), scene.isUnambiguous { return scene }
    }
  }

  private static func attempt(_ parameters: ReasoningParameters, using rng: inout SplitMix64) -> ReasoningScene? {
    let count = rng.nextInt(in: parameters.objectCount)
    let colours = rng.shuffle(ObjectColour.allCases).prefix(count)
    var objects: [SceneObject] = []
    for colour in colours {
      let side = rng.nextInt(in: parameters.objectSidePixels)
      let shape = rng.pick(parameters.shapes)
      var placed = false
      for _ in 0..<50 {
        let candidate = SceneObject(
          colour: colour, shape: shape, left: rng.nextInt(in: 0...(MiniTasks.imageSide - side)),
          top: rng.nextInt(in: 0...(MiniTasks.imageSide - side)), side: side)
        if objects.allSatisfy({ !candidate.boxesTouch($0, gap: parameters.gapPixels) }) {
          objects.append(candidate)
          placed = true
          break
        }
      }
      if !placed { return nil }
    }
    return ReasoningScene(objects: objects)
  }

  var isUnambiguous: Bool {
    let middle = MiniTasks.imageSide  // the midline, doubled
    for object in objects where abs(object.doubledCentreX - middle) < 2 || abs(object.doubledCentreY - middle) < 2 {
      return false
    }
    for object in objects {
      let distances = objects.filter { $0 != object }.map { $0.doubledSquaredDistance(to: object) }.sorted()
      if distances.count > 1, distances[0] == distances[1] || distances[distances.count - 1] == distances[distances.count - 2] {
        return false
      }
    }
    return true
  }
}

extension SceneObject {
  /// Whether the bounding boxes come closer than `gap` empty pixels.
  func boxesTouch(_ other: SceneObject, gap: Int) -> Bool {
    left < other.left + other.side + gap && other.left < left + side + gap
      && top < other.top + other.side + gap && other.top < top + side + gap
  }
}
