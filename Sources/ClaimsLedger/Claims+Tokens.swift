import ScalingLaw
import ResultValues

// How many visual tokens are compute-optimal as the text grows (Figure 3a), and how much
// compression that means (the abstract).
extension Claim {
  /// `fig3a.text-shift`: more text tokens make more visual tokens worth their cost.
  static let textShift: Claim = {
    /// Figure 3a's Q sweep (its registration: the paper does not publish its Q values).
    let criterion: @Sendable ([Double]) -> LawCriterion = { sweep in
      LawCriterion(
        holds: { law in
          growsAlongSweep(sweep.map { OptimalTokens(law: law, Q: $0).numeric })
        },
        quantities: { law in
          Dictionary(uniqueKeysWithValues: sweep.map { ("optimalVAtQ\(Int($0))", OptimalTokens(law: law, Q: $0).numeric) })
        },
        describe: { law in
          "V* = " + sweep.map { Format.number(OptimalTokens(law: law, Q: $0).numeric) }.joined(separator: ", ")
            + " at Q = " + sweep.map { Format.number($0) }.joined(separator: ", ")
        })
    }
    return Claim(
      id: "fig3a.text-shift",
      statement: "As the number of text tokens Q grows, the compute-optimal number of visual tokens grows.",
      location: "Figure 3a",
      paperValue: "V* grows with Q",
      check: { settings in
        "Compute-optimal V (continuous, V ∈ [1, 576]) of the primary visual-reasoning fit at Figure 3a's Q = "
          + settings.figure3a.Q.map { Format.number($0) }.joined(separator: ", ") + "."
      },
      criterion: { settings in
        "V* never decreases along the sweep, and V* at Q = \(Format.number(settings.figure3a.Q.last!)) exceeds V* at "
          + "Q = \(Format.number(settings.figure3a.Q.first!))."
      },
      evaluate: { evidence in
        criterion(evidence.settings.figure3a.Q).finding(evidence.visualReasoning) { _, robustness in
          "With T = V the optimum is β·Q/(α − β): linear in Q whenever α > β, so the shift follows from the same "
            + "fit as Figure 1. Holds in \(Format.percent(robustness.bootstrap.shareHolding)) of the bootstrap refits."
        }
      })
  }()

  /// Whether the compute-optimal V along a Q sweep never decreases (to 1e-6) and ends above its
  /// start (by 0.1 %, the optimiser's resolution): `fig3a.text-shift` and its miniature twin.
  static func growsAlongSweep(_ V: [Double]) -> Bool {
    zip(V, V.dropFirst()).allSatisfy { $1 >= $0 * (1 - 1e-6) } && V.last! > V.first! * 1.001
  }

  /// `abstract.extreme-compression`: the optimal compression is far beyond the usual 5–10×.
  static let extremeCompression: Claim = {
    /// "Far beyond 5–10×": at least twice the top of the usual range.
    let minimumCompression = 20.0
    /// At Figure 1's Q (its registration).
    let criterion: @Sendable ([Double]) -> LawCriterion = { Qs in
      let compressions: @Sendable (ScalingLaw) -> [Double] = { law in
        Qs.map { PaperSetup.uncompressedVisualTokens / OptimalTokens(law: law, Q: $0).numeric }
      }
      return LawCriterion(
        holds: { compressions($0).allSatisfy { $0 >= minimumCompression } },
        quantities: { law in
          Dictionary(uniqueKeysWithValues: zip(Qs, compressions(law)).map { ("compressionAtQ\(Int($0))", $1) })
        },
        describe: { law in
          zip(Qs, compressions(law)).map { "\(Format.number($1))× at Q = \(Format.number($0))" }
            .joined(separator: ", ")
        })
    }
    return Claim(
      id: "abstract.extreme-compression",
      statement: "Compute-optimal inference compresses visual tokens far beyond the usual 5–10×.",
      location: "Abstract",
      paperValue: "far beyond 5–10×",
      check: { settings in
        "Compression 576 / V* of the compute-optimal V of the primary visual-reasoning fit at Q = "
          + settings.figure1.Q.map { Format.number($0) }.joined(separator: " and Q = ") + "."
      },
      criterion: { _ in "576 / V* ≥ \(Format.number(minimumCompression))× at both Q (at least twice the top of the usual range)." },
      evaluate: { evidence in
        criterion(evidence.settings.figure1.Q).finding(evidence.visualReasoning) { law, robustness in
          let longQ = evidence.settings.figure3a.Q.max()!
          let longText = OptimalTokens(law: law, Q: longQ).numeric
          return "576 uncompressed CLIP ViT-L/14-336 tokens. Holds in \(Format.percent(robustness.bootstrap.shareHolding)) "
            + "of the bootstrap refits; 95 % interval of the Q = 50 compression "
            + "\(Format.interval(robustness.bootstrap.intervals["compressionAtQ50"]))×. The claim depends on "
            + "short text: at Q = \(Format.number(longQ)) the same fit gives V* = \(Format.number(longText)), "
            + "\(Format.number(PaperSetup.uncompressedVisualTokens / longText))× (see fig3a.text-shift)."
        }
      })
  }()
}
