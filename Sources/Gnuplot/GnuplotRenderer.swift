import AtomicFiles
import Foundation

/// Runs a gnuplot executable to turn scripts into PNG, SVG and PDF images, deterministically
/// and atomically.
///
/// Each image is drawn into a hidden temporary file in the output directory and renamed into
/// place, so a failed or interrupted render never leaves a half-written image. gnuplot runs with
/// `-d` (no `~/.gnuplot` or system init file can change the figure) and `TZ=UTC`, and PDFs get
/// a fixed creation date (see ``PDFCreationDate``): the same script gives byte-identical images.
public struct GnuplotRenderer: Hashable, Sendable {
  /// The gnuplot executable.
  public let executable: URL

  public init(executable: URL) {
    self.executable = executable
  }

  /// The gnuplot named by the `GNUPLOT` environment variable, or else the first on `PATH`.
  ///
  /// Not finding gnuplot is an expected situation (the scripts stay useful without it), so it
  /// is reported as ``GnuplotError/notFound(searched:)`` with install and render-later advice.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(GnuplotError) -> GnuplotRenderer {
    let files = FileManager.default
    if let override = environment["GNUPLOT"], !override.isEmpty {
      guard files.isExecutableFile(atPath: override) else {
        throw .notFound(searched: "GNUPLOT=\(override) is not an executable file")
      }
      return GnuplotRenderer(executable: URL(fileURLWithPath: override))
    }
    let path = environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init)
    for directory in directories {
      let candidate = URL(fileURLWithPath: directory).appendingPathComponent("gnuplot")
      if files.isExecutableFile(atPath: candidate.path) { return GnuplotRenderer(executable: candidate) }
    }
    throw .notFound(searched: "no gnuplot in PATH=\(path)")
  }

  /// What `gnuplot --version` prints, e.g. `gnuplot 5.4 patchlevel 4`.
  public func version() throws(GnuplotError) -> String {
    let output = try run(["--version"], in: FileManager.default.temporaryDirectory, capturing: .standardOutput)
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes `script` to `directory/name.gp`, then renders it there in each of `formats`.
  ///
  /// Returns the script's URL followed by the images' URLs, in the order of `formats`.
  @discardableResult
  public func render(
    _ script: GnuplotScript, into directory: URL, formats: [ImageFormat] = ImageFormat.allCases
  ) throws(GnuplotError) -> [URL] {
    let scriptURL = try script.write(into: directory)
    return [scriptURL] + (try render(scriptAt: scriptURL, into: directory, formats: formats))
  }

  /// Renders the script at `scriptURL` into `directory/<script base name>.<format>` for each
  /// format, running gnuplot with `directory` as its working directory.
  @discardableResult
  public func render(
    scriptAt scriptURL: URL, into directory: URL, formats: [ImageFormat] = ImageFormat.allCases
  ) throws(GnuplotError) -> [URL] {
    let baseName = scriptURL.deletingPathExtension().lastPathComponent
    var images: [URL] = []
    for format in formats {
      let image = directory.appendingPathComponent("\(baseName).\(format.fileExtension)")
      let temporary = directory.appendingPathComponent(".\(image.lastPathComponent).\(UUID().uuidString).tmp")
      defer { try? FileManager.default.removeItem(at: temporary) }
      let settings = "format='\(format.rawValue)'; outfile=\(GnuplotLiteral.string(temporary.lastPathComponent))"
      _ = try run(["-d", "-e", settings, scriptURL.path], in: directory, capturing: .standardError)
      guard let drawn = FileManager.default.contents(atPath: temporary.path), !drawn.isEmpty else {
        throw .missingOutput(path: image.path)
      }
      if format == .pdf {
        try GnuplotError.wrapping { () throws(AtomicFile.Failure) in
          try AtomicFile.write(Data(PDFCreationDate.normalized(Array(drawn))), to: temporary)
        }
      }
      try GnuplotError.wrapping { () throws(AtomicFile.Failure) in try AtomicFile.move(temporary, to: image) }
      images.append(image)
    }
    return images
  }

  /// Kills every gnuplot this process started that still runs, with anything it started, and
  /// lets no other start: for a process that must end at once (an experiment whose driver is
  /// gone). Foundation starts each child in a process group of its own, so killing the caller's
  /// group would leave gnuplot drawing for a staging folder nobody will read.
  public static func killRunning() {
    RunningRenderers.shared.killAll()
  }

  private enum Stream { case standardOutput, standardError }

  /// Runs gnuplot and returns the captured stream; a non-zero exit is an error carrying stderr.
  private func run(_ arguments: [String], in directory: URL, capturing stream: Stream) throws(GnuplotError) -> String {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["TZ"] = "UTC"
    process.environment = environment
    let pipe = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stream == .standardOutput ? pipe : FileHandle.nullDevice
    process.standardError = stream == .standardError ? pipe : FileHandle.nullDevice
    do {
      try RunningRenderers.shared.start(process)
    } catch {
      throw .failed(arguments: arguments, status: -1, stderr: "could not start \(executable.path): \(error)")
    }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    RunningRenderers.shared.finish(process)
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw .failed(arguments: arguments, status: process.terminationStatus, stderr: output)
    }
    return output
  }
}

/// The gnuplot processes in flight, so that ``GnuplotRenderer/killRunning()`` can end them.
/// Starting and killing take one lock, so a process is either never started or seen and killed.
final class RunningRenderers: @unchecked Sendable {
  static let shared = RunningRenderers()
  private let lock = NSLock()
  private var running: [ObjectIdentifier: Int32] = [:]
  private var closed = false

  struct Closed: Error, CustomStringConvertible {
    var description: String { "this process is ending (its driver is gone)" }
  }

  func start(_ process: Process) throws {
    lock.lock()
    defer { lock.unlock() }
    guard !closed else { throw Closed() }
    try process.run()
    running[ObjectIdentifier(process)] = process.processIdentifier
  }

  func finish(_ process: Process) {
    lock.lock()
    defer { lock.unlock() }
    running[ObjectIdentifier(process)] = nil
  }

  func killAll() {
    lock.lock()
    defer { lock.unlock() }
    closed = true
    // The group first (gnuplot leads its own, see killRunning), then the process itself in
    // case a platform did not give it a group.
    for pid in running.values {
      kill(-pid, SIGKILL)
      kill(pid, SIGKILL)
    }
  }
}
