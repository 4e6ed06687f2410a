"""Measures single-thread training throughput (compressor + LM on cached tower features) over LM
sizes and visual-token counts, and projects the wall time of a training grid from it.

    python -m minivlm.throughput [--sizes 32x2,48x3,64x4,96x4,128x4] [--visual-tokens 1,16,144]
        [--compressor tokenpacker] [--question-tokens 4] [--batch-size 320] [--questions-per-image 10]
        [--budget-seconds 10]

The features are random tensors of the tower's shape: throughput does not depend on their
values, and this is a timing, never a data source. Run it alone on the machine (one process) and
read the load average it reports. The projection assumes time per example is linear in V for
each size (least squares over the measured V), and that two single-thread processes in parallel
each run `--parallel-slowdown` times slower than one alone (1.6 measured with matrix products on
this machine: ≈ 73 GFLOP/s alone, ≈ 45 each when two run).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from .common import UsageError, pretty_json, run_main, single_thread, torch_version
from .model import Cell, CellConfig, LanguageConfig, VisionConfig, VisionTower, default_mlp_width

GRID_V = (1, 4, 16, 36, 144)


def parse_sizes(text: str) -> list[tuple[int, int]]:
    try:
        sizes = [tuple(int(x) for x in item.split("x")) for item in text.split(",")]
    except ValueError:
        raise UsageError(f"--sizes {text!r}: write WIDTHxLAYERS pairs, e.g. 32x2,64x4") from None
    if not all(len(s) == 2 and 16 <= s[0] <= 1024 and s[0] % 16 == 0 and 1 <= s[1] <= 32 for s in sizes):
        raise UsageError(f"--sizes {text!r}: widths must be multiples of 16 in 16…1024, layers in 1…32")
    return sizes  # type: ignore[return-value]


def measure(width: int, layers: int, visual_tokens: int, args: argparse.Namespace, vision: VisionConfig) -> dict:
    language = LanguageConfig(vocabulary_size=args.vocabulary, width=width, layers=layers, heads=width // 16,
                              mlp_width=default_mlp_width(width))
    config = CellConfig("reasoning", args.compressor, visual_tokens, args.question_tokens, 4, language, vision)
    torch.manual_seed(0)
    cell = Cell(config)
    optimizer = torch.optim.AdamW(cell.parameters(), lr=1e-3)
    generator = torch.Generator().manual_seed(0)
    images = -(-args.batch_size // args.questions_per_image)
    features = torch.randn(images, vision.patch_count, 4 * vision.width, generator=generator)
    patches, multi = features[..., -vision.width:], (features if cell.needs_multi else None)
    owner = torch.arange(images).repeat_interleave(args.questions_per_image)[:args.batch_size]
    questions = torch.randint(1, args.vocabulary, (args.batch_size, args.question_tokens), generator=generator)
    answers = torch.randint(1, args.vocabulary, (args.batch_size,), generator=generator)

    def step() -> None:
        loss = F.cross_entropy(cell(patches, multi, questions, owner=owner), answers)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    step()
    step()
    steps, started = 0, time.perf_counter()
    while steps < 3 or time.perf_counter() - started < args.budget_seconds:
        step()
        steps += 1
    seconds = time.perf_counter() - started
    examples_per_second = steps * args.batch_size / seconds
    lm_tokens = visual_tokens + args.question_tokens * (2 if args.compressor == "quecc" else 1)
    return {"width": width, "layers": layers, "visual_tokens": visual_tokens,
            "non_embedding_parameters": language.non_embedding_parameters, "steps": steps, "seconds": seconds,
            "examples_per_second": examples_per_second, "lm_tokens_per_second": examples_per_second * lm_tokens,
            "load_average_1min": os.getloadavg()[0], "matmul_gflops": matmul_gflops()}


def matmul_gflops(seconds: float = 0.5) -> float:
    """Single-thread F32 GFLOP/s of 256×256 products right now: the machine's current speed, to
    tell a slow model from a busy machine (63–83 when this machine is quiet)."""
    a, b = torch.randn(256, 256), torch.randn(256, 256)
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        a @ b
        count += 1
    return count * 2 * 256**3 / (time.perf_counter() - started) / 1e9


def tower_images_per_second(vision: VisionConfig, budget_seconds: float) -> float:
    tower = VisionTower(vision).eval()
    images = torch.randint(0, 256, (64, 48, 48, 3), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    with torch.inference_mode():
        tower(images)
        count, started = 0, time.perf_counter()
        while count < 128 or time.perf_counter() - started < budget_seconds:
            tower(images)
            count += 64
    return count / (time.perf_counter() - started)


def project(results: list[dict], args: argparse.Namespace, images_per_second: float) -> dict:
    """Wall hours of families × sizes × GRID_V at `--examples` per cell on two processes."""
    cells = []
    for width, layers in sorted({(r["width"], r["layers"]) for r in results}):
        rows = [r for r in results if (r["width"], r["layers"]) == (width, layers)]
        v = np.array([r["visual_tokens"] for r in rows], dtype=float)
        per_example = np.array([1 / r["examples_per_second"] for r in rows])
        slope, intercept = np.polyfit(v, per_example, 1) if len(rows) > 1 else (0.0, per_example[0])
        for tokens in GRID_V:
            seconds = args.examples * max(intercept + slope * tokens, per_example.min())
            cells.append({"width": width, "layers": layers, "visual_tokens": tokens, "train_seconds": seconds})
    feature_seconds = args.feature_images / images_per_second
    cpu_seconds = args.families * sum(c["train_seconds"] + feature_seconds for c in cells)
    return {"examples_per_cell": args.examples, "families": args.families, "feature_images_per_cell": args.feature_images,
            "parallel_slowdown": args.parallel_slowdown, "processes": 2,
            "single_process_cpu_hours": cpu_seconds / 3600,
            "wall_hours_on_two_processes": cpu_seconds * args.parallel_slowdown / 2 / 3600,
            "cells_per_family": cells}


def main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minivlm.throughput", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="32x2,48x3,64x4,96x4,128x4", help="LM WIDTHxLAYERS list (head width 16)")
    parser.add_argument("--visual-tokens", default="1,16,144", help="V values to measure")
    parser.add_argument("--compressor", default="tokenpacker", choices=["pool", "tokenpacker", "quecc", "prumerge"])
    parser.add_argument("--question-tokens", type=int, default=4, help="Q, 1…256 (default 4, both families)")
    parser.add_argument("--vocabulary", type=int, default=64, help="vocabulary size (default 64)")
    parser.add_argument("--batch-size", type=int, default=320, help="examples per step (default 320)")
    parser.add_argument("--questions-per-image", type=int, default=10,
                        help="questions sharing one connector pass, as the trainer batches whole images (1…40, default 10)")
    parser.add_argument("--budget-seconds", type=float, default=10.0, help="timed seconds per point, 1…20 (default 10)")
    parser.add_argument("--vision-width", type=int, default=64, help="tower width w (default 64; heads w/16, MLP 4w)")
    parser.add_argument("--examples", type=int, default=100_000, help="training examples per cell in the projection")
    parser.add_argument("--families", type=int, default=2, help="families in the projection")
    parser.add_argument("--feature-images", type=int, default=12_000, help="images whose features a cell computes")
    parser.add_argument("--parallel-slowdown", type=float, default=1.6, help="per-process slowdown with two processes")
    args = parser.parse_args(argv)
    if not 1 <= args.budget_seconds <= 20:
        raise UsageError("--budget-seconds must be in 1…20 (the machine is shared)")
    if not 1 <= args.question_tokens <= 256 or not 1 <= args.batch_size <= 4096:
        raise UsageError("--question-tokens must be in 1…256 and --batch-size in 1…4096")
    if not 1 <= args.questions_per_image <= 40:
        raise UsageError("--questions-per-image must be in 1…40")
    try:
        token_counts = [int(v) for v in args.visual_tokens.split(",")]
    except ValueError:
        raise UsageError(f"--visual-tokens {args.visual_tokens!r}: a comma-separated list of integers") from None
    sizes = parse_sizes(args.sizes)
    single_thread()
    vision = VisionConfig(width=args.vision_width, heads=max(1, args.vision_width // 16), depth=5,
                          mlp_width=4 * args.vision_width)
    results = []
    for width, layers in sizes:
        for tokens in token_counts:
            result = measure(width, layers, tokens, args, vision)
            print(f"d{width} l{layers} N={result['non_embedding_parameters']:>7}  V={tokens:>3}  "
                  f"{result['examples_per_second']:8.0f} ex/s  {result['lm_tokens_per_second']:9.0f} tok/s  "
                  f"load {result['load_average_1min']:.2f}  matmul {result['matmul_gflops']:.0f} GFLOP/s", file=sys.stderr, flush=True)
            results.append(result)
    images_per_second = tower_images_per_second(vision, min(args.budget_seconds, 5))
    report = {"torch_version": torch_version(), "threads": torch.get_num_threads(), "compressor": args.compressor,
              "question_tokens": args.question_tokens, "batch_size": args.batch_size, "vision": vision.to_json(),
              "measurements": results, "tower_images_per_second": images_per_second,
              "projection": project(results, args, images_per_second)}
    sys.stdout.write(pretty_json(report))
    return 0


if __name__ == "__main__":
    run_main(main)
