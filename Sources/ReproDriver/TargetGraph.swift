
import ExperimentRegistry
/// The registered experiments as a dependency graph: who reads whose outputs.
///
/// Built from ``Notebook/Experiment/all`` (or any list, in tests) and checked once: unique
/// names, every `dependsOn` registered, no cycles. `experiments` is in dependency order, keeping
/// the registry's (paper) order wherever the dependencies allow.
public struct TargetGraph: Sendable {
  /// Every experiment, upstream before downstream.
  public let experiments: [Experiment]
  private let upstreamNames: [String: [String]]

  public init(_ registry: [Experiment]) throws {
    for (index, experiment) in registry.enumerated() {
      let others = registry[..<index]
      if others.contains(where: { $0.id == experiment.id }) { throw DriverError.duplicateTarget(name: experiment.id) }
      if others.contains(where: { $0.target == experiment.target }) {
        throw DriverError.duplicateTarget(name: experiment.target)
      }
    }
    var upstream: [String: [String]] = [:]
    for experiment in registry {
      upstream[experiment.target] = try experiment.dependsOn.map { name in
        guard let dependency = registry.first(where: { $0.names.contains(name.lowercased()) }) else {
          throw DriverError.unknownDependency(target: experiment.target, dependency: name)
        }
        return dependency.target
      }
    }
    upstreamNames = upstream
    experiments = try Self.dependencyOrder(registry, upstream: upstream)
  }

  /// The experiment any of whose ``Notebook/Experiment/names`` is `name`.
  public func experiment(named name: String) throws -> Experiment {
    guard let experiment = experiments.first(where: { $0.names.contains(name.lowercased()) }) else {
      throw DriverError.unknownTarget(name: name, known: experiments.map(\.id))
    }
    return experiment
  }

  /// The experiments `experiment` reads outputs of (its `dependsOn`), by target.
  public func upstream(of experiment: Experiment) -> [String] {
    upstreamNames[experiment.target] ?? []
  }

  /// `targets` and everything upstream of them, in dependency order.
  public func closure(of targets: [Experiment]) -> [Experiment] {
    var needed = Set(targets.map(\.target))
    for experiment in experiments.reversed() where needed.contains(experiment.target) {
      needed.formUnion(upstream(of: experiment))
    }
    return experiments.filter { needed.contains($0.target) }
  }

  // MARK: Pictures

  /// The graph as an indented tree: each experiment nobody reads, with its upstream experiments
  /// and data inputs below it.
  public func tree() -> String {
    let read = Set(upstreamNames.values.joined())
    var lines: [String] = []
    for root in experiments where !read.contains(root.target) {
      lines.append(label(root))
      appendChildren(of: root, prefix: "", to: &lines)
    }
    return lines.map { $0 + "\n" }.joined()
  }

  private func appendChildren(of experiment: Experiment, prefix: String, to lines: inout [String]) {
    let targets = upstream(of: experiment).compactMap { name in experiments.first { $0.target == name } }
    let children = targets.map(Child.target) + experiment.inputs.map { Child.data($0.id) }
    for (index, child) in children.enumerated() {
      let last = index == children.count - 1
      switch child {
      case .target(let upstream):
        lines.append(prefix + (last ? "└── " : "├── ") + label(upstream))
        appendChildren(of: upstream, prefix: prefix + (last ? "    " : "│   "), to: &lines)
      case .data(let id):
        lines.append(prefix + (last ? "└── " : "├── ") + "data " + id)
      }
    }
  }

  private enum Child {
    case target(Experiment)
    case data(String)
  }

  private func label(_ experiment: Experiment) -> String {
    "\(experiment.target) (\(experiment.id))"
  }

  /// The graph in Graphviz DOT: data selections as cylinders, experiments as boxes, arrows in
  /// the direction data flows. `repro dag --dot | dot -Tsvg > dag.svg` draws it.
  public func dot() -> String {
    var lines = ["digraph repro {", "  rankdir=LR;", "  node [fontname=\"DejaVu Sans\"];"]
    let selections = orderedUnique(experiments.flatMap { $0.inputs.map(\.id) })
    lines += selections.map { "  \(quoted("data:" + $0)) [shape=cylinder, label=\(quoted($0))];" }
    lines += experiments.map { "  \(quoted($0.target)) [shape=box, label=\(quoted("\($0.target)\\n(\($0.id))"))];" }
    for experiment in experiments {
      lines += experiment.inputs.map { "  \(quoted("data:" + $0.id)) -> \(quoted(experiment.target));" }
      lines += upstream(of: experiment).map { "  \(quoted($0)) -> \(quoted(experiment.target));" }
    }
    return (lines + ["}"]).map { $0 + "\n" }.joined()
  }

  private func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  // MARK: Ordering

  /// Kahn's algorithm, always taking the earliest registered experiment that is ready.
  private static func dependencyOrder(_ registry: [Experiment], upstream: [String: [String]]) throws -> [Experiment] {
    var ordered: [Experiment] = []
    var placed = Set<String>()
    while ordered.count < registry.count {
      guard let next = registry.first(where: { experiment in
        !placed.contains(experiment.target) && (upstream[experiment.target] ?? []).allSatisfy(placed.contains)
      }) else {
        throw DriverError.cycle(cycle(among: registry.map(\.target).filter { !placed.contains($0) }, upstream: upstream))
      }
      ordered.append(next)
      placed.insert(next.target)
    }
    return ordered
  }

  /// One cycle among `names` (each of which waits on another of them), closed: `a, b, a`.
  private static func cycle(among names: [String], upstream: [String: [String]]) -> [String] {
    let remaining = Set(names)
    var path = [names[0]]
    while true {
      let next = (upstream[path.last!] ?? []).first(where: remaining.contains)!
      if let start = path.firstIndex(of: next) { return Array(path[start...]) + [next] }
      path.append(next)
    }
  }
}
