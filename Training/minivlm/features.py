"""The frozen tower's features for every image, computed once and kept in memory.

Why: the tower is frozen and shared by every cell, so a cell pays only for compressor + LM when
each image's `patches`/`multi` are computed once up front. `patches` is the last quarter of
`multi` (both end with `hidden_states[depth − 1]`), so one tensor serves every compressor.
"""

from __future__ import annotations

import numpy as np
import torch

from .model import VisionTower


class FeatureCache:
    """`multi` `[N, P, 4w]` for compressors that read it, else `patches` `[N, P, w]`."""

    def __init__(self, tower: VisionTower, images: np.ndarray, with_multi: bool,
                 batch_size: int = 64, dtype: torch.dtype = torch.float32) -> None:
        self.width = tower.config.width
        self.with_multi = with_multi
        chunks = []
        with torch.no_grad():
            for start in range(0, images.shape[0], batch_size):
                patches, multi = tower(torch.from_numpy(images[start:start + batch_size]))
                chunks.append((multi if with_multi else patches).to(dtype))
        self.values = torch.cat(chunks)

    def batch(self, image_index: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor | None]:
        """(`patches`, `multi` or None) for the given images, in float32."""
        values = self.values[image_index].to(torch.float32)
        if not self.with_multi:
            return values, None
        return values[..., -self.width:], values
