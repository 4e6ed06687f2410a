"""Tiny random shards in the §1 format, written inside tests only (never a data source)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
from safetensors.numpy import save_file

VOCABULARY = ["<pad>"] + [f"t{i}" for i in range(1, 24)]
QUESTION_TYPES = ["count", "colour", "relation"]


def write_shard(path: Path, family: str = "reasoning", split: str = "train", n_images: int = 12,
                n_questions: int = 40, question_tokens: int = 4, seed: int = 0, classes: int = 5,
                **overrides) -> Path:
    rng = np.random.default_rng(seed)
    tensors = {
        "images": rng.integers(0, 256, (n_images, 48, 48, 3), dtype=np.uint8),
        "patch_labels": rng.integers(0, classes, (n_images, 144), dtype=np.uint8),
        "questions": rng.integers(1, len(VOCABULARY), (n_questions, question_tokens), dtype=np.int32),
        "answers": rng.integers(1, len(VOCABULARY), (n_questions,), dtype=np.int32),
        "question_types": rng.integers(0, len(QUESTION_TYPES), (n_questions,), dtype=np.int32),
        "image_index": rng.integers(0, n_images, (n_questions,), dtype=np.int32),
    }
    tensors.update({k: v for k, v in overrides.items() if k in tensors})
    metadata = {"format": "mini-tasks/1", "family": family, "generator_version": "test", "split": split,
                "seed": seed, "shard": 0, "vocabulary": VOCABULARY, "question_types": QUESTION_TYPES,
                "question_tokens": question_tokens, "patch_label_classes": classes}
    metadata.update({k: v for k, v in overrides.items() if k not in tensors})
    save_file(tensors, str(path), metadata={"mini_tasks": json.dumps(metadata)})
    return path


def write_manifest(directory: Path) -> Path:
    shards = sorted(directory.glob("*.safetensors"))
    entries = [{"file": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in shards]
    path = directory / "manifest.json"
    path.write_text(json.dumps({"format": "mini-tasks-manifest/1", "splits": [{"split": "train", "shards": entries}]}))
    return path
