import CBLAS
import Foundation

/// Matrix products through OpenBLAS (`cblas_sgemm`, `cblas_sgemv` for single rows), each one
/// counted in a FLOP tally.
///
/// FLOP convention used throughout the engine: **2 FLOPs per multiply–accumulate of a matrix
/// product** (weights × activations, and activations × activations in attention), the convention
/// behind the paper's `2·N` per token. Elementwise work — norms, activations, softmax, rotary
/// positions, residual adds, pooling and interpolation — is O(tokens × width), not counted, and
/// documented as such wherever it occurs. OpenBLAS parallelises each product over all cores.
public enum BLAS {
  /// `A · Bᵀ` for `A: [m, k]` and `B: [n, k]` — the shape of every linear layer, since PyTorch
  /// and safetensors store a layer's weight as `[out, in]`.
  public static func multiply(_ a: Matrix, transposing b: Matrix, flops: inout Int) -> Matrix {
    precondition(a.columns == b.columns, "inner dimensions \(a.columns) and \(b.columns) differ")
    guard a.rows > 0, b.rows > 0, a.columns > 0 else { return Matrix(zeros: a.rows, b.rows) }
    // BLAS overwrites every element (beta = 0), so the output is not zero-filled first.
    let values = [Float](unsafeUninitializedCapacity: a.rows * b.rows) { c, count in
      a.values.withUnsafeBufferPointer { pa in
        b.values.withUnsafeBufferPointer { pb in
          gemm(transposeB: true, m: a.rows, n: b.rows, k: a.columns, alpha: 1,
               a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns,
               c: c.baseAddress!, ldc: b.rows, flops: &flops)
        }
      }
      count = a.rows * b.rows
    }
    return Matrix(rows: a.rows, columns: b.rows, values: values)
  }

  /// `C ← alpha · A · op(B) + beta · C` on raw row-major storage with leading dimensions, so
  /// attention can multiply one head's column block in place and a residual connection can
  /// accumulate into the residual stream (`beta = 1`) without a temporary. `op(B)` is `Bᵀ`
  /// (B: `[n, k]`) or `B` (`[k, n]`). With `beta = 0`, C is write-only (it may be uninitialised).
  public static func gemm(
    transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, flops: inout Int
  ) {
    flops += 2 * m * n * k
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      if beta == 0 { for row in 0..<m { (c + row * ldc).update(repeating: 0, count: n) } }
      return
    }
    if m == 1 {
      // One row (a decoding step): a matrix–vector product streams B once, where GEMM would
      // first pack it — decoding is bound by reading the weights, so this is what matters.
      cblas_sgemv(CblasRowMajor, transposeB ? CblasNoTrans : CblasTrans, Int32(transposeB ? n : k), Int32(transposeB ? k : n),
                  alpha, b, Int32(ldb), a, 1, beta, c, 1)
      return
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }

  /// The kernel family OpenBLAS chose for this CPU (`Haswell`, `SkylakeX`, `Prescott`, …).
  public static var coreName: String {
    guard let name = openblas_get_corename() else { return "unknown" }
    return String(cString: name)
  }

  /// Makes a Debian 12 OpenBLAS use this CPU's vector kernels, by re-executing the process with
  /// `OPENBLAS_CORETYPE` set when that is needed; returns when it is not (or cannot be done).
  ///
  /// OpenBLAS 0.3.21 does not recognise recent Intel CPUs (this machine: family 6, model 207)
  /// and falls back to its generic SSE3 "Prescott" kernels, about 4× slower per GEMM than its
  /// AVX-512 ones on the same cores. The variable is read only when the library loads, before
  /// `main`, hence the re-execution (same PID, arguments and environment plus the variable). It
  /// happens only when the fallback is in use, the variable is unset, and `/proc/cpuinfo`
  /// lists AVX-512F (→ `SkylakeX`) or AVX2 and FMA (→ `Haswell`). An executable that times the
  /// engine calls this first thing.
  public static func reexecuteWithVectorKernelsIfNeeded() {
    guard coreName == "Prescott", getenv("OPENBLAS_CORETYPE") == nil,
      let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    let core = flags.contains("avx512f") ? "SkylakeX" : flags.isSuperset(of: ["avx2", "fma"]) ? "Haswell" : nil
    guard let core else { return }
    setenv("OPENBLAS_CORETYPE", core, 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    unsetenv("OPENBLAS_CORETYPE")  // exec failed: carry on with the generic kernels
  }

  /// Threads OpenBLAS uses for one product (all cores unless `OPENBLAS_NUM_THREADS` says otherwise).
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// OpenBLAS's build string (version, kernel, thread model), recorded with every measurement.
  public static var configuration: String {
    guard let config = openblas_get_config() else { return "OpenBLAS (unknown build)" }
    return String(cString: config).trimmingCharacters(in: .whitespaces)
  }
}
