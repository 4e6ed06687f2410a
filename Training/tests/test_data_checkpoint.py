"""Shard validation (§1) and checkpoint round trips (§3)."""

from __future__ import annotations

import json
import tempfile
import unittest
from pathlib import Path

import numpy as np
import torch
from safetensors import safe_open
from safetensors.torch import save_file

from minivlm.checkpoint import cell_metadata, load_cell, load_tower, save_cell, save_tower
from minivlm.common import UsageError
from minivlm.data import load_question_set, read_shard
from minivlm.model import Cell, VisionTower

from .support import write_manifest, write_shard
from .test_model import VISION, cell_config


class ShardTest(unittest.TestCase):
    def setUp(self):
        self.directory = Path(tempfile.mkdtemp())

    def test_a_valid_set_concatenates_with_global_image_indices(self):
        a = write_shard(self.directory / "a.safetensors", n_images=5, n_questions=7, seed=1)
        b = write_shard(self.directory / "b.safetensors", n_images=4, n_questions=6, seed=2)
        write_manifest(self.directory)
        questions = load_question_set([a, b], "train", "reasoning")
        self.assertEqual(questions.images.shape, (9, 48, 48, 3))
        self.assertEqual(questions.size, 13)
        self.assertTrue((questions.image_index[7:] >= 5).all())
        self.assertEqual(len(questions.data_digest), 64)

    def test_contract_violations_are_refused_with_a_reason(self):
        cases = {
            "pad token": ({"questions": np.zeros((40, 4), np.int32)}, "0 is <pad>"),
            "image index": ({"image_index": np.full(40, 12, np.int32)}, "image_index has values outside"),
            "dtype": ({"answers": np.zeros(40, np.int64)}, "answers is int64"),
            "shape": ({"patch_labels": np.zeros((12, 100), np.uint8)}, "patch_labels has shape"),
            "format": ({"format": "mini-tasks/0"}, "format"),
            "family": ({"family": "maths"}, "family"),
            "question length": ({"questions": np.ones((40, 5), np.int32)}, "questions has shape"),
        }
        for name, (overrides, message) in cases.items():
            with self.subTest(name):
                path = write_shard(self.directory / f"{name}.safetensors", **overrides)
                with self.assertRaisesRegex(UsageError, message):
                    read_shard(path)

    def test_split_family_and_manifest_are_checked(self):
        path = write_shard(self.directory / "s.safetensors", split="eval")
        with self.assertRaisesRegex(UsageError, "'eval' shard where a 'train' shard"):
            load_question_set([path], "train")
        with self.assertRaisesRegex(UsageError, "family 'reasoning', expected 'ocr'"):
            read_shard(path, family="ocr")
        with self.assertRaisesRegex(UsageError, "no manifest.json"):
            load_question_set([path], "eval")
        write_manifest(self.directory)
        write_shard(path, split="eval", seed=9)  # changed after the manifest was written
        with self.assertRaisesRegex(UsageError, "changed after generation"):
            load_question_set([path], "eval")


class CheckpointTest(unittest.TestCase):
    def setUp(self):
        self.directory = Path(tempfile.mkdtemp())
        torch.manual_seed(0)

    def test_tower_round_trip_and_names(self):
        tower = VisionTower(VISION)
        path = self.directory / "tower.safetensors"
        save_tower(path, tower, "digest", 7, "F32")
        loaded, metadata, sha = load_tower(path)
        self.assertEqual(metadata, {"format": "mini-vlm-vision/1", "vision": VISION.to_json(), "data_digest": "digest", "seed": 7})
        for name, value in tower.state_dict().items():
            self.assertTrue(torch.equal(value, loaded.state_dict()[name]), name)
        with safe_open(str(path), "pt") as handle:
            self.assertTrue(all(k.startswith("vision_tower.") for k in handle.keys()))
        self.assertEqual(len(sha), 64)

    def test_tied_cell_stores_lm_head_and_f16_rounds(self):
        cell = Cell(cell_config("quecc"))
        path = self.directory / "cell.safetensors"
        metadata = cell_metadata(cell.config, "reasoning-quecc-d32l2-v9-s0", "a" * 64, "b" * 64)
        save_cell(path, cell, metadata, "F16")
        with safe_open(str(path), "pt") as handle:
            stored = json.loads(handle.metadata()["mini_vlm"])
            head = handle.get_tensor("language_model.lm_head.weight")
            self.assertEqual(head.dtype, torch.float16)
            self.assertIn("connector.compressor.q_downsample.s4.weight", handle.keys())
        self.assertEqual(stored["format"], "mini-vlm/1")
        self.assertEqual(stored["language"]["tied_embeddings"], True)
        loaded, _, _ = load_cell(path)
        embed = loaded.language_model.model.embed_tokens.weight
        self.assertIs(loaded.language_model.lm_head.weight, embed)
        self.assertTrue(torch.equal(embed, cell.language_model.model.embed_tokens.weight.half().float()))

    def test_saving_twice_gives_identical_bytes(self):
        cell = Cell(cell_config("tokenpacker", tied=False))
        metadata = cell_metadata(cell.config, "x", "a" * 64, "b" * 64)
        save_cell(self.directory / "1.safetensors", cell, metadata)
        save_cell(self.directory / "2.safetensors", cell, metadata)
        self.assertEqual((self.directory / "1.safetensors").read_bytes(), (self.directory / "2.safetensors").read_bytes())

    def test_wrong_checkpoints_are_refused(self):
        cell = Cell(cell_config("pool"))
        metadata = cell_metadata(cell.config, "x", "a" * 64, "b" * 64)
        tensors = {k: v.clone() for k, v in cell.state_dict().items()}
        path = self.directory / "bad.safetensors"

        def write(tensors, metadata):
            save_file(tensors, str(path), metadata={"mini_vlm": json.dumps(metadata)})

        write({k: v for k, v in tensors.items() if k != "language_model.model.norm.weight"}, metadata)
        with self.assertRaisesRegex(UsageError, "missing: language_model.model.norm.weight"):
            load_cell(path)
        write({**tensors, "language_model.lm_head.weight": torch.zeros(24, 32)}, metadata)
        with self.assertRaisesRegex(UsageError, "tied_embeddings is true"):
            load_cell(path)
        write(tensors, {**metadata, "visual_tokens": 8})
        with self.assertRaisesRegex(UsageError, "visual_tokens 8"):
            load_cell(path)
        write(tensors, {**metadata, "format": "mini-vlm/2"})
        with self.assertRaisesRegex(UsageError, "format"):
            load_cell(path)


if __name__ == "__main__":
    unittest.main()
