"""The frozen tower's features for every image, computed once and kept in memory (and on disk).

Why: the tower is frozen and shared by every cell, so a cell pays only for compressor + LM when
each image's `patches`/`multi` are computed once up front. `patches` is the last quarter of
`multi` (both end with `hidden_states[depth − 1]`), so one tensor serves every compressor.
Computing them took 56–81 s per smoke cell (10,400 images), as long as a small cell's training,
and every cell of a family computes the same numbers: with a cache directory they are stored
once, keyed by content (the tower's SHA-256, the shards' SHA-256s, which tensor, and this code
and the model code), so a changed tower, shard or tower code can never be served stale values.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import torch

from .common import sha256_file, write_atomically
from .model import VisionTower

CACHE_FORMAT = "mini-vlm-features/1"


class FeatureCache:
    """`multi` `[N, P, 4w]` for compressors that read it, else `patches` `[N, P, w]`.

    `cache_hit` says whether the values came from the disk cache."""

    def __init__(self, tower: VisionTower, images: np.ndarray, with_multi: bool,
                 batch_size: int = 64, dtype: torch.dtype = torch.float32,
                 cache_directory: Path | None = None, content_key: list[str] | None = None) -> None:
        self.width = tower.config.width
        self.with_multi = with_multi
        self.cache_hit = False
        expected = (images.shape[0], tower.config.patch_count, (4 if with_multi else 1) * self.width)
        path = None
        if cache_directory is not None and content_key is not None and dtype == torch.float32:
            path = Path(cache_directory) / f"{cache_key(content_key, with_multi)}.npy"
            if path.is_file():
                stored = np.load(path)
                if stored.shape == expected and stored.dtype == np.float32:
                    self.values = torch.from_numpy(stored)
                    self.cache_hit = True
                    return
        chunks = []
        with torch.no_grad():
            for start in range(0, images.shape[0], batch_size):
                patches, multi = tower(torch.from_numpy(images[start:start + batch_size]))
                chunks.append((multi if with_multi else patches).to(dtype))
        self.values = torch.cat(chunks)
        if path is not None:
            values = self.values.numpy()

            def save(temporary: str) -> None:
                with open(temporary, "wb") as handle:
                    np.save(handle, values)

            write_atomically(path, save)

    def batch(self, image_index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(`patches`, `multi` or None) for the given images, in float32."""
        values = self.values[image_index].to(torch.float32)
        if not self.with_multi:
            return values, None
        return values[..., -self.width:], values


def cache_key(content_key: list[str], with_multi: bool) -> str:
    """SHA-256 of the format, the content key (tower and shard SHA-256s), the tensor kind, and the
    code that computes features (this file and model.py)."""
    here = Path(__file__).resolve().parent
    parts = [CACHE_FORMAT, "multi" if with_multi else "patches", *content_key,
             sha256_file(here / "features.py"), sha256_file(here / "model.py")]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
