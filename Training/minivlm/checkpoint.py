"""Checkpoints of docs/miniature-vlm.md §3: the vision tower and cell checkpoints as safetensors.

Why the care: the Swift engine reads these files by name and shape, so a checkpoint must hold
exactly the tensors §2 names (no more, no fewer), metadata under the key `mini_vlm` as a JSON
string, and `lm_head.weight` as its own tensor even when tied (safetensors refuses shared
storage, so every tensor is cloned). Loading refuses anything else with a message that names the
tensor, and always returns float32 modules (the engine computes in F32 whatever the storage).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from safetensors import safe_open
from safetensors.torch import save_file

from .common import UsageError, canonical_json, sha256_file, write_atomically
from .model import Cell, CellConfig, ConfigError, LanguageConfig, VisionConfig, VisionTower

STORAGE_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16}
TOWER_FORMAT = "mini-vlm-vision/1"
CELL_FORMAT = "mini-vlm/1"
METADATA_KEY = "mini_vlm"
TOWER_PREFIX = "vision_tower."


def storage_dtype(name: str) -> torch.dtype:
    if name not in STORAGE_DTYPES:
        raise UsageError(f"storage dtype {name!r} must be one of {', '.join(STORAGE_DTYPES)}")
    return STORAGE_DTYPES[name]


def save_tensors(path: Path | str, tensors: dict[str, torch.Tensor], metadata: dict[str, Any],
                 dtype: str = "F32", metadata_key: str = METADATA_KEY) -> None:
    """Writes `tensors` (each cloned, converted to `dtype` if floating) atomically."""
    target = storage_dtype(dtype)
    stored = {}
    for name in sorted(tensors):
        tensor = tensors[name].detach()
        stored[name] = (tensor.to(target) if tensor.is_floating_point() else tensor).contiguous().clone()
    write_atomically(path, lambda temporary: save_file(stored, temporary, metadata={metadata_key: canonical_json(metadata)}))


def read_tensors(path: Path | str, metadata_key: str = METADATA_KEY) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """Every tensor of a safetensors file and its `metadata_key` JSON object."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path} does not exist")
    try:
        with safe_open(str(path), framework="pt") as handle:
            raw = (handle.metadata() or {}).get(metadata_key)
            tensors = {name: handle.get_tensor(name) for name in handle.keys()}
    except UsageError:
        raise
    except Exception as error:  # the safetensors parser's own errors
        raise UsageError(f"{path} is not a readable safetensors file: {error}") from None
    if raw is None:
        raise UsageError(f"{path} has no `{metadata_key}` metadata: not a file of this format")
    try:
        metadata = json.loads(raw)
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}: metadata `{metadata_key}` is not JSON: {error}") from None
    if not isinstance(metadata, dict):
        raise UsageError(f"{path}: metadata `{metadata_key}` must be a JSON object")
    return tensors, metadata


def load_state(module: torch.nn.Module, tensors: dict[str, torch.Tensor], path: Path | str) -> None:
    """Loads `tensors` into `module` as float32, refusing missing, extra or misshapen tensors."""
    expected = module.state_dict()
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing or extra:
        raise UsageError(f"{path}: tensor names do not match the metadata's architecture"
                         + (f"; missing: {', '.join(missing[:8])}" if missing else "")
                         + (f"; unexpected: {', '.join(extra[:8])}" if extra else ""))
    for name, tensor in tensors.items():
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise UsageError(f"{path}: tensor {name} has shape {list(tensor.shape)}, "
                             f"the architecture needs {list(expected[name].shape)}")
        if tensor.dtype not in STORAGE_DTYPES.values():
            raise UsageError(f"{path}: tensor {name} is {tensor.dtype}; checkpoints store F32, F16 or BF16")
    module.load_state_dict({name: tensor.to(torch.float32) for name, tensor in tensors.items()}, strict=True)


def expect_format(metadata: dict[str, Any], format_name: str, path: Path | str) -> None:
    if metadata.get("format") != format_name:
        raise UsageError(f"{path}: format {metadata.get('format')!r}, expected {format_name!r}")


# MARK: Vision tower


def tower_metadata(config: VisionConfig, data_digest: str, seed: int) -> dict[str, Any]:
    return {"format": TOWER_FORMAT, "vision": config.to_json(), "data_digest": data_digest, "seed": seed}


def save_tower(path: Path | str, tower: VisionTower, data_digest: str, seed: int, dtype: str = "F32") -> None:
    tensors = {TOWER_PREFIX + name: value for name, value in tower.state_dict().items()}
    save_tensors(path, tensors, tower_metadata(tower.config, data_digest, seed), dtype)


def load_tower(path: Path | str) -> tuple[VisionTower, dict[str, Any], str]:
    """(frozen float32 tower in eval mode, metadata, file SHA-256)."""
    tensors, metadata = read_tensors(path)
    expect_format(metadata, TOWER_FORMAT, path)
    try:
        config = VisionConfig.from_json(metadata.get("vision"), "vision")
    except (ConfigError, TypeError) as error:
        raise UsageError(f"{path}: bad `vision` metadata: {error}") from None
    stray = [name for name in tensors if not name.startswith(TOWER_PREFIX)]
    if stray:
        raise UsageError(f"{path}: a tower checkpoint holds only `vision_tower.*` tensors, found {stray[0]}")
    tower = VisionTower(config)
    load_state(tower, {name[len(TOWER_PREFIX):]: value for name, value in tensors.items()}, path)
    tower.eval().requires_grad_(False)
    return tower, metadata, sha256_file(path)


# MARK: Cell


def cell_metadata(config: CellConfig, cell: str, vision_tower_sha256: str, data_digest: str) -> dict[str, Any]:
    return {
        "format": CELL_FORMAT, "cell": cell, "family": config.family, "compressor": config.compressor,
        "visual_tokens": config.visual_tokens, "question_tokens": config.question_tokens,
        "compressor_heads": config.compressor_heads, "language": config.language.to_json(),
        "vision": config.vision.to_json(), "vision_tower_sha256": vision_tower_sha256, "data_digest": data_digest,
    }


def cell_config_from_metadata(metadata: dict[str, Any], path: Path | str) -> CellConfig:
    try:
        return CellConfig(
            family=metadata["family"], compressor=metadata["compressor"], visual_tokens=metadata["visual_tokens"],
            question_tokens=metadata["question_tokens"], compressor_heads=metadata["compressor_heads"],
            language=LanguageConfig.from_json(metadata["language"]), vision=VisionConfig.from_json(metadata["vision"]))
    except KeyError as error:
        raise UsageError(f"{path}: metadata lacks {error}") from None
    except (ConfigError, TypeError) as error:
        raise UsageError(f"{path}: bad metadata: {error}") from None


def save_cell(path: Path | str, cell: Cell, metadata: dict[str, Any], dtype: str = "F32") -> None:
    save_tensors(path, cell.state_dict(), metadata, dtype)


def load_cell(path: Path | str) -> tuple[Cell, dict[str, Any], str]:
    """(float32 cell in eval mode, metadata, file SHA-256); a tied checkpoint must store equal
    `embed_tokens` and `lm_head` tensors."""
    tensors, metadata = read_tensors(path)
    expect_format(metadata, CELL_FORMAT, path)
    config = cell_config_from_metadata(metadata, path)
    if config.language.tied_embeddings:
        embed = tensors.get("language_model.model.embed_tokens.weight")
        head = tensors.get("language_model.lm_head.weight")
        if embed is not None and head is not None and not torch.equal(embed, head):
            raise UsageError(f"{path}: tied_embeddings is true but lm_head.weight differs from embed_tokens.weight")
    cell = Cell(config)
    load_state(cell, tensors, path)
    cell.eval()
    return cell, metadata, sha256_file(path)


def check_tower_matches(cell_metadata_: dict[str, Any], tower_metadata_: dict[str, Any], tower_sha256: str,
                        cell_path: Path | str, tower_path: Path | str) -> None:
    """A cell is only meaningful with the exact tower it was trained on."""
    if cell_metadata_.get("vision_tower_sha256") != tower_sha256:
        raise UsageError(f"{cell_path} was trained with vision tower {cell_metadata_.get('vision_tower_sha256')}, "
                         f"but {tower_path} has SHA-256 {tower_sha256}: pass the tower it was trained with")
    if cell_metadata_.get("vision") != tower_metadata_.get("vision"):
        raise UsageError(f"{cell_path}: its `vision` metadata differs from {tower_path}'s")
