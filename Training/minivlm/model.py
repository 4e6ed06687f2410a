"""The miniature VLM of docs/miniature-vlm.md §2, in PyTorch, parameter names as the checkpoints'.

`VisionTower` (frozen, shared) turns u8 images into `patches` `[B, P, w]` and `multi`
`[B, P, 4w]`; a `Cell` (`connector.*` + `language_model.*`, one per grid cell) turns those and the
question tokens into answer logits. `state_dict()` keys are exactly the checkpoint names of §3
(the tower's under a `vision_tower.` prefix that `checkpoint.py` adds).

The arithmetic mirrors the Swift engine (Sources/VLM, Sources/QueCC): LayerNorm ε 1e-5 in the
tower and 1e-6 in the connector, quick-GELU in the tower, exact GELU elsewhere, RoPE in the
`rotate_half` layout with angles computed in double precision, `nn.MultiheadAttention`'s packed
`in_proj_weight`, bilinear `align_corners=True`, a depth-wise convolution for QueCC's queries.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from .common import UsageError

COMPRESSORS = ("pool", "tokenpacker", "quecc", "prumerge")
FAMILIES = ("reasoning", "ocr")


# MARK: Configurations


@dataclass(frozen=True)
class VisionConfig:
    """Shape of the CLIP-style tower. `depth` counts the original tower's blocks, the unused last
    one included: `depth − 1` blocks are stored and run (as CLIP's last block is never read)."""

    image_side: int = 48
    patch_side: int = 4
    width: int = 64
    heads: int = 4
    depth: int = 5
    mlp_width: int = 256

    def __post_init__(self) -> None:
        check(integers(self.image_side, self.patch_side, self.width, self.heads, self.depth, self.mlp_width),
              "vision sizes must be integers")
        check(self.image_side == 48 and self.patch_side == 4,
              "the miniature tower takes 48-pixel images in 4-pixel patches (image_side 48, patch_side 4)")
        check(1 <= self.width <= 1024 and 1 <= self.heads <= 64 and self.width % self.heads == 0,
              f"vision width {self.width} must be in 1…1024 and a multiple of heads {self.heads} (1…64)")
        check(4 <= self.depth <= 48, f"vision depth {self.depth} must be in 4…48 (multi reads depth/2 … depth−1)")
        check(1 <= self.mlp_width <= 8192, f"vision mlp_width {self.mlp_width} must be in 1…8192")

    @property
    def grid_side(self) -> int:
        return self.image_side // self.patch_side

    @property
    def patch_count(self) -> int:
        return self.grid_side**2

    @property
    def blocks(self) -> int:
        return self.depth - 1

    @property
    def multi_layers(self) -> list[int]:
        """`hidden_states` indices concatenated into `multi` (CLIP's 12, 16, 22, 23 of 24)."""
        return [self.depth // 2, 2 * self.depth // 3, self.depth - 2, self.depth - 1]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(value: Any, what: str = "vision") -> "VisionConfig":
        return VisionConfig(**exact_keys(value, VisionConfig.__dataclass_fields__, what))


@dataclass(frozen=True)
class LanguageConfig:
    """Shape of the Qwen2-style LM. `mlp_width` is the SwiGLU inner width."""

    vocabulary_size: int
    width: int
    layers: int
    heads: int
    mlp_width: int
    rope_theta: float = 10000.0
    rms_epsilon: float = 1e-6
    tied_embeddings: bool = True

    def __post_init__(self) -> None:
        check(integers(self.vocabulary_size, self.width, self.layers, self.heads, self.mlp_width),
              "LM sizes must be integers")
        check(isinstance(self.rope_theta, (int, float)) and isinstance(self.rms_epsilon, (int, float)),
              "rope_theta and rms_epsilon must be numbers")
        check(2 <= self.vocabulary_size <= 65536, f"vocabulary_size {self.vocabulary_size} must be in 2…65536")
        check(1 <= self.heads <= 64 and 2 <= self.width <= 4096 and self.width % self.heads == 0
              and (self.width // self.heads) % 2 == 0,
              f"LM width {self.width} must be in 2…4096, a multiple of heads {self.heads} (1…64), with an even head width")
        check(1 <= self.layers <= 64, f"LM layers {self.layers} must be in 1…64")
        check(1 <= self.mlp_width <= 65536, f"LM mlp_width {self.mlp_width} must be in 1…65536")
        check(self.rope_theta > 1, f"rope_theta {self.rope_theta} must exceed 1")
        check(0 < self.rms_epsilon < 1, f"rms_epsilon {self.rms_epsilon} must be in (0, 1)")
        check(isinstance(self.tied_embeddings, bool), "tied_embeddings must be true or false")

    @property
    def non_embedding_parameters(self) -> int:
        """`N` of the miniature scaling law: layers and final norm, not `embed_tokens`/`lm_head`."""
        d, m = self.width, self.mlp_width
        per_layer = 3 * (d * d + d) + d * d + 3 * d * m + 2 * d
        return self.layers * per_layer + d

    def to_json(self) -> dict[str, Any]:
        value = asdict(self)
        value["rope_theta"] = float(self.rope_theta)
        value["rms_epsilon"] = float(self.rms_epsilon)
        return value

    @staticmethod
    def from_json(value: Any, what: str = "language") -> "LanguageConfig":
        return LanguageConfig(**exact_keys(value, LanguageConfig.__dataclass_fields__, what))


def default_mlp_width(width: int) -> int:
    """SwiGLU's usual 8/3 · d, rounded up to a multiple of 8 (d = 32 → 88)."""
    return 8 * math.ceil(8 * width / 3 / 8)


@dataclass(frozen=True)
class CellConfig:
    """Everything that fixes a cell's function (the checkpoint metadata minus provenance)."""

    family: str
    compressor: str
    visual_tokens: int
    question_tokens: int
    compressor_heads: int
    language: LanguageConfig
    vision: VisionConfig

    def __post_init__(self) -> None:
        check(integers(self.visual_tokens, self.question_tokens, self.compressor_heads),
              "visual_tokens, question_tokens and compressor_heads must be integers")
        check(self.family in FAMILIES, f"family {self.family!r} must be one of {', '.join(FAMILIES)}")
        check(self.compressor in COMPRESSORS, f"compressor {self.compressor!r} must be one of {', '.join(COMPRESSORS)}")
        Grid(self.vision.grid_side, self.visual_tokens)  # validates V
        check(1 <= self.question_tokens <= 256, f"question_tokens {self.question_tokens} must be in 1…256")
        check(1 <= self.compressor_heads <= 64 and self.vision.width % self.compressor_heads == 0,
              f"compressor_heads {self.compressor_heads} must be in 1…64 and divide the vision width {self.vision.width}")

    @property
    def sequence_length(self) -> int:
        return self.visual_tokens + self.question_tokens

    def name(self, seed: int) -> str:
        """The cell id of §3, e.g. `reasoning-tokenpacker-d32l2-v16-s0`."""
        return (f"{self.family}-{self.compressor}-d{self.language.width}l{self.language.layers}"
                f"-v{self.visual_tokens}-s{seed}")


class ConfigError(UsageError):
    """A configuration value outside its documented range."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise ConfigError(message)


def integers(*values: Any) -> bool:
    """True when every value is a JSON integer (not a bool, not a float)."""
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def exact_keys(value: Any, fields: dict[str, Any], what: str) -> dict[str, Any]:
    """`value` as keyword arguments, refusing unknown keys (typos) with the allowed list."""
    if not isinstance(value, dict):
        raise ConfigError(f"{what} must be a JSON object")
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise ConfigError(f"{what}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(fields)}")
    return dict(value)


class Grid:
    """The 12×12 patch grid cut into `V = (12/s)²` square regions, numbered row-major."""

    def __init__(self, grid_side: int, visual_tokens: int) -> None:
        strides = [s for s in range(1, grid_side + 1) if grid_side % s == 0]
        supported = sorted((grid_side // s) ** 2 for s in strides)
        matches = [s for s in strides if (grid_side // s) ** 2 == visual_tokens]
        check(bool(matches), f"visual_tokens {visual_tokens} is not a square region count of the "
                             f"{grid_side}×{grid_side} grid; supported: {', '.join(map(str, supported))}")
        self.grid_side = grid_side
        self.stride = matches[0]
        self.side = grid_side // self.stride
        self.tokens = visual_tokens

    def to_map(self, x: torch.Tensor) -> torch.Tensor:
        """`[B, P, c]` → `[B, c, g, g]` (the grid as an image, for pooling and convolution)."""
        b, _, c = x.shape
        return x.transpose(1, 2).reshape(b, c, self.grid_side, self.grid_side)

    @staticmethod
    def from_map(x: torch.Tensor) -> torch.Tensor:
        """`[B, c, n, n]` → `[B, n·n, c]`, rows in row-major order."""
        return x.flatten(2).transpose(1, 2)

    def windows(self, x: torch.Tensor) -> torch.Tensor:
        """`[B, P, c]` → `[B, V, s², c]`: region `r`'s patches in row-major order."""
        b, _, c = x.shape
        n, s = self.side, self.stride
        return (x.reshape(b, n, s, n, s, c).permute(0, 1, 3, 2, 4, 5).reshape(b, n * n, s * s, c))


# MARK: Vision tower (CLIP ViT, Hugging Face names)


def pixels_from_images(images: torch.Tensor) -> torch.Tensor:
    """u8 `[B, 48, 48, 3]` → float `[B, 3, 48, 48]`, `(u8/255 − 0.5)/0.5` (§2.1)."""
    x = images.to(torch.float32) / 255.0
    return ((x - 0.5) / 0.5).permute(0, 3, 1, 2).contiguous()


def quick_gelu(x: torch.Tensor) -> torch.Tensor:
    return x * torch.sigmoid(1.702 * x)


class SelfAttention(nn.Module):
    """Multi-head attention with separate biased projections (CLIP's and Qwen's naming)."""

    def __init__(self, width: int, heads: int, output_name: str, output_bias: bool) -> None:
        super().__init__()
        self.heads = heads
        self.q_proj = nn.Linear(width, width)
        self.k_proj = nn.Linear(width, width)
        self.v_proj = nn.Linear(width, width)
        setattr(self, output_name, nn.Linear(width, width, bias=output_bias))
        self.output_name = output_name

    def split(self, x: torch.Tensor) -> torch.Tensor:
        b, t, w = x.shape
        return x.reshape(b, t, self.heads, w // self.heads).transpose(1, 2)

    def forward(self, x: torch.Tensor, rotary: tuple[torch.Tensor, torch.Tensor] | None = None,
                causal: bool = False, last_only: bool = False) -> torch.Tensor:
        """With `last_only`, only the last position queries (and is returned): the same numbers
        for that position, without the work for positions nobody reads."""
        k, v = self.split(self.k_proj(x)), self.split(self.v_proj(x))
        q = self.split(self.q_proj(x[:, -1:] if last_only else x))
        if rotary is not None:
            cos, sin = (table[:x.shape[1]] for table in rotary)
            k = apply_rotary(k, cos, sin)
            q = apply_rotary(q, cos[-1:], sin[-1:]) if last_only else apply_rotary(q, cos, sin)
        out = F.scaled_dot_product_attention(q, k, v, is_causal=causal and not last_only)
        return getattr(self, self.output_name)(out.transpose(1, 2).flatten(2))


class VisionMLP(nn.Module):
    def __init__(self, width: int, mlp_width: int) -> None:
        super().__init__()
        self.fc1 = nn.Linear(width, mlp_width)
        self.fc2 = nn.Linear(mlp_width, width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc2(quick_gelu(self.fc1(x)))


class VisionBlock(nn.Module):
    """Pre-norm ViT block: `x + attn(LN₁ x)`, then `h + fc₂(quickGELU(fc₁(LN₂ h)))`."""

    def __init__(self, config: VisionConfig) -> None:
        super().__init__()
        self.layer_norm1 = nn.LayerNorm(config.width, eps=1e-5)
        self.self_attn = SelfAttention(config.width, config.heads, "out_proj", output_bias=True)
        self.layer_norm2 = nn.LayerNorm(config.width, eps=1e-5)
        self.mlp = VisionMLP(config.width, config.mlp_width)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h = x + self.self_attn(self.layer_norm1(x))
        return h + self.mlp(self.layer_norm2(h))


class VisionEmbeddings(nn.Module):
    def __init__(self, config: VisionConfig) -> None:
        super().__init__()
        w = config.width
        self.patch_embedding = nn.Conv2d(3, w, config.patch_side, stride=config.patch_side, bias=False)
        self.class_embedding = nn.Parameter(torch.randn(w) * w**-0.5)
        self.position_embedding = nn.Embedding(config.patch_count + 1, w)
        nn.init.normal_(self.position_embedding.weight, std=w**-0.5)

    def forward(self, pixels: torch.Tensor) -> torch.Tensor:
        patches = self.patch_embedding(pixels).flatten(2).transpose(1, 2)  # [B, P, w], row-major
        cls = self.class_embedding.expand(pixels.shape[0], 1, -1)
        return torch.cat([cls, patches], dim=1) + self.position_embedding.weight


class VisionEncoderLayers(nn.Module):
    def __init__(self, config: VisionConfig) -> None:
        super().__init__()
        self.layers = nn.ModuleList(VisionBlock(config) for _ in range(config.blocks))


class VisionTower(nn.Module):
    """CLIP ViT: patch embedding, class token, positions, `pre_layrnorm`, `depth − 1` blocks."""

    def __init__(self, config: VisionConfig) -> None:
        super().__init__()
        self.config = config
        self.embeddings = VisionEmbeddings(config)
        self.pre_layrnorm = nn.LayerNorm(config.width, eps=1e-5)
        self.encoder = VisionEncoderLayers(config)

    def hidden_states(self, pixels: torch.Tensor) -> list[torch.Tensor]:
        """`[hidden_states[0] (after pre_layrnorm), …, hidden_states[depth − 1]]`, each `[B, 145, w]`."""
        hidden = self.pre_layrnorm(self.embeddings(pixels))
        states = [hidden]
        for block in self.encoder.layers:
            hidden = block(hidden)
            states.append(hidden)
        return states

    def forward(self, images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """u8 images `[B, 48, 48, 3]` → (`patches` `[B, P, w]`, `multi` `[B, P, 4w]`)."""
        states = self.hidden_states(pixels_from_images(images))
        multi = torch.cat([states[layer][:, 1:] for layer in self.config.multi_layers], dim=-1)
        return states[self.config.depth - 1][:, 1:], multi


# MARK: Compressors (`connector.compressor.*`)


class ProjectionMLP(nn.Sequential):
    """`Linear → GELU → Linear → LayerNorm(ε 1e-6)`, names 0, 2, 3 (QueCC's / TokenPacker's)."""

    def __init__(self, inputs: int, width: int) -> None:
        super().__init__(nn.Linear(inputs, width), nn.GELU(), nn.Linear(width, width), nn.LayerNorm(width, eps=1e-6))


def region_attention(attention: nn.MultiheadAttention, grid: Grid, queries: torch.Tensor,
                     keys: torch.Tensor, values: torch.Tensor) -> torch.Tensor:
    """Region query `r` (`[B, V, w]`) attends only to the `s²` keys/values of its own window.

    `nn.MultiheadAttention`'s arithmetic with its own parameters (packed q, k, v rows of
    `in_proj_weight`, then `out_proj`), written out because one query against a few keys is far
    cheaper as broadcast products than as a batched attention kernel."""
    b, v, w = queries.shape
    heads = attention.num_heads
    head_width = w // heads
    wq, wk, wv = attention.in_proj_weight.chunk(3)
    bq, bk, bv = attention.in_proj_bias.chunk(3)
    q = F.linear(queries, wq, bq).reshape(b, v, 1, heads, head_width)
    k = grid.windows(F.linear(keys, wk, bk)).reshape(b, v, -1, heads, head_width)
    vv = grid.windows(F.linear(values, wv, bv)).reshape(b, v, -1, heads, head_width)
    weights = torch.softmax((q * k).sum(-1) * head_width**-0.5, dim=2)  # [B, V, s², heads]
    out = (weights[..., None] * vv).sum(2)  # [B, V, heads, head_width]
    return attention.out_proj(out.reshape(b, v, w))


class Pool(nn.Module):
    """Mean of each `s×s` region; no parameters."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        self.grid = Grid(config.vision.grid_side, config.visual_tokens)

    def forward(self, patches: torch.Tensor, multi: torch.Tensor | None, query: torch.Tensor | None,
                trace: dict | None = None) -> torch.Tensor:
        s = self.grid.stride
        return Grid.from_map(F.avg_pool2d(self.grid.to_map(patches), s, s))


class TokenPacker(nn.Module):
    """Queries: bilinear downsampling (align_corners) → `q_proj` → `ln_q`; keys/values: MLPs on
    `multi`; windowed `clip_attn`."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        w = config.vision.width
        self.grid = Grid(config.vision.grid_side, config.visual_tokens)
        self.q_proj = nn.Linear(w, w, bias=False)
        self.ln_q = nn.LayerNorm(w, eps=1e-6)
        self.k_proj = ProjectionMLP(4 * w, w)
        self.v_proj = ProjectionMLP(4 * w, w)
        self.clip_attn = nn.MultiheadAttention(w, config.compressor_heads)

    def forward(self, patches: torch.Tensor, multi: torch.Tensor, query: torch.Tensor | None,
                trace: dict | None = None) -> torch.Tensor:
        n = self.grid.side
        down = F.interpolate(self.grid.to_map(patches), size=(n, n), mode="bilinear", align_corners=True)
        queries = self.ln_q(self.q_proj(Grid.from_map(down)))
        return region_attention(self.clip_attn, self.grid, queries, self.k_proj(multi), self.v_proj(multi))


class QueCC(nn.Module):
    """Query embedding → `text_projection` added to every patch → `q_proj` MLP → depth-wise
    `q_downsample.s{s}` → one query per region; keys, values, `clip_attn` as TokenPacker's."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        w, d = config.vision.width, config.language.width
        self.grid = Grid(config.vision.grid_side, config.visual_tokens)
        s = self.grid.stride
        self.text_projection = nn.Sequential(nn.Linear(d, w), nn.LayerNorm(w, eps=1e-6))
        self.q_proj = ProjectionMLP(w, w)
        self.q_downsample = nn.ModuleDict({f"s{s}": nn.Conv2d(w, w, s, stride=s, groups=w)})
        self.k_proj = ProjectionMLP(4 * w, w)
        self.v_proj = ProjectionMLP(4 * w, w)
        self.clip_attn = nn.MultiheadAttention(w, config.compressor_heads)

    def forward(self, patches: torch.Tensor, multi: torch.Tensor, query: torch.Tensor,
                trace: dict | None = None) -> torch.Tensor:
        x = patches + self.text_projection(query)[:, None, :]
        conv = self.q_downsample[f"s{self.grid.stride}"]
        queries = Grid.from_map(conv(self.grid.to_map(self.q_proj(x))))
        return region_attention(self.clip_attn, self.grid, queries, self.k_proj(multi), self.v_proj(multi))


class PruMerge(nn.Module):
    """PruMerge-style selection: keep the `V` highest-scoring patches, merge every other patch
    into its most cosine-similar kept patch, weight each cluster by a softmax of the scores."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        self.tokens = config.visual_tokens
        self.score = nn.Linear(config.vision.width, 1)

    def forward(self, patches: torch.Tensor, multi: torch.Tensor | None, query: torch.Tensor | None,
                trace: dict | None = None) -> torch.Tensor:
        b, p, _ = patches.shape
        scores = self.score(patches).squeeze(-1)  # [B, P]
        with torch.no_grad():
            order = torch.sort(scores, dim=1, descending=True, stable=True).indices  # ties: lower index first
            kept = torch.sort(order[:, : self.tokens], dim=1).values  # [B, V], ascending patch index
            unit = patches / patches.norm(dim=-1, keepdim=True)
            similarity = unit @ torch.gather(unit, 1, kept[..., None].expand(-1, -1, unit.shape[-1])).transpose(1, 2)
            assignment = similarity.argmax(dim=-1)  # [B, P], first maximum = lowest kept index
            rows = torch.arange(b)[:, None]
            assignment[rows, kept] = torch.arange(self.tokens).expand(b, -1)  # a kept patch is its own cluster
            members = F.one_hot(assignment, self.tokens).bool()  # [B, P, V]
        masked = scores[..., None].masked_fill(~members, float("-inf"))
        weights = torch.softmax(masked, dim=1)  # softmax within each cluster (column)
        if trace is not None:
            trace.update(prumerge_scores=scores, prumerge_kept=kept, prumerge_assignment=assignment)
        return weights.transpose(1, 2) @ patches


COMPRESSOR_MODULES = {"pool": Pool, "tokenpacker": TokenPacker, "quecc": QueCC, "prumerge": PruMerge}


class Connector(nn.Module):
    """`compressor` then `projector` (`Linear(w→d) → GELU → Linear(d→d)`, names 0 and 2)."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        w, d = config.vision.width, config.language.width
        self.compressor = COMPRESSOR_MODULES[config.compressor](config)
        self.projector = nn.Sequential(nn.Linear(w, d), nn.GELU(), nn.Linear(d, d))


# MARK: Language model (Qwen2 names)


def rotary_table(head_width: int, theta: float, positions: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Cosines and sines `[positions, head_width/2]`, computed in double precision as the engine does."""
    half = head_width // 2
    frequencies = theta ** (-2.0 * torch.arange(half, dtype=torch.float64) / head_width)
    angles = torch.arange(positions, dtype=torch.float64)[:, None] * frequencies[None, :]
    return torch.cos(angles).to(torch.float32), torch.sin(angles).to(torch.float32)


def apply_rotary(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """`rotate_half` layout: the pair `(x[j], x[j + h/2])` turns by `position · θ^(−2j/h)`;
    `cos`, `sin` are `[T, h/2]` rows of `rotary_table` for the positions of `x`'s `T` rows."""
    a, b = x.chunk(2, dim=-1)
    return torch.cat([a * cos - b * sin, b * cos + a * sin], dim=-1)


class SwiGLU(nn.Module):
    def __init__(self, width: int, mlp_width: int) -> None:
        super().__init__()
        self.gate_proj = nn.Linear(width, mlp_width, bias=False)
        self.up_proj = nn.Linear(width, mlp_width, bias=False)
        self.down_proj = nn.Linear(mlp_width, width, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.down_proj(F.silu(self.gate_proj(x)) * self.up_proj(x))


class DecoderLayer(nn.Module):
    def __init__(self, config: LanguageConfig) -> None:
        super().__init__()
        self.input_layernorm = nn.RMSNorm(config.width, eps=config.rms_epsilon)
        self.self_attn = SelfAttention(config.width, config.heads, "o_proj", output_bias=False)
        self.post_attention_layernorm = nn.RMSNorm(config.width, eps=config.rms_epsilon)
        self.mlp = SwiGLU(config.width, config.mlp_width)

    def forward(self, x: torch.Tensor, rotary: tuple[torch.Tensor, torch.Tensor], last_only: bool = False) -> torch.Tensor:
        attended = self.self_attn(self.input_layernorm(x), rotary=rotary, causal=True, last_only=last_only)
        h = (x[:, -1:] if last_only else x) + attended
        return h + self.mlp(self.post_attention_layernorm(h))


class QwenModel(nn.Module):
    def __init__(self, config: LanguageConfig) -> None:
        super().__init__()
        self.embed_tokens = nn.Embedding(config.vocabulary_size, config.width)
        self.layers = nn.ModuleList(DecoderLayer(config) for _ in range(config.layers))
        self.norm = nn.RMSNorm(config.width, eps=config.rms_epsilon)


class LanguageModel(nn.Module):
    """Qwen2-style decoder; `forward` returns final-normed hidden states of a causal pass."""

    def __init__(self, config: LanguageConfig, max_positions: int) -> None:
        super().__init__()
        self.config = config
        self.model = QwenModel(config)
        self.lm_head = nn.Linear(config.width, config.vocabulary_size, bias=False)
        # Every matrix N(0, 1/d) (fan-in scale), biases zero. Not Hugging Face's fixed std 0.02:
        # that is calibrated for widths of about 1,000–4,000; at d = 32–128 it starts every
        # projection 5–9× below fan-in scale, and a d32l2 cell on 16 TokenPacker tokens then
        # learned measurably slower (docs/miniature-vlm.md §4).
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=config.width**-0.5)
                if getattr(module, "bias", None) is not None:
                    nn.init.zeros_(module.bias)
        if config.tied_embeddings:
            self.lm_head.weight = self.model.embed_tokens.weight
        cos, sin = rotary_table(config.width // config.heads, config.rope_theta, max_positions)
        self.register_buffer("rotary_cos", cos, persistent=False)
        self.register_buffer("rotary_sin", sin, persistent=False)

    def embed(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.model.embed_tokens(tokens)

    def forward(self, embeddings: torch.Tensor, last_only: bool = False) -> torch.Tensor:
        """`[B, T, d]` → `[B, T, d]`, or `[B, 1, d]` (the last position) with `last_only`, which
        skips the last layer's work for the other positions."""
        check(embeddings.shape[1] <= self.rotary_cos.shape[0], "sequence longer than the rotary table")
        hidden = embeddings
        for index, layer in enumerate(self.model.layers):
            hidden = layer(hidden, (self.rotary_cos, self.rotary_sin), last_only and index == len(self.model.layers) - 1)
        return self.model.norm(hidden)


# MARK: A grid cell


class Cell(nn.Module):
    """Connector + LM of one grid cell: (`patches`, `multi`, question tokens) → answer logits."""

    def __init__(self, config: CellConfig) -> None:
        super().__init__()
        self.config = config
        self.connector = Connector(config)
        self.language_model = LanguageModel(config.language, max_positions=config.sequence_length)

    def query_embedding(self, questions: torch.Tensor) -> torch.Tensor:
        """QueCC's text query: the LM over the question alone, final-normed last position `[B, d]`."""
        return self.language_model(self.language_model.embed(questions), last_only=True)[:, -1]

    def forward(self, patches: torch.Tensor, multi: torch.Tensor | None, questions: torch.Tensor,
                trace: dict | None = None, owner: torch.Tensor | None = None) -> torch.Tensor:
        """`[B, P, w]`, `[B, P, 4w]` (or None for pool/prumerge), `[B, Q]` → logits `[B, vocab]`.
        With `trace`, every intermediate activation of §2 is stored in it (parity fixtures).

        With `owner` (`[B]`, long), `patches`/`multi` hold one row per *image* and question `i`
        is about image `owner[i]`: a question-independent compressor and the projector then run
        once per image instead of once per question — the same numbers, and on a batch of whole
        images (10 questions each) about a tenth of the connector's work, which dominates
        TokenPacker-style training."""
        lm = self.language_model
        if owner is not None and (self.config.compressor == "quecc" or trace is not None):
            patches = patches[owner]  # QueCC's compressor reads the question: one pass per question
            multi = None if multi is None else multi[owner]
            owner = None
        query = self.query_embedding(questions) if self.config.compressor == "quecc" else None
        compressed = self.connector.compressor(patches, multi, query, trace)
        visual = self.connector.projector(compressed)
        if owner is not None:
            visual = visual[owner]
        hidden = lm(torch.cat([visual, lm.embed(questions)], dim=1), last_only=trace is None)
        logits = lm.lm_head(hidden[:, -1])
        if trace is not None:
            if query is not None:
                trace["query_embedding"] = query
            trace.update(compressor_output=compressed, projector_output=visual, hidden_states=hidden, logits=logits)
        return logits

    @property
    def needs_multi(self) -> bool:
        return self.config.compressor in ("tokenpacker", "quecc")


def answer_statistics(logits: torch.Tensor, answers: torch.Tensor) -> dict[str, torch.Tensor]:
    """Per question: argmax prediction (ties: lowest id), top-two logit margin, cross-entropy."""
    prediction = logits.argmax(dim=-1)  # torch returns the first maximum
    top2 = logits.topk(2, dim=-1).values
    return {
        "prediction": prediction.to(torch.int32),
        "margin": (top2[:, 0] - top2[:, 1]).to(torch.float32),
        "cross_entropy": F.cross_entropy(logits, answers.long(), reduction="none").to(torch.float32),
    }
