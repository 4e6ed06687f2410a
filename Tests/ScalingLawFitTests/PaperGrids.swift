import ScalingLaw

/// The paper's two 4×7 grids (average accuracy), typed in from paper-artifacts/*.csv so these
/// tests do not depend on the results store.
enum PaperGrids {
  static let sizes: [Double] = [0.5, 1.8, 4, 7]
  static let visualTokens: [Double] = [1, 4, 16, 36, 64, 144, 576]

  static let visualReasoningAccuracy: [[Double]] = [
    [0.3855, 0.3917, 0.4078, 0.4133, 0.4151, 0.4244, 0.4320],
    [0.4333, 0.4519, 0.4528, 0.4597, 0.4609, 0.4758, 0.4808],
    [0.4630, 0.4692, 0.4858, 0.4916, 0.5023, 0.5092, 0.5185],
    [0.4810, 0.4971, 0.5050, 0.5141, 0.5172, 0.5238, 0.5354],
  ]

  static let ocrAccuracy: [[Double]] = [
    [0.09786452795, 0.1182958067, 0.1550942008, 0.1910774145, 0.1941969882, 0.221068366, 0.2608343672],
    [0.1052476426, 0.1374539054, 0.1752941354, 0.2073164965, 0.2205697757, 0.2585236455, 0.3095503029],
    [0.1268003646, 0.155895545, 0.1927482015, 0.2320252514, 0.2603975472, 0.2882145317, 0.3460536811],
    [0.1390784633, 0.1642774799, 0.205, 0.2391638418, 0.2618315143, 0.2880269247, 0.3460536811],
  ]

  static func observations(_ accuracy: [[Double]]) -> [Observation] {
    sizes.indices.flatMap { i in
      visualTokens.indices.map { j in Observation(N: sizes[i], V: visualTokens[j], accuracy: accuracy[i][j]) }
    }
  }

  static func synthetic(_ law: ScalingLaw) -> [Observation] {
    sizes.flatMap { N in visualTokens.map { V in Observation(N: N, V: V, Y: law.error(N: N, T: V)) } }
  }
}
