import Foundation
import ResultValues
import VLM

/// Reading this machine: the data type is `ResultValues.Machine`, shared with the summary's reader.
extension Machine {
  /// This machine, from `/proc/cpuinfo` and `/etc/os-release` where they exist.
  public static var current: Machine {
    let processInfo = ProcessInfo.processInfo
    return Machine(
      cpuModel: field("model name", in: "/proc/cpuinfo", separator: ":") ?? "unknown CPU",
      cores: processInfo.activeProcessorCount,
      operatingSystem: (field("PRETTY_NAME", in: "/etc/os-release", separator: "=")?.trimmingCharacters(in: ["\""])
        ?? processInfo.operatingSystemVersionString) + " (\(kernel))",
      blas: "\(BLAS.configuration), \(BLAS.threadCount) threads")
  }

  /// The 1-minute load average from `/proc/loadavg` (runnable processes, this one included), or
  /// `nil` where the file does not exist.
  public static func loadAverage() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
    return text.split(separator: " ").first.flatMap { Double($0) }
  }

  private static var kernel: String {
    var name = utsname()
    uname(&name)
    func text<T>(_ field: T) -> String {
      withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
    return "\(text(name.sysname)) \(text(name.release)) \(text(name.machine))"
  }

  private static func field(_ key: String, in path: String, separator: Character) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: separator, maxSplits: 1)
      if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
        return parts[1].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}
