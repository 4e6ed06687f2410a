extension LockEntry {
  /// Why outputs recorded by this entry no longer match what the target would make now: every
  /// input fingerprint that differs, and every output file that is missing or edited. Empty
  /// means up to date.
  ///
  /// - Parameters:
  ///   - inputs: the target's input fingerprints as they are now.
  ///   - code: the manifest behind `inputs.code`, to name the files that changed.
  ///   - parameters: the target's parameter values now.
  ///   - outputs: hashes of the output folder as it is now, `nil` if the folder is missing.
  public func staleReasons(
    inputs current: InputFingerprints, code: CodeManifest, parameters: [String: String], outputs: [String: String]?
  ) -> [StaleReason] {
    var reasons: [StaleReason] = []
    let selections = Self.changedKeys(current.data, inputs.data)
    if !selections.isEmpty { reasons.append(.dataChanged(selections: selections)) }
    let names = Self.changedKeys(parameters, self.parameters)
    if !names.isEmpty || current.parameters != inputs.parameters {
      reasons.append(.parametersChanged(names.map { .init(name: $0, old: self.parameters[$0], new: parameters[$0]) }))
    }
    if current.code != inputs.code { reasons.append(.codeChanged(files: code.changes(since: self.code))) }
    if current.gnuplot != inputs.gnuplot { reasons.append(.gnuplotChanged(from: inputs.gnuplot, to: current.gnuplot)) }
    let upstream = Self.changedKeys(current.upstream, inputs.upstream)
    if !upstream.isEmpty { reasons.append(.upstreamChanged(targets: upstream)) }

    guard let outputs else {
      reasons.append(.outputMissing(files: self.outputs.keys.sorted()))
      return reasons
    }
    let missing = self.outputs.keys.filter { outputs[$0] == nil }.sorted()
    if !missing.isEmpty { reasons.append(.outputMissing(files: missing)) }
    let edited = outputs.keys.filter { self.outputs[$0] != outputs[$0] }.sorted()
    if !edited.isEmpty { reasons.append(.outputEdited(files: edited)) }
    return reasons
  }

  private static func changedKeys(_ new: [String: String], _ old: [String: String]) -> [String] {
    Set(new.keys).union(old.keys).filter { new[$0] != old[$0] }.sorted()
  }
}
