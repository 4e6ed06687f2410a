"""Pretrains the shared vision tower once: per-patch linear heads (one per family, discarded
afterwards) on `patches` predict the shards' `patch_labels`.

    python -m minivlm.pretrain_vision --config TOWER.json --out DIR

Writes `DIR/vision_tower.safetensors` (§3) and, last, `DIR/vision_tower.json` (config, seed,
steps, wall seconds, loss curve, per-family patch accuracy next to the majority-class baseline,
torch version, data digest). Relative paths in the config resolve against its directory.

Why per-patch heads: the features stay local, as CLIP's patch features are, so a compressor that
throws patches away genuinely loses information — the mechanism the miniature grid tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .checkpoint import STORAGE_DTYPES, load_tower, save_tower
from .common import (UsageError, pretty_json, read_json_object, run_main, seed_everything, sha256_file,
                     single_thread, torch_version, write_text_atomically)
from .data import QuestionSet, data_digest, load_question_set, read_shard
from .model import FAMILIES, ConfigError, VisionConfig, VisionTower, check, exact_keys
from .train import Training, example_order, loss_curve

RECORD_FORMAT = "mini-vlm-vision-training/1"


@dataclass(frozen=True)
class PretrainConfig:
    raw: dict[str, Any]
    vision: VisionConfig
    training: Training
    storage_dtype: str
    train_shards: list[Path]
    eval_shards: list[Path]

    @staticmethod
    def read(path: Path) -> "PretrainConfig":
        raw = read_json_object(path, "config")
        try:
            top = exact_keys(raw, dict.fromkeys(["vision", "training", "storage_dtype", "data"]), "config")
            for key in ("vision", "training", "data"):
                check(key in top, f"config lacks `{key}`")
            vision = VisionConfig.from_json(top["vision"])
            training = Training(**exact_keys(top["training"], Training.__dataclass_fields__, "training"))
            data = exact_keys(top["data"], dict.fromkeys(["train_shards", "eval_shards"]), "data")
            for key in ("train_shards", "eval_shards"):
                check(isinstance(data.get(key), list) and data[key] and all(isinstance(p, str) for p in data[key]),
                      f"data.{key} must be a non-empty array of shard paths")
            storage = top.get("storage_dtype", "F16")
            check(storage in STORAGE_DTYPES, f"storage_dtype must be one of {', '.join(STORAGE_DTYPES)}")
        except (ConfigError, TypeError) as error:
            raise UsageError(f"config {path}: {error}") from None
        base = path.resolve().parent
        return PretrainConfig(raw=raw, vision=vision, training=training, storage_dtype=storage,
                              train_shards=[base / p for p in data["train_shards"]],
                              eval_shards=[base / p for p in data["eval_shards"]])


def by_family(paths: list[Path], split: str) -> dict[str, QuestionSet]:
    """The shards grouped by the family their metadata names."""
    families: dict[str, list[Path]] = {}
    for path in paths:
        families.setdefault(read_shard(path, split=split).family, []).append(path)
    return {family: load_question_set(group, split, family) for family, group in sorted(families.items())}


class PatchHeads(nn.Module):
    """One linear classifier of `patches` per family (`heads.reasoning`, `heads.ocr`)."""

    def __init__(self, width: int, classes: dict[str, int]) -> None:
        super().__init__()
        self.heads = nn.ModuleDict({family: nn.Linear(width, count) for family, count in classes.items()})


def patch_accuracy(tower: VisionTower, heads: PatchHeads, family: str, images: np.ndarray, labels: np.ndarray,
                   batch_size: int = 128) -> float:
    correct = 0
    with torch.no_grad():
        for start in range(0, images.shape[0], batch_size):
            patches, _ = tower(torch.from_numpy(images[start:start + batch_size]))
            predicted = heads.heads[family](patches).argmax(-1)
            correct += int((predicted == torch.from_numpy(labels[start:start + batch_size]).long()).sum())
    return correct / labels.size


def majority_accuracy(train_labels: np.ndarray, eval_labels: np.ndarray) -> float:
    """Accuracy of always answering the most frequent training class: the floor to beat."""
    majority = np.bincount(train_labels.ravel()).argmax()
    return float((eval_labels == majority).mean())


def main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minivlm.pretrain_vision", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, type=Path, help="the tower's JSON config")
    parser.add_argument("--out", required=True, type=Path, help="directory for vision_tower.safetensors and .json")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    log = None if args.quiet else (lambda line: print(line, flush=True, file=sys.stderr))

    started = time.perf_counter()
    config = PretrainConfig.read(args.config)
    single_thread()
    seed_everything(config.training.seed)
    train = by_family(config.train_shards, "train")
    evaluation = by_family(config.eval_shards, "eval")
    if set(train) != set(evaluation):
        raise UsageError(f"train shards cover {sorted(train)} but eval shards cover {sorted(evaluation)}")
    digest = data_digest([read_shard(p) for p in config.train_shards + config.eval_shards])
    families = sorted(train)
    classes = {f: max(train[f].patch_label_classes, evaluation[f].patch_label_classes) for f in families}

    images = np.concatenate([train[f].images for f in families])
    labels = torch.from_numpy(np.concatenate([train[f].patch_labels for f in families])).long()
    family_of = torch.from_numpy(np.concatenate([np.full(train[f].images.shape[0], i) for i, f in enumerate(families)]))
    tower, heads = VisionTower(config.vision), PatchHeads(config.vision.width, classes)
    parameters = list(tower.parameters()) + list(heads.parameters())
    opt = torch.optim.AdamW(
        [{"params": [p for p in parameters if p.ndim >= 2], "weight_decay": config.training.weight_decay},
         {"params": [p for p in parameters if p.ndim < 2], "weight_decay": 0.0}],
        lr=config.training.learning_rate, betas=(0.9, 0.98))
    order = example_order(images.shape[0], config.training.examples, config.training.seed)
    training = config.training
    losses: list[float] = []
    tower.train()
    for step in range(training.steps):
        rows = torch.from_numpy(order[step * training.batch_size:(step + 1) * training.batch_size])
        for group in opt.param_groups:
            group["lr"] = training.learning_rate_at(step)
        patches, _ = tower(torch.from_numpy(images[rows.numpy()]))
        loss = torch.zeros(())
        for index, family in enumerate(families):
            mask = family_of[rows] == index
            if mask.any():
                logits = heads.heads[family](patches[mask])
                loss = loss + F.cross_entropy(logits.flatten(0, 1), labels[rows][mask].flatten(), reduction="sum")
        loss = loss / (rows.numel() * config.vision.patch_count)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(parameters, training.gradient_clip)
        opt.step()
        losses.append(loss.item())
        if log and (step + 1) % max(1, training.steps // 10) == 0:
            log(f"step {step + 1}/{training.steps}  loss {np.mean(losses[-max(1, training.steps // 10):]):.4f}")
    training_seconds = time.perf_counter() - started

    path = args.out / "vision_tower.safetensors"
    save_tower(path, tower, digest, training.seed, config.storage_dtype)
    stored, _, tower_sha = load_tower(path)  # measure the tower as the cells will load it
    accuracy = {f: {"patch_accuracy": patch_accuracy(stored, heads, f, evaluation[f].images, evaluation[f].patch_labels),
                    "majority_class_accuracy": majority_accuracy(train[f].patch_labels, evaluation[f].patch_labels),
                    "eval_images": int(evaluation[f].images.shape[0])}
                for f in families}
    record = {
        "format": RECORD_FORMAT, "config": config.raw, "vision": config.vision.to_json(), "seed": training.seed,
        "steps": training.steps, "examples": training.examples, "batch_size": training.batch_size,
        "threads": torch.get_num_threads(), "wall_seconds": time.perf_counter() - started,
        "training_seconds": training_seconds, "loss_curve": loss_curve(losses, training.batch_size, training.examples),
        "final_train_loss": float(np.mean(losses[-max(1, len(losses) // 20):])), "eval": accuracy,
        "torch_version": torch_version(), "data_digest": digest,
        "checkpoint": {"file": path.name, "sha256": tower_sha, "storage_dtype": config.storage_dtype},
        "train_images": {f: int(train[f].images.shape[0]) for f in families},
    }
    write_text_atomically(args.out / "vision_tower.json", pretty_json(record))
    if log:
        log("patch accuracy " + ", ".join(f"{f} {a['patch_accuracy']:.4f} (majority {a['majority_class_accuracy']:.4f})"
                                          for f, a in accuracy.items()) + f"; {record['wall_seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    run_main(main)
