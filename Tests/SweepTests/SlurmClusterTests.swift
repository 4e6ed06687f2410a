import Foundation
import ReproDriver
import Sweep
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A private one-node Slurm cluster for one test: Debian's packages, installed if missing, and
/// `Fixtures/single-node-slurm.sh` to start and stop munged, slurmctld and slurmd, everything in
/// a temporary folder.
struct SingleNodeSlurm {
  static let script = ToySweep.fixtures.appendingPathComponent("single-node-slurm.sh")
  static let daemons = ["munged", "slurmctld", "slurmd"]

  /// Why the cluster cannot run here, or `nil` if it can.
  static let unavailable: String? = {
    #if os(Linux)
    if ProcessInfo.processInfo.environment["REPRO_SKIP_SLURM_TEST"] == "1" { return "REPRO_SKIP_SLURM_TEST=1 is set" }
    if getuid() != 0 { return "needs root: it installs Slurm and starts munged, slurmctld and slurmd" }
    let installed = ["/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/sbin/munged"]
      .allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    let aptGet = ["/usr/bin/apt-get", "/bin/apt-get"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    if !installed && !aptGet { return "Slurm is not installed and apt-get is not available to install it" }
    return nil
    #else
    return "needs Linux (Debian's Slurm packages)"
    #endif
  }()

  let folder: URL
  /// `SLURM_CONF` for Slurm's commands.
  let environment: [String: String]
  /// The daemons' PIDs, to check that they are gone after `stop`.
  let pids: [String: Int32]
  /// Signalled when the supervisor (`single-node-slurm.sh run`), the daemons' parent, has exited.
  private let supervisorExited: DispatchSemaphore

  /// Installs Slurm if missing, then starts the cluster under a supervisor that is a child of
  /// this process (so it is reaped here, and reaps the daemons), which stops the cluster by
  /// itself if this process dies.
  static func start() throws -> SingleNodeSlurm {
    let install = try run(["install"])
    try #require(install.termination.succeeded, "installing Slurm failed: \(install.standardOutput)\(install.standardError)")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("single-node-slurm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let logURL = folder.appendingPathComponent("supervisor.out")
    #expect(FileManager.default.createFile(atPath: logURL.path, contents: nil))
    let log = try FileHandle(forWritingTo: logURL)
    let exited = DispatchSemaphore(value: 0)
    Thread {
      _ = try? ChildProcesses().run(
        URL(fileURLWithPath: "/bin/bash"), arguments: [script.path, "run", folder.path, "\(getpid())"], log: log,
        unless: RunControl())
      try? log.close()
      exited.signal()
    }.start()
    let ready = folder.appendingPathComponent("run/ready")
    let deadline = ContinuousClock.now + .seconds(60)
    while !FileManager.default.fileExists(atPath: ready.path) {
      if exited.wait(timeout: .now() + 0.1) == .success || ContinuousClock.now > deadline {
        _ = try? run(["down", folder.path])
        let output = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: folder)
        throw ClusterFailure(description: "the cluster did not start:\n\(output)")
      }
    }
    var pids: [String: Int32] = [:]
    for daemon in daemons + ["supervisor"] {
      let text = try String(contentsOf: folder.appendingPathComponent("run/\(daemon).pid"), encoding: .utf8)
      pids[daemon] = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return SingleNodeSlurm(
      folder: folder, environment: ["SLURM_CONF": folder.appendingPathComponent("slurm.conf").path], pids: pids,
      supervisorExited: exited)
  }

  /// Cancels its jobs, stops its daemons by PID, checks that they and their supervisor are gone
  /// (reaped, not even zombies) and removes the folder.
  func stop() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let down = try Self.run(["down", folder.path])
    #expect(down.termination.succeeded, "stopping the cluster: \(down.standardError)")
    #expect(supervisorExited.wait(timeout: .now() + 30) == .success, "the supervisor did not exit")
    print("slurm cluster: stopped in \(clock.now - start)")
    for (daemon, pid) in pids.sorted(by: { $0.key < $1.key }) {
      #expect(kill(pid, 0) != 0, "\(daemon) (pid \(pid)) is still there")
    }
    try FileManager.default.removeItem(at: folder)
  }

  /// `scancel` of one array task.
  func cancel(_ task: ArrayTask) throws {
    let output = try ChildProcesses.output(
      of: URL(fileURLWithPath: "/usr/bin/scancel"), arguments: ["\(task)"],
      environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
    #expect(output.termination.succeeded, "scancel \(task): \(output.standardError)")
  }

  private static func run(_ arguments: [String]) throws -> ChildProcesses.Output {
    try ChildProcesses.output(of: URL(fileURLWithPath: "/bin/bash"), arguments: [script.path] + arguments)
  }

  struct ClusterFailure: Error, CustomStringConvertible {
    var description: String
  }
}

/// The sweep on a real Slurm cluster: a job array's results equal a local run's, a cancelled
/// task is reported with its log, and resubmission runs only what is missing.
@Suite(.serialized) struct SlurmClusterTests {
  /// Rounds of the toy cell: a few seconds of deterministic work each.
  static let rounds = 400

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  @Test(
    .disabled(if: SingleNodeSlurm.unavailable != nil, Comment(rawValue: SingleNodeSlurm.unavailable ?? "")),
    .timeLimit(.minutes(10)))
  func aJobArrayOnARealClusterMatchesALocalRunAndResubmitsOnlyWhatFailed() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let cluster = try SingleNodeSlurm.start()
    defer { #expect(throws: Never.self) { try cluster.stop() } }
    let started = clock.now
    let slurm = SlurmCommands(environment: cluster.environment)
    let options = SlurmOptions(partition: "debug", time: "5", cpusPerTask: 1, mem: "100M")
    // While `<hold>.d` exists, cell d waits before its work: so it can be cancelled mid-run.
    let hold = cluster.folder.appendingPathComponent("hold")
    let environment = ["TOY_CELL_HOLD": hold.path]
    let two = ToySweep.definition([("a", Self.rounds), ("b", Self.rounds)], environment: environment)
    let four = ToySweep.definition(
      [("a", Self.rounds), ("b", Self.rounds), ("c", Self.rounds), ("d", Self.rounds)], environment: environment)

    // The reference: the same two cells as local processes, two at a time.
    let local = try ToySweep()
    let array = try ToySweep()
    defer {
      local.remove()
      array.remove()
    }
    let localStart = clock.now
    #expect(try local.driver(two).runLocally(jobs: 2).status.isComplete)
    let localSeconds = Self.seconds(clock.now - localStart)

    // 1. The array: submit, wait, collect; the cache must equal the local one.
    let driver = try array.driver(two, scheduler: slurm)
    let arrayStart = clock.now
    guard case .submitted(let script, _, _) = try driver.submit(options) else {
      Issue.record("expected sbatch to take the array")
      return
    }
    #expect(script.cells == ["a", "b"])
    #expect(try driver.waitForArrays(timeout: .seconds(120), poll: .milliseconds(100)))
    let first = try driver.collect()
    let arraySeconds = Self.seconds(clock.now - arrayStart)
    #expect(first.collected == ["a", "b"])
    #expect(first.status.isComplete)
    #expect(array.cache() == local.cache())
    #expect(!array.cache().isEmpty)

    // 2. Two more cells: only they are submitted; one task is cancelled while it runs.
    #expect(FileManager.default.createFile(atPath: hold.path + ".d", contents: nil))
    let wider = try array.driver(four, scheduler: slurm)
    guard case .submitted(let second, _, let jobID) = try wider.submit(options) else {
      Issue.record("expected the two new cells to be submitted")
      return
    }
    #expect(second.cells == ["c", "d"])
    let victim = ArrayTask(jobID: jobID, index: 1)
    let deadline = clock.now + .seconds(60)
    while try slurm.queuedTasks(of: [jobID])?[victim] != "RUNNING", clock.now < deadline {
      Thread.sleep(forTimeInterval: 0.05)
    }
    #expect(try slurm.queuedTasks(of: [jobID])?[victim] == "RUNNING")
    try cluster.cancel(victim)
    try FileManager.default.removeItem(atPath: hold.path + ".d")
    #expect(try wider.waitForArrays(timeout: .seconds(120), poll: .milliseconds(100)))
    let afterCancel = try wider.collect()
    #expect(afterCancel.collected == ["c"])
    #expect(afterCancel.status.summary == "3 complete, 1 failed")
    guard case .failed(let task, _, let log) = afterCancel.status.state(of: "d") else {
      Issue.record("d must be reported failed, is \(String(describing: afterCancel.status.state(of: "d")))")
      return
    }
    #expect(task == victim)
    let logText = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(logText.contains("CANCELLED"), "the log \(log.path) says why: \(logText)")

    // 3. Resubmission runs only the cancelled cell.
    guard case .submitted(let third, _, _) = try wider.submit(options) else {
      Issue.record("expected d to be resubmitted")
      return
    }
    #expect(third.cells == ["d"])
    #expect(try wider.waitForArrays(timeout: .seconds(120), poll: .milliseconds(100)))
    #expect(try wider.collect().status.isComplete)
    guard case .nothingToDo = try wider.submit(options) else {
      Issue.record("a complete sweep submits nothing")
      return
    }

    // 4. The local run of the wider sweep computes only c and d, and agrees with the array.
    #expect(try local.driver(four).runLocally(jobs: 2).results.map(\.cell) == ["c", "d"])
    #expect(array.cache() == local.cache())
    #expect(array.cache().count == 12)

    print(
      String(
        format: "slurm cluster: started in %.1f s; 2 cells of %d rounds: local -j 2 %.2f s, job array %.2f s (submit → collected); whole test %.1f s",
        Self.seconds(started - start), Self.rounds, localSeconds, arraySeconds, Self.seconds(clock.now - start)))
  }
}
