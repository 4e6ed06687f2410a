"""Times PyTorch eager batch evaluation of a checkpoint, image to answer, for the Swift engine's
`repro bench mini` to compare against in the same run.

    python -m minivlm.bench --tower T.safetensors --checkpoint CELL.safetensors \
        --eval-shard EVAL.safetensors [--batch-size 64] [--threads 1] [--repeats 7]

A batch is the first `--batch-size` questions of the eval shard, each with its own image (the
tower runs once per question, as an inference server would). After one warm-up pass, the whole
pipeline and, separately, the tower and the cell (compressor + LM) are timed `--repeats` times;
the JSON on stdout gives every time and the medians, with the 1-minute load average so a reader
can tell a quiet machine from a busy one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

import torch

from .checkpoint import check_tower_matches, load_cell, load_tower
from .common import UsageError, pretty_json, run_main, torch_version
from .data import load_question_set


def timed(work: Callable[[], object], repeats: int) -> list[float]:
    work()  # warm-up: allocator and kernels
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return seconds


def main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minivlm.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tower", required=True, type=Path)
    parser.add_argument("--checkpoint", required=True, type=Path)
    parser.add_argument("--eval-shard", required=True, type=Path)
    parser.add_argument("--batch-size", type=int, default=64, help="questions per batch, 1…4096 (default 64)")
    parser.add_argument("--threads", type=int, default=1, help="torch intra-op threads, 1…64 (default 1)")
    parser.add_argument("--repeats", type=int, default=7, help="timed repeats, 3…1000 (default 7)")
    args = parser.parse_args(argv)
    for name, value, low, high in (("--batch-size", args.batch_size, 1, 4096), ("--threads", args.threads, 1, 64),
                                   ("--repeats", args.repeats, 3, 1000)):
        if not low <= value <= high:
            raise UsageError(f"{name} {value} must be in {low}…{high}")
    torch.set_num_threads(args.threads)
    tower, tower_meta, tower_sha = load_tower(args.tower)
    cell, meta, cell_sha = load_cell(args.checkpoint)
    check_tower_matches(meta, tower_meta, tower_sha, args.checkpoint, args.tower)
    questions = load_question_set([args.eval_shard], "eval", meta["family"])
    if questions.size < args.batch_size:
        raise UsageError(f"{args.eval_shard} has {questions.size} questions, fewer than --batch-size {args.batch_size}")
    images = torch.from_numpy(questions.images[questions.image_index[:args.batch_size]])
    tokens = torch.from_numpy(questions.questions[:args.batch_size]).long()

    def image_to_answer() -> torch.Tensor:
        patches, multi = tower(images)
        return cell(patches, multi if cell.needs_multi else None, tokens)

    with torch.inference_mode():
        patches, multi = tower(images)
        multi = multi if cell.needs_multi else None
        pipeline = timed(image_to_answer, args.repeats)
        tower_only = timed(lambda: tower(images), args.repeats)
        cell_only = timed(lambda: cell(patches, multi, tokens), args.repeats)
    median = statistics.median(pipeline)
    report = {
        "cell": meta["cell"], "checkpoint_sha256": cell_sha, "batch_size": args.batch_size, "threads": args.threads,
        "repeats": args.repeats, "seconds": pipeline, "median_seconds": median,
        "examples_per_second": args.batch_size / median,
        "median_tower_seconds": statistics.median(tower_only), "median_cell_seconds": statistics.median(cell_only),
        "load_average_1min": os.getloadavg()[0], "torch_version": torch_version(),
    }
    sys.stdout.write(pretty_json(report))
    return 0


if __name__ == "__main__":
    run_main(main)
