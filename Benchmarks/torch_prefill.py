"""PyTorch eager prefill of a Qwen-style decoder shaped like one of the engine's bundled models:
the reference `repro bench infer` divides its own prefill time by, in the same run.

    python Benchmarks/torch_prefill.py --width 256 --layers 6 --heads 4 --mlp-width 704 \
        --vocabulary 256 --tokens 626 [--rope-theta 1e6] [--rms-epsilon 1e-6] [--threads 2] [--repeats 3]

The module is written out here (RMSNorm, biased q/k/v, rotary positions in the rotate_half
layout, `scaled_dot_product_attention` with a causal mask, SwiGLU, final norm, LM head on the last
position), built from the engine's configuration with random weights: it is timed, never
compared numerically. One warm-up, then the median of `--repeats` prefills of `--tokens` random
embeddings under `torch.inference_mode()`. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn


class RMSNorm(nn.Module):
    def __init__(self, width: int, epsilon: float) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.ones(width))
        self.epsilon = epsilon

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.epsilon) * self.weight


def rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


class DecoderLayer(nn.Module):
    def __init__(self, width: int, heads: int, mlp_width: int, epsilon: float) -> None:
        super().__init__()
        self.heads, self.head_width = heads, width // heads
        self.input_layernorm = RMSNorm(width, epsilon)
        self.q_proj, self.k_proj, self.v_proj = (nn.Linear(width, width) for _ in range(3))
        self.o_proj = nn.Linear(width, width, bias=False)
        self.post_attention_layernorm = RMSNorm(width, epsilon)
        self.gate_proj = nn.Linear(width, mlp_width, bias=False)
        self.up_proj = nn.Linear(width, mlp_width, bias=False)
        self.down_proj = nn.Linear(mlp_width, width, bias=False)

    def forward(self, x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
        tokens = x.shape[0]
        h = self.input_layernorm(x)

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(tokens, self.heads, self.head_width).transpose(0, 1)

        q, k, v = split(self.q_proj(h)), split(self.k_proj(h)), split(self.v_proj(h))
        q, k = q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin
        attended = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.o_proj(attended.transpose(0, 1).reshape(tokens, -1))
        h = self.post_attention_layernorm(x)
        return x + self.down_proj(F.silu(self.gate_proj(h)) * self.up_proj(h))


class LanguageModel(nn.Module):
    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__()
        self.layers = nn.ModuleList(
            DecoderLayer(args.width, args.heads, args.mlp_width, args.rms_epsilon) for _ in range(args.layers))
        self.norm = RMSNorm(args.width, args.rms_epsilon)
        self.lm_head = nn.Linear(args.width, args.vocabulary, bias=False)
        head_width = args.width // args.heads
        # Angles in double precision, rounded to F32, as the engine computes them.
        frequencies = args.rope_theta ** (-torch.arange(0, head_width, 2, dtype=torch.float64) / head_width)
        angles = torch.outer(torch.arange(args.tokens, dtype=torch.float64), frequencies)
        angles = torch.cat((angles, angles), dim=-1)
        self.register_buffer("cos", angles.cos().float())
        self.register_buffer("sin", angles.sin().float())

    def forward(self, embeddings: torch.Tensor) -> torch.Tensor:
        x = embeddings
        for layer in self.layers:
            x = layer(x, self.cos, self.sin)
        return self.lm_head(self.norm(x[-1:]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name in ("--width", "--layers", "--heads", "--mlp-width", "--vocabulary", "--tokens"):
        parser.add_argument(name, type=int, required=True)
    parser.add_argument("--rope-theta", type=float, default=1e6)
    parser.add_argument("--rms-epsilon", type=float, default=1e-6)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.width % args.heads or (args.width // args.heads) % 2 or min(args.layers, args.tokens, args.repeats, args.threads) < 1:
        print("error: width must split into an even head width; layers, tokens, repeats, threads ≥ 1", file=sys.stderr)
        return 2
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = LanguageModel(args).eval()
    embeddings = torch.rand(args.tokens, args.width) * 2 - 1
    seconds = []
    with torch.inference_mode():
        model(embeddings)
        for _ in range(args.repeats):
            started = time.perf_counter()
            model(embeddings)
            seconds.append(time.perf_counter() - started)
    print(json.dumps({"median_seconds": statistics.median(seconds), "seconds": seconds, "threads": args.threads,
                      "torch_version": torch.__version__, "load_average_1min": os.getloadavg()[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
