"""End to end: train a cell on tiny random shards, evaluate it, and refuse bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import torch
from safetensors import safe_open

from minivlm import evaluate, train
from minivlm.checkpoint import save_tower
from minivlm.common import run_main
from minivlm.model import VisionTower

from .support import write_manifest, write_shard
from .test_model import VISION

TRAINING = Path(__file__).resolve().parents[1]


def learnable_shard(path: Path, split: str, seed: int) -> Path:
    """The answer is the question's first token: learnable from the text alone."""
    rng = np.random.default_rng(seed)
    questions = rng.integers(1, 24, (400, 4), dtype=np.int32)
    return write_shard(path, split=split, seed=seed, n_questions=400, questions=questions,
                       answers=questions[:, 0].copy())


class TrainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = Path(tempfile.mkdtemp())
        data = cls.directory / "data"
        data.mkdir()
        learnable_shard(data / "reasoning-train-0.safetensors", "train", 1)
        learnable_shard(data / "reasoning-eval-0.safetensors", "eval", 2)
        write_manifest(data)
        torch.manual_seed(0)
        save_tower(cls.directory / "tower.safetensors", VisionTower(VISION), "digest", 0)

    def config(self, kind: str, **changes) -> Path:
        value = {"family": "reasoning", "compressor": kind, "visual_tokens": 4, "compressor_heads": 2,
                 "language": {"width": 32, "layers": 2, "heads": 2, "mlp_width": 88, "rope_theta": 10000.0,
                              "tied_embeddings": True},
                 "training": {"examples": 3200, "batch_size": 64, "learning_rate": 0.01, "weight_decay": 0.01, "seed": 0},
                 "data": {"train_shards": ["data/reasoning-train-0.safetensors"],
                          "eval_shard": "data/reasoning-eval-0.safetensors", "vision_tower": "tower.safetensors"}}
        value.update(changes)
        path = self.directory / f"{kind}-{len(list(self.directory.glob('*.json')))}.json"
        path.write_text(json.dumps(value))
        return path

    def test_a_cell_learns_and_its_record_and_predictions_agree(self):
        out = self.directory / "out"
        self.assertEqual(train.main(["--config", str(self.config("tokenpacker")), "--out", str(out), "--quiet"]), 0)
        name = "reasoning-tokenpacker-d32l2-v4-s0"
        record = json.loads((out / f"{name}.json").read_text())
        self.assertEqual(record["steps"], 50)
        self.assertGreater(record["eval"]["accuracy"], 0.5)  # chance is 1/23
        self.assertEqual(sum(t["questions"] for t in record["eval"]["per_type"].values()), 400)
        self.assertEqual(record["non_embedding_parameters"], 2 * (4 * 32 * 32 + 3 * 32 + 3 * 32 * 88 + 2 * 32) + 32)
        with safe_open(str(out / f"{name}.predictions.safetensors"), "pt") as handle:
            predictions = handle.get_tensor("prediction")
            self.assertEqual(predictions.dtype, torch.int32)
            self.assertEqual(handle.get_tensor("margin").shape, (400,))
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            evaluate.main(["--tower", str(self.directory / "tower.safetensors"), "--checkpoint",
                           str(out / f"{name}.safetensors"), "--eval-shard",
                           str(self.directory / "data/reasoning-eval-0.safetensors")])
        self.assertEqual(json.loads(buffer.getvalue())["accuracy"], record["eval"]["accuracy"])

    def test_grouped_order_keeps_images_together_and_sees_every_question_each_epoch(self):
        image_index = np.repeat(np.arange(7), 3)[np.r_[0:20]]  # the last image has 2 questions
        order = train.grouped_order(image_index, 45, seed=3)
        self.assertEqual(len(order), 45)
        self.assertEqual(sorted(order[:20].tolist()), list(range(20)))  # epoch 1: each question once
        self.assertEqual(sorted(order[20:40].tolist()), list(range(20)))
        images = image_index[order[:20]]
        self.assertEqual(len([i for i in range(1, 20) if images[i] != images[i - 1]]), 6)  # 7 contiguous runs
        self.assertNotEqual(images.tolist(), sorted(images.tolist()))  # shuffled
        self.assertEqual(order.tolist(), train.grouped_order(image_index, 45, seed=3).tolist())

    def test_the_feature_cache_is_filled_once_and_gives_the_same_model(self):
        cache = self.directory / "features"
        config = self.config("pool", training={"examples": 640, "batch_size": 64, "learning_rate": 0.01,
                                               "weight_decay": 0.01, "seed": 0})
        records = []
        for run in ("cold", "warm"):
            out = self.directory / f"cache-{run}"
            self.assertEqual(train.main(["--config", str(config), "--out", str(out), "--quiet",
                                         "--feature-cache", str(cache)]), 0)
            records.append(json.loads((out / "reasoning-pool-d32l2-v4-s0.json").read_text()))
        self.assertEqual(records[0]["feature_cache_hits"], [False, False])
        self.assertEqual(records[1]["feature_cache_hits"], [True, True])
        self.assertEqual(len(list(cache.glob("*.npy"))), 2)  # train and eval images
        self.assertEqual(records[0]["checkpoint"]["sha256"], records[1]["checkpoint"]["sha256"])

    def test_training_is_deterministic(self):
        outputs = []
        for run in ("a", "b"):
            out = self.directory / f"det-{run}"
            config = self.config("quecc", training={"examples": 256, "batch_size": 64, "learning_rate": 0.01,
                                                    "weight_decay": 0.01, "seed": 3})
            train.main(["--config", str(config), "--out", str(out), "--quiet"])
            outputs.append([(out / f"reasoning-quecc-d32l2-v4-s3{suffix}").read_bytes()
                            for suffix in (".safetensors", ".predictions.safetensors")])
        self.assertEqual(outputs[0], outputs[1])

    def test_bad_configs_exit_2_with_a_message(self):
        cases = {
            "unknown key": ({"learning_rate": 0.1}, "unknown key"),
            "visual tokens": ({"visual_tokens": 5}, "supported: 1, 4, 9, 16, 36, 144"),
            "compressor": ({"compressor": "resampler"}, "compressor 'resampler'"),
            "cell name": ({"cell": "reasoning-pool-d32l2-v4-s0"}, "settings make it"),
            "missing shard": ({"data": {"train_shards": ["nope.safetensors"], "eval_shard": "x", "vision_tower": "tower.safetensors"}},
                              "does not exist"),
        }
        for name, (changes, message) in cases.items():
            with self.subTest(name):
                argv = ["--config", str(self.config("quecc", **changes)), "--out", str(self.directory / "bad")]
                stderr = io.StringIO()
                with redirect_stderr(stderr), self.assertRaises(SystemExit) as exit:
                    run_main(lambda _: train.main(argv))
                self.assertEqual(exit.exception.code, 2)
                self.assertIn(message, stderr.getvalue())

    def test_the_module_entry_point_reports_errors_without_a_traceback(self):
        result = subprocess.run([sys.executable, "-m", "minivlm.train", "--config", str(self.directory / "absent.json"),
                                 "--out", str(self.directory / "bad")], capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(TRAINING)})
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr.strip(), f"error: config {self.directory / 'absent.json'} does not exist")

if __name__ == "__main__":
    unittest.main()
