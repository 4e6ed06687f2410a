"""Writes the parity fixtures the Swift engine's tests check itself against (committed).

    python -m minivlm.fixtures [--out Tests/MiniVLMTests/Fixtures]

One tiny seeded tower (`tower.safetensors`) with its golden activations on three images
(`tower.golden.safetensors`), and per compressor a tiny cell checkpoint (`<compressor>.safetensors`)
with the golden activations of every stage (`<compressor>.golden.safetensors`), all computed in
F32 from the checkpoints *as stored* (one cell is stored in F16 and one in BF16, so the engine's
half-precision decoding is exercised too). Every parameter is random — norm gains and biases
included — so a weight the engine reads wrongly changes the outputs. Seeds are searched until the
fixture has no near-ties (top-two logit margin, PruMerge's score cut and cosine assignment), so
float rounding cannot flip a discrete choice between the two implementations. Training/README.md
lists every tensor name.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch
from torch import nn

from .checkpoint import cell_metadata, load_cell, load_tower, save_cell, save_tensors, save_tower
from .common import UsageError, run_main, sha256_file, torch_version
from .model import Cell, CellConfig, LanguageConfig, VisionConfig, VisionTower

FORMAT = "mini-vlm-fixture/1"
METADATA_KEY = "mini_vlm_fixture"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "Tests" / "MiniVLMTests" / "Fixtures"
VISION = VisionConfig(width=16, heads=2, depth=5, mlp_width=32)
VOCABULARY_SIZE = 24
QUESTION_TOKENS = 5
EXAMPLES = 3
#: compressor → (visual tokens, tied embeddings, storage dtype)
CELLS = {"pool": (4, True, "F32"), "tokenpacker": (9, True, "F16"), "quecc": (4, False, "BF16"),
         "prumerge": (9, False, "F32")}
#: Smallest gap tolerated at a discrete choice (argmax, top-V cut, cosine assignment).
MINIMUM_GAP = 1e-3


def randomize(module: nn.Module, generator: torch.Generator) -> None:
    """Norm gains ≈ 1 ± 0.2, biases ± 0.1, token embeddings N(0, 0.5²); matrices keep their init."""
    with torch.no_grad():
        for name, parameter in module.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if name.endswith("embed_tokens.weight"):
                parameter.copy_(0.5 * noise)
            elif parameter.ndim == 1 and name.endswith("weight"):
                parameter.copy_(1 + 0.2 * noise)
            elif parameter.ndim == 1:
                parameter.copy_(0.1 * noise)


def images(generator: torch.Generator) -> torch.Tensor:
    """Two noise images and one drawing (flat background, two coloured squares), u8 `[3, 48, 48, 3]`."""
    noise = torch.randint(0, 256, (2, 48, 48, 3), generator=generator, dtype=torch.uint8)
    drawing = torch.full((1, 48, 48, 3), 230, dtype=torch.uint8)
    drawing[0, 4:16, 8:20] = torch.tensor([200, 30, 30], dtype=torch.uint8)
    drawing[0, 28:44, 26:42] = torch.tensor([20, 60, 210], dtype=torch.uint8)
    return torch.cat([noise, drawing])


def gaps(trace: dict, tokens: int, patches: torch.Tensor) -> float:
    """The smallest margin at any discrete choice of this forward pass."""
    top2 = trace["logits"].topk(2, dim=-1).values
    smallest = float((top2[:, 0] - top2[:, 1]).min())
    if "prumerge_scores" in trace and tokens < patches.shape[1]:
        ordered = trace["prumerge_scores"].sort(dim=1, descending=True).values
        smallest = min(smallest, float((ordered[:, tokens - 1] - ordered[:, tokens]).min()))
        unit = patches / patches.norm(dim=-1, keepdim=True)
        kept = trace["prumerge_kept"]
        similarity = unit @ torch.gather(unit, 1, kept[..., None].expand(-1, -1, unit.shape[-1])).transpose(1, 2)
        is_kept = torch.zeros(similarity.shape[:2], dtype=torch.bool).scatter_(1, kept, True)
        best2 = similarity.topk(2, dim=-1).values
        smallest = min(smallest, float((best2[..., 0] - best2[..., 1])[~is_kept].min()))
    return smallest


def write_fixtures(out: Path, log=None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    generator = torch.Generator().manual_seed(20250101)
    torch.manual_seed(1)
    tower = VisionTower(VISION)
    randomize(tower, generator)
    tower_path = out / "tower.safetensors"
    save_tower(tower_path, tower, data_digest="fixture", seed=1, dtype="F32")
    stored_tower, _, tower_sha = load_tower(tower_path)
    pictures = images(generator)
    with torch.no_grad():
        patches, multi = stored_tower(pictures)
    provenance = {"format": FORMAT, "tower": tower_path.name, "tower_sha256": tower_sha, "torch_version": torch_version()}
    save_tensors(out / "tower.golden.safetensors", {"images": pictures, "patches": patches, "multi": multi},
                 provenance, "F32", METADATA_KEY)

    for index, (compressor, (tokens, tied, dtype)) in enumerate(CELLS.items()):
        language = LanguageConfig(vocabulary_size=VOCABULARY_SIZE, width=32, layers=2, heads=2, mlp_width=88,
                                  rope_theta=10000.0, tied_embeddings=tied)
        config = CellConfig("reasoning", compressor, tokens, QUESTION_TOKENS, 2, language, VISION)
        path = out / f"{compressor}.safetensors"
        for attempt in range(100):
            seed = 100 * (index + 1) + attempt
            torch.manual_seed(seed)
            cell = Cell(config)
            randomize(cell, torch.Generator().manual_seed(seed))
            questions = torch.randint(1, VOCABULARY_SIZE, (EXAMPLES, QUESTION_TOKENS),
                                      generator=torch.Generator().manual_seed(seed))
            name = f"fixture-{compressor}-v{tokens}"
            save_cell(path, cell, cell_metadata(config, name, tower_sha, "fixture"), dtype)
            stored, _, cell_sha = load_cell(path)
            trace: dict = {}
            with torch.no_grad():
                stored(patches, multi if stored.needs_multi else None, questions, trace)
            if gaps(trace, tokens, patches) >= MINIMUM_GAP:
                break
        else:
            raise UsageError(f"no seed in 100 gave a {compressor} fixture without near-ties")
        golden = {"questions": questions.to(torch.int32), **{k: v for k, v in trace.items() if not k.startswith("prumerge_")}}
        golden["prediction"] = trace["logits"].argmax(-1).to(torch.int32)
        if compressor == "prumerge":
            golden.update(prumerge_scores=trace["prumerge_scores"], prumerge_kept=trace["prumerge_kept"].to(torch.int32),
                          prumerge_assignment=trace["prumerge_assignment"].to(torch.int32))
        metadata = {**provenance, "checkpoint": path.name, "checkpoint_sha256": cell_sha, "seed": seed,
                    "tower_golden": "tower.golden.safetensors"}
        save_tensors(out / f"{compressor}.golden.safetensors", golden, metadata, "F32", METADATA_KEY)
        if log:
            log(f"{compressor}: V={tokens}, {dtype}, tied={tied}, seed {seed}, smallest gap {gaps(trace, tokens, patches):.4f}")


def main(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minivlm.fixtures", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"directory (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    write_fixtures(args.out, lambda line: print(line, file=sys.stderr))
    for path in sorted(args.out.glob("*.safetensors")):
        print(f"{path.stat().st_size:>8}  {sha256_file(path)[:16]}  {path.name}")
    return 0


if __name__ == "__main__":
    run_main(main)
