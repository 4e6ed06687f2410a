"""Evaluates a cell checkpoint on an eval shard in PyTorch: accuracy, mean cross-entropy, per
question type, and every question's prediction with its top-two logit margin.

    python -m minivlm.evaluate --tower T.safetensors --checkpoint CELL.safetensors \
        --eval-shard EVAL.safetensors [--predictions OUT.predictions.safetensors] [--json OUT.json]

The per-question predictions are what the Swift engine compares itself against: same argmax
everywhere except where PyTorch's own top-two margin is within rounding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np
import torch

from .checkpoint import check_tower_matches, load_cell, load_tower, save_tensors
from .common import UsageError, pretty_json, run_main, single_thread, torch_version, write_text_atomically
from .data import QuestionSet, load_question_set
from .features import FeatureCache
from .model import Cell, answer_statistics

PREDICTIONS_FORMAT = "mini-vlm-predictions/1"


def predict(cell: Cell, features: FeatureCache, questions: QuestionSet, batch_size: int = 256) -> dict[str, torch.Tensor]:
    """Per-question `prediction` (I32), `margin` and `cross_entropy` (F32) over the whole set."""
    parts: dict[str, list[torch.Tensor]] = {"prediction": [], "margin": [], "cross_entropy": []}
    cell.eval()
    with torch.no_grad():
        for start in range(0, questions.size, batch_size):
            rows = slice(start, start + batch_size)
            patches, multi = features.batch(torch.from_numpy(questions.image_index[rows]))
            logits = cell(patches, multi, torch.from_numpy(questions.questions[rows]).long())
            for name, value in answer_statistics(logits, torch.from_numpy(questions.answers[rows])).items():
                parts[name].append(value)
    return {name: torch.cat(values) for name, values in parts.items()}


def summarize(stats: dict[str, torch.Tensor], questions: QuestionSet) -> dict[str, Any]:
    """Accuracy and mean cross-entropy (natural log) overall and per question type."""
    correct = (stats["prediction"].numpy() == questions.answers)
    losses = stats["cross_entropy"].numpy().astype(np.float64)

    def block(mask: np.ndarray) -> dict[str, Any]:
        count = int(mask.sum())
        return {"questions": count,
                "accuracy": float(correct[mask].mean()) if count else None,
                "mean_cross_entropy": float(losses[mask].mean()) if count else None}

    summary = block(np.ones_like(correct, dtype=bool))
    summary["per_type"] = {name: block(questions.question_types == index)
                           for index, name in enumerate(questions.question_type_names)}
    return summary


def save_predictions(path: Path, stats: dict[str, torch.Tensor], cell: str, checkpoint_sha256: str,
                     eval_shard_sha256: str, vision_tower_sha256: str) -> None:
    """`prediction` I32 `[n]`, `margin` F32 `[n]`, `cross_entropy` F32 `[n]`, in eval-shard order."""
    metadata = {"format": PREDICTIONS_FORMAT, "cell": cell, "checkpoint_sha256": checkpoint_sha256,
                "eval_shard_sha256": eval_shard_sha256, "vision_tower_sha256": vision_tower_sha256,
                "torch_version": torch_version()}
    save_tensors(path, stats, metadata, "F32")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m minivlm.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tower", required=True, type=Path, help="vision tower checkpoint the cell was trained with")
    parser.add_argument("--checkpoint", required=True, type=Path, help="cell checkpoint (§3)")
    parser.add_argument("--eval-shard", required=True, type=Path, help="eval shard of the cell's family")
    parser.add_argument("--predictions", type=Path, help="write per-question predictions here (safetensors)")
    parser.add_argument("--json", type=Path, help="write the summary here as well as to stdout")
    parser.add_argument("--batch-size", type=int, default=256, help="questions per forward pass, 1…4096 (default 256)")
    args = parser.parse_args(argv)
    if not 1 <= args.batch_size <= 4096:
        raise UsageError(f"--batch-size {args.batch_size} must be in 1…4096")
    return args


def main(argv: list[str] | None) -> int:
    args = parse(argv)
    single_thread()
    tower, tower_meta, tower_sha = load_tower(args.tower)
    cell, meta, cell_sha = load_cell(args.checkpoint)
    check_tower_matches(meta, tower_meta, tower_sha, args.checkpoint, args.tower)
    questions = load_question_set([args.eval_shard], "eval", meta["family"])
    if questions.question_tokens != cell.config.question_tokens or len(questions.vocabulary) != cell.config.language.vocabulary_size:
        raise UsageError(f"{args.eval_shard} does not match the checkpoint's question length or vocabulary")
    features = FeatureCache(tower, questions.images, cell.needs_multi)
    stats = predict(cell, features, questions, args.batch_size)
    summary = {"cell": meta["cell"], "checkpoint_sha256": cell_sha, "eval_shard_sha256": questions.shard_sha256[0],
               "torch_version": torch_version(), **summarize(stats, questions)}
    if args.predictions:
        save_predictions(args.predictions, stats, meta["cell"], cell_sha, questions.shard_sha256[0], tower_sha)
    text = pretty_json(summary)
    if args.json:
        write_text_atomically(args.json, text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    run_main(main)
