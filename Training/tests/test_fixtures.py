"""The committed parity fixtures still describe what the PyTorch model computes."""

from __future__ import annotations

import unittest

import torch
from safetensors import safe_open

from minivlm.checkpoint import load_cell, load_tower
from minivlm.fixtures import CELLS, DEFAULT_OUT


def read(name: str) -> dict[str, torch.Tensor]:
    with safe_open(str(DEFAULT_OUT / name), "pt") as handle:
        return {key: handle.get_tensor(key) for key in handle.keys()}


class FixturesTest(unittest.TestCase):
    def test_goldens_match_the_committed_checkpoints(self):
        tower, _, tower_sha = load_tower(DEFAULT_OUT / "tower.safetensors")
        golden = read("tower.golden.safetensors")
        with torch.no_grad():
            patches, multi = tower(golden["images"])
        torch.testing.assert_close(patches, golden["patches"], rtol=1e-5, atol=1e-5)
        torch.testing.assert_close(multi, golden["multi"], rtol=1e-5, atol=1e-5)
        for compressor, (tokens, tied, dtype) in CELLS.items():
            with self.subTest(compressor):
                cell, metadata, _ = load_cell(DEFAULT_OUT / f"{compressor}.safetensors")
                self.assertEqual((metadata["visual_tokens"], metadata["language"]["tied_embeddings"]), (tokens, tied))
                self.assertEqual(metadata["vision_tower_sha256"], tower_sha)
                expected = read(f"{compressor}.golden.safetensors")
                trace: dict = {}
                with torch.no_grad():
                    cell(patches, multi if cell.needs_multi else None, expected["questions"].long(), trace)
                for name in ("compressor_output", "projector_output", "hidden_states", "logits"):
                    torch.testing.assert_close(trace[name], expected[name], rtol=1e-5, atol=1e-5)
                self.assertEqual(trace["logits"].argmax(-1).tolist(), expected["prediction"].tolist())
                self.assertEqual("query_embedding" in expected, compressor == "quecc")
                self.assertEqual("prumerge_kept" in expected, compressor == "prumerge")


if __name__ == "__main__":
    unittest.main()
