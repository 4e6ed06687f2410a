"""Trains ONE grid cell (compressor + LM on the frozen tower) from a JSON config.

    python -m minivlm.train --config CELL.json --out DIR

Writes `DIR/<cell>.safetensors` (§3 cell checkpoint), `DIR/<cell>.predictions.safetensors`
(PyTorch's argmax, top-two margin and cross-entropy for every eval question, evaluated on the
checkpoint as stored, so the Swift engine can be compared with it) and, last, the training
record `DIR/<cell>.json`. Relative paths in the config are resolved against the config file's
directory. One thread; every source of randomness (initialisation, data order) is seeded.
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from .checkpoint import STORAGE_DTYPES, cell_metadata, load_cell, load_tower, save_cell
from .common import (UsageError, pretty_json, read_json_object, run_main, seed_everything, sha256_file,
                     single_thread, torch_version, write_text_atomically)
from .data import QuestionSet, check_compatible, load_question_set
from .evaluate import predict, save_predictions, summarize
from .features import FeatureCache
from .model import Cell, CellConfig, ConfigError, LanguageConfig, check, exact_keys

RECORD_FORMAT = "mini-vlm-training/1"
CURVE_POINTS = 20


@dataclass(frozen=True)
class Training:
    """Optimisation settings: AdamW (β = 0.9, 0.98), linear warm-up then cosine decay from
    `learning_rate` to `learning_rate · final_learning_rate_fraction`, gradient-norm clipping;
    weight decay on matrices only (not biases, norms, or the class/position vectors)."""

    examples: int
    batch_size: int
    learning_rate: float
    weight_decay: float
    seed: int
    warmup_fraction: float = 0.05
    final_learning_rate_fraction: float = 0.1
    gradient_clip: float = 1.0

    def __post_init__(self) -> None:
        check(isinstance(self.examples, int) and 1 <= self.examples <= 100_000_000, "training.examples must be an integer in 1…100000000")
        check(isinstance(self.batch_size, int) and 1 <= self.batch_size <= 65536, "training.batch_size must be an integer in 1…65536")
        check(0 < self.learning_rate <= 1, "training.learning_rate must be in (0, 1]")
        check(0 <= self.weight_decay <= 1, "training.weight_decay must be in 0…1")
        check(isinstance(self.seed, int) and 0 <= self.seed < 2**31, "training.seed must be an integer in 0…2147483647")
        check(0 <= self.warmup_fraction < 1, "training.warmup_fraction must be in [0, 1)")
        check(0 <= self.final_learning_rate_fraction <= 1, "training.final_learning_rate_fraction must be in 0…1")
        check(0 < self.gradient_clip <= 1e6, "training.gradient_clip must be in (0, 1e6]")

    @property
    def steps(self) -> int:
        return math.ceil(self.examples / self.batch_size)

    def learning_rate_at(self, step: int) -> float:
        warmup = round(self.warmup_fraction * self.steps)
        if step < warmup:
            return self.learning_rate * (step + 1) / warmup
        progress = (step - warmup) / max(1, self.steps - warmup)
        floor = self.final_learning_rate_fraction
        return self.learning_rate * (floor + (1 - floor) * 0.5 * (1 + math.cos(math.pi * progress)))


LANGUAGE_KEYS = {"width", "layers", "heads", "mlp_width", "rope_theta", "tied_embeddings", "rms_epsilon"}


@dataclass(frozen=True)
class TrainConfig:
    """The JSON config of one cell (README documents every key)."""

    raw: dict[str, Any]
    family: str
    compressor: str
    visual_tokens: int
    compressor_heads: int
    language: dict[str, Any]
    training: Training
    storage_dtype: str
    train_shards: list[Path]
    eval_shard: Path
    vision_tower: Path
    cell: str | None

    @staticmethod
    def read(path: Path) -> "TrainConfig":
        raw = read_json_object(path, "config")
        try:
            top = exact_keys(raw, dict.fromkeys(["family", "compressor", "visual_tokens", "compressor_heads", "language",
                                                 "training", "storage_dtype", "data", "cell"]), "config")
            for key in ("family", "compressor", "visual_tokens", "compressor_heads", "language", "training", "data"):
                check(key in top, f"config lacks `{key}`")
            language = exact_keys(top["language"], dict.fromkeys(LANGUAGE_KEYS), "language")
            for key in sorted(LANGUAGE_KEYS - {"rms_epsilon"}):
                check(key in language, f"language lacks `{key}`")
            training = Training(**exact_keys(top["training"], Training.__dataclass_fields__, "training"))
            data = exact_keys(top["data"], dict.fromkeys(["train_shards", "eval_shard", "vision_tower"]), "data")
            check(set(data) == {"train_shards", "eval_shard", "vision_tower"},
                  "data needs `train_shards` (array of paths), `eval_shard` and `vision_tower`")
            check(isinstance(data["train_shards"], list) and data["train_shards"]
                  and all(isinstance(p, str) for p in data["train_shards"]), "data.train_shards must be a non-empty array of paths")
            check(isinstance(data["eval_shard"], str) and isinstance(data["vision_tower"], str),
                  "data.eval_shard and data.vision_tower must be paths")
            storage = top.get("storage_dtype", "F16")
            check(storage in STORAGE_DTYPES, f"storage_dtype must be one of {', '.join(STORAGE_DTYPES)}")
        except TypeError as error:
            raise UsageError(f"config {path}: {error}") from None
        except ConfigError as error:
            raise UsageError(f"config {path}: {error}") from None
        base = path.resolve().parent
        return TrainConfig(
            raw=raw, family=top["family"], compressor=top["compressor"], visual_tokens=top["visual_tokens"],
            compressor_heads=top["compressor_heads"], language=language, training=training, storage_dtype=storage,
            train_shards=[base / p for p in data["train_shards"]], eval_shard=base / data["eval_shard"],
            vision_tower=base / data["vision_tower"], cell=top.get("cell"))


def cell_config(config: TrainConfig, train: QuestionSet, vision) -> CellConfig:
    language = LanguageConfig(vocabulary_size=len(train.vocabulary), **config.language)
    return CellConfig(family=config.family, compressor=config.compressor, visual_tokens=config.visual_tokens,
                      question_tokens=train.question_tokens, compressor_heads=config.compressor_heads,
                      language=language, vision=vision)


def optimizer(cell: Cell, training: Training) -> torch.optim.Optimizer:
    decay = [p for p in cell.parameters() if p.ndim >= 2]
    rest = [p for p in cell.parameters() if p.ndim < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": training.weight_decay},
                              {"params": rest, "weight_decay": 0.0}],
                             lr=training.learning_rate, betas=(0.9, 0.98), eps=1e-8)


def example_order(size: int, examples: int, seed: int) -> np.ndarray:
    """`examples` question indices: seeded permutations of the set, one epoch after another."""
    rng = np.random.Generator(np.random.PCG64(seed))
    epochs = math.ceil(examples / size)
    return np.concatenate([rng.permutation(size) for _ in range(epochs)])[:examples]


def grouped_order(image_index: np.ndarray, examples: int, seed: int) -> np.ndarray:
    """`examples` question indices, epoch after epoch, each epoch a seeded permutation of the
    *images* with every image's questions kept together (in shard order).

    Why grouped: a batch then holds whole images, so the connector (compressor + projector)
    runs once per image and its output is shared by the image's questions
    (`Cell.forward(owner=…)`); TokenPacker-style training is connector-bound, so this is most
    of its cost. Each question is still seen once per epoch."""
    rng = np.random.Generator(np.random.PCG64(seed))
    images = int(image_index.max()) + 1
    size = image_index.shape[0]
    epochs = math.ceil(examples / size)
    parts = []
    for _ in range(epochs):
        rank = np.empty(images, dtype=np.int64)
        rank[rng.permutation(images)] = np.arange(images)
        parts.append(np.argsort(rank[image_index], kind="stable"))
    return np.concatenate(parts)[:examples]


def loss_curve(losses: list[float], batch_size: int, examples: int) -> list[dict[str, float]]:
    """Mean training loss over `CURVE_POINTS` equal stretches of the run."""
    edges = np.linspace(0, len(losses), min(CURVE_POINTS, len(losses)) + 1).round().astype(int)
    return [{"examples": min(int(end) * batch_size, examples), "loss": float(np.mean(losses[start:end]))}
            for start, end in zip(edges[:-1], edges[1:])]


def train_cell(cell: Cell, features: FeatureCache, train: QuestionSet, training: Training,
               log=None) -> list[float]:
    """Runs the optimisation; returns the loss of every step."""
    opt = optimizer(cell, training)
    order = grouped_order(train.image_index, training.examples, training.seed)
    questions = torch.from_numpy(train.questions).long()
    answers = torch.from_numpy(train.answers).long()
    image_index = torch.from_numpy(train.image_index)
    losses = []
    cell.train()
    for step in range(training.steps):
        rows = torch.from_numpy(order[step * training.batch_size:(step + 1) * training.batch_size])
        for group in opt.param_groups:
            group["lr"] = training.learning_rate_at(step)
        images, owner = torch.unique(image_index[rows], return_inverse=True)
        patches, multi = features.batch(images)
        loss = F.cross_entropy(cell(patches, multi, questions[rows], owner=owner), answers[rows])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(cell.parameters(), training.gradient_clip)
        opt.step()
        losses.append(loss.item())
        if log and (step + 1) % max(1, training.steps // 10) == 0:
            log(f"step {step + 1}/{training.steps}  loss {np.mean(losses[-max(1, training.steps // 10):]):.4f}")
    return losses


def parameter_count(module: torch.nn.Module) -> int:
    return sum(p.numel() for p in {id(p): p for p in module.parameters()}.values())


def main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minivlm.train", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", required=True, type=Path, help="the cell's JSON config")
    parser.add_argument("--out", required=True, type=Path, help="directory for checkpoint, predictions and record")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--feature-cache", type=Path, default=None,
                        help="directory of tower features keyed by content, shared by cells (default: none)")
    args = parser.parse_args(argv)
    log = None if args.quiet else (lambda line: print(line, flush=True, file=__import__("sys").stderr))

    started = time.perf_counter()
    config = TrainConfig.read(args.config)
    single_thread()
    seed_everything(config.training.seed)
    tower, tower_meta, tower_sha = load_tower(config.vision_tower)
    train = load_question_set(config.train_shards, "train", config.family)
    evaluation = load_question_set([config.eval_shard], "eval", config.family)
    check_compatible(train, evaluation)
    if train.data_digest != evaluation.data_digest:
        raise UsageError("train and eval shards come from different data sets (manifests): generate them in one run")
    try:
        cfg = cell_config(config, train, tower.config)
    except ConfigError as error:
        raise UsageError(f"config {args.config}: {error}") from None
    name = cfg.name(config.training.seed)
    if config.cell is not None and config.cell != name:
        raise UsageError(f"config names the cell {config.cell!r} but its settings make it {name!r}")

    cell = Cell(cfg)
    features_started = time.perf_counter()
    train_features = FeatureCache(tower, train.images, cell.needs_multi, cache_directory=args.feature_cache,
                                  content_key=[tower_sha, *train.shard_sha256])
    eval_features = FeatureCache(tower, evaluation.images, cell.needs_multi, cache_directory=args.feature_cache,
                                 content_key=[tower_sha, *evaluation.shard_sha256])
    training_started = time.perf_counter()
    if log:
        log(f"{name}: {train.size} train questions, {evaluation.size} eval; features in "
            f"{training_started - features_started:.1f} s; {config.training.steps} steps")
    losses = train_cell(cell, train_features, train, config.training, log)
    training_seconds = time.perf_counter() - training_started

    args.out.mkdir(parents=True, exist_ok=True)
    checkpoint = args.out / f"{name}.safetensors"
    save_cell(checkpoint, cell, cell_metadata(cfg, name, tower_sha, train.data_digest), config.storage_dtype)
    stored, _, checkpoint_sha = load_cell(checkpoint)  # evaluate exactly what the engine will load
    stats = predict(stored, eval_features, evaluation)
    predictions = args.out / f"{name}.predictions.safetensors"
    save_predictions(predictions, stats, name, checkpoint_sha, evaluation.shard_sha256[0], tower_sha)
    tail = losses[-max(1, len(losses) // 20):]
    record = {
        "format": RECORD_FORMAT, "cell": name, "config": config.raw,
        "resolved_paths": {"train_shards": [str(p) for p in config.train_shards], "eval_shard": str(config.eval_shard),
                           "vision_tower": str(config.vision_tower)},
        "seed": config.training.seed, "steps": config.training.steps, "examples": config.training.examples,
        "batch_size": config.training.batch_size, "threads": torch.get_num_threads(),
        "wall_seconds": time.perf_counter() - started, "feature_seconds": training_started - features_started,
        "feature_cache_hits": [train_features.cache_hit, eval_features.cache_hit],
        "training_seconds": training_seconds, "examples_per_second": config.training.examples / training_seconds,
        "loss_curve": loss_curve(losses, config.training.batch_size, config.training.examples),
        "final_train_loss": float(np.mean(tail)),
        "eval": summarize(stats, evaluation),
        "non_embedding_parameters": cfg.language.non_embedding_parameters,
        "parameters": {"connector": parameter_count(cell.connector), "language_model": parameter_count(cell.language_model)},
        "torch_version": torch_version(), "data_digest": train.data_digest, "vision_tower_sha256": tower_sha,
        "train_shard_sha256": train.shard_sha256, "eval_shard_sha256": evaluation.shard_sha256[0],
        "checkpoint": {"file": checkpoint.name, "sha256": checkpoint_sha, "storage_dtype": config.storage_dtype},
        "predictions": {"file": predictions.name, "sha256": sha256_file(predictions)},
        "parity": None,
    }
    write_text_atomically(args.out / f"{name}.json", pretty_json(record))
    if log:
        log(f"{name}: eval accuracy {record['eval']['accuracy']:.4f}, mean CE {record['eval']['mean_cross_entropy']:.4f}, "
            f"{record['wall_seconds']:.1f} s")
    return 0


if __name__ == "__main__":
    run_main(main)
