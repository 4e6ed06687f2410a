"""The PyTorch model against loop-by-loop ports of the Swift engine's arithmetic and against §2's names."""

from __future__ import annotations

import math
import unittest

import torch
import torch.nn.functional as F

from minivlm.model import (Cell, CellConfig, Grid, LanguageConfig, VisionConfig, VisionTower, answer_statistics,
                           pixels_from_images)

torch.use_deterministic_algorithms(True)
VISION = VisionConfig(width=16, heads=2, depth=5, mlp_width=32)
LANGUAGE = LanguageConfig(vocabulary_size=24, width=32, layers=2, heads=2, mlp_width=88, rope_theta=10000.0)


def cell_config(compressor: str, visual_tokens: int = 9, tied: bool = True) -> CellConfig:
    language = LanguageConfig(**{**LANGUAGE.to_json(), "tied_embeddings": tied})
    return CellConfig("reasoning", compressor, visual_tokens, 4, 2, language, VISION)


def randomize(module: torch.nn.Module, seed: int) -> None:
    """Every parameter random (norm gains and biases too), so each one matters in a comparison."""
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.3 + (1 if parameter.ndim == 1 else 0) * 0.5)


# MARK: Loop ports of the Swift code (Sources/QueCC, Sources/VLM)


def swift_bilinear(x: torch.Tensor, g: int, n: int) -> torch.Tensor:
    """TokenPacker.bilinearDownsample, line by line."""
    def source(i):
        position = i * (g - 1) / (n - 1) if n > 1 else 0.0
        low = min(int(position), g - 1)
        return low, min(low + 1, g - 1), position - low
    out = torch.zeros(n * n, x.shape[1], dtype=torch.float64)
    x = x.double()
    for i in range(n):
        y0, y1, fy = source(i)
        for j in range(n):
            x0, x1, fx = source(j)
            top = x[y0 * g + x0] * (1 - fx) + x[y0 * g + x1] * fx
            bottom = x[y1 * g + x0] * (1 - fx) + x[y1 * g + x1] * fx
            out[i * n + j] = top * (1 - fy) + bottom * fy
    return out


def patch_indices(grid: Grid, region: int) -> list[int]:
    top, left = (region // grid.side) * grid.stride, (region % grid.side) * grid.stride
    return [(top + dy) * grid.grid_side + left + dx for dy in range(grid.stride) for dx in range(grid.stride)]


def swift_region_attention(attention, grid: Grid, queries, keys, values) -> torch.Tensor:
    """RegionAttention.callAsFunction for one image: `[V, w]`, `[P, w]`, `[P, w]` → `[V, w]`."""
    w = queries.shape[1]
    weight, bias = attention.in_proj_weight.double(), attention.in_proj_bias.double()
    q = queries.double() @ weight[:w].T + bias[:w]
    k = keys.double() @ weight[w:2 * w].T + bias[w:2 * w]
    v = values.double() @ weight[2 * w:].T + bias[2 * w:]
    heads, head_width = attention.num_heads, w // attention.num_heads
    out = torch.zeros(grid.tokens, w, dtype=torch.float64)
    for region in range(grid.tokens):
        window = patch_indices(grid, region)
        for head in range(heads):
            c = slice(head * head_width, (head + 1) * head_width)
            scores = torch.stack([(q[region, c] * k[p, c]).sum() for p in window]) / math.sqrt(head_width)
            weights = torch.softmax(scores, 0)
            out[region, c] = sum(wt * v[p, c] for wt, p in zip(weights, window))
    return out @ attention.out_proj.weight.double().T + attention.out_proj.bias.double()


def reference_prumerge(patches: torch.Tensor, score: torch.nn.Linear, tokens: int) -> torch.Tensor:
    """§2.3 prumerge, as plain loops over one image `[P, w]`."""
    patches = patches.double()
    sigma = (patches @ score.weight.double().T + score.bias.double()).squeeze(-1).tolist()
    ranking = sorted(range(len(sigma)), key=lambda i: (-sigma[i], i))
    kept = sorted(ranking[:tokens])
    norms = patches.norm(dim=1)
    clusters = {k: [k] for k in kept}
    for i in range(len(sigma)):
        if i in clusters:
            continue
        similarity = [float(patches[i] @ patches[k] / (norms[i] * norms[k])) for k in kept]
        best = max(range(len(kept)), key=lambda j: (similarity[j], -j))
        clusters[kept[best]].append(i)
    out = []
    for k in kept:
        members = clusters[k]
        weights = torch.softmax(torch.tensor([sigma[j] for j in members], dtype=torch.float64), 0)
        out.append(sum(wt * patches[j] for wt, j in zip(weights, members)))
    return torch.stack(out)


def reference_tower(tower: VisionTower, images: torch.Tensor) -> list[torch.Tensor]:
    """VisionEncoder.callAsFunction in float64: explicit heads, quick-GELU, LayerNorm ε 1e-5."""
    t = tower.double()
    x = pixels_from_images(images).double()
    w = tower.config.width
    kernel = t.embeddings.patch_embedding.weight.reshape(w, -1)
    unfolded = F.unfold(x, 4, stride=4).transpose(1, 2)  # [B, P, 3·4·4] in [c, ky, kx] order
    hidden = torch.cat([t.embeddings.class_embedding.expand(x.shape[0], 1, w), unfolded @ kernel.T], 1)
    hidden = F.layer_norm(hidden + t.embeddings.position_embedding.weight, (w,),
                          t.pre_layrnorm.weight, t.pre_layrnorm.bias, 1e-5)
    states = [hidden]
    for block in t.encoder.layers:
        a = block.self_attn
        normed = F.layer_norm(hidden, (w,), block.layer_norm1.weight, block.layer_norm1.bias, 1e-5)
        q, k, v = a.q_proj(normed), a.k_proj(normed), a.v_proj(normed)
        head_width = w // tower.config.heads
        parts = []
        for head in range(tower.config.heads):
            c = slice(head * head_width, (head + 1) * head_width)
            parts.append(torch.softmax(q[..., c] @ k[..., c].transpose(1, 2) / math.sqrt(head_width), -1) @ v[..., c])
        h = hidden + a.out_proj(torch.cat(parts, -1))
        inner = block.mlp.fc1(F.layer_norm(h, (w,), block.layer_norm2.weight, block.layer_norm2.bias, 1e-5))
        hidden = h + block.mlp.fc2(inner / (1 + torch.exp(-1.702 * inner)))
        states.append(hidden)
    tower.float()
    return states


def reference_language_model(lm, embeddings: torch.Tensor) -> torch.Tensor:
    """LanguageModel.hiddenStates in float64: RMSNorm, rotate_half RoPE per RotaryEmbedding.apply, SwiGLU."""
    config = lm.config
    d, heads = config.width, config.heads
    head_width, half = d // heads, d // heads // 2
    x = embeddings.double()
    t = x.shape[1]

    def rms(v, weight):
        return v / torch.sqrt((v * v).mean(-1, keepdim=True) + config.rms_epsilon) * weight.double()

    def rotate(m):
        out = m.clone()
        for pos in range(t):
            for head in range(heads):
                base = head * head_width
                for j in range(half):
                    angle = pos * config.rope_theta ** (-2 * j / head_width)
                    a, b = m[:, pos, base + j], m[:, pos, base + j + half]
                    out[:, pos, base + j] = a * math.cos(angle) - b * math.sin(angle)
                    out[:, pos, base + j + half] = b * math.cos(angle) + a * math.sin(angle)
        return out

    def linear(layer, v):
        y = v @ layer.weight.double().T
        return y + layer.bias.double() if layer.bias is not None else y

    mask = torch.ones(t, t, dtype=torch.bool).tril()
    for layer in lm.model.layers:
        a = layer.self_attn
        normed = rms(x, layer.input_layernorm.weight)
        q, k, v = rotate(linear(a.q_proj, normed)), rotate(linear(a.k_proj, normed)), linear(a.v_proj, normed)
        parts = []
        for head in range(heads):
            c = slice(head * head_width, (head + 1) * head_width)
            scores = (q[..., c] @ k[..., c].transpose(1, 2) / math.sqrt(head_width)).masked_fill(~mask, float("-inf"))
            parts.append(torch.softmax(scores, -1) @ v[..., c])
        h = x + linear(a.o_proj, torch.cat(parts, -1))
        n2 = rms(h, layer.post_attention_layernorm.weight)
        x = h + linear(layer.mlp.down_proj, F.silu(linear(layer.mlp.gate_proj, n2)) * linear(layer.mlp.up_proj, n2))
    return rms(x, lm.model.norm.weight)


def close(test: unittest.TestCase, actual: torch.Tensor, expected: torch.Tensor, tolerance: float = 1e-5) -> None:
    difference = (actual.double() - expected.double()).abs().max().item()
    test.assertLess(difference, tolerance, f"max |difference| {difference}")


class NamesTest(unittest.TestCase):
    def test_tower_names_are_clip_names_with_depth_minus_one_blocks(self):
        names = set(VisionTower(VISION).state_dict())
        self.assertIn("embeddings.patch_embedding.weight", names)
        self.assertIn("embeddings.class_embedding", names)
        self.assertIn("embeddings.position_embedding.weight", names)
        self.assertIn("pre_layrnorm.bias", names)
        self.assertIn("encoder.layers.3.self_attn.out_proj.bias", names)
        self.assertIn("encoder.layers.3.mlp.fc2.weight", names)
        self.assertNotIn("encoder.layers.4.mlp.fc2.weight", names)
        self.assertNotIn("embeddings.patch_embedding.bias", names)

    def test_cell_names_per_compressor(self):
        expected = {
            "pool": set(),
            "prumerge": {"score.weight", "score.bias"},
            "tokenpacker": {"q_proj.weight", "ln_q.weight", "ln_q.bias", "clip_attn.in_proj_weight",
                            "clip_attn.in_proj_bias", "clip_attn.out_proj.weight", "clip_attn.out_proj.bias"}
            | {f"{m}.{i}.{p}" for m in ("k_proj", "v_proj") for i in (0, 2, 3) for p in ("weight", "bias")},
            "quecc": {"text_projection.0.weight", "text_projection.0.bias", "text_projection.1.weight",
                      "text_projection.1.bias", "q_downsample.s4.weight", "q_downsample.s4.bias",
                      "clip_attn.in_proj_weight", "clip_attn.in_proj_bias", "clip_attn.out_proj.weight",
                      "clip_attn.out_proj.bias"}
            | {f"{m}.{i}.{p}" for m in ("q_proj", "k_proj", "v_proj") for i in (0, 2, 3) for p in ("weight", "bias")},
        }
        for compressor, names in expected.items():
            keys = set(Cell(cell_config(compressor)).state_dict())
            compressor_keys = {k[len("connector.compressor."):] for k in keys if k.startswith("connector.compressor.")}
            self.assertEqual(compressor_keys, names, compressor)
            self.assertTrue({"connector.projector.0.weight", "connector.projector.2.bias",
                             "language_model.lm_head.weight", "language_model.model.embed_tokens.weight",
                             "language_model.model.norm.weight",
                             "language_model.model.layers.1.self_attn.o_proj.weight",
                             "language_model.model.layers.1.mlp.gate_proj.weight"} <= keys)
            self.assertNotIn("language_model.model.layers.0.self_attn.o_proj.bias", keys)

    def test_non_embedding_parameters_count_layers_and_final_norm(self):
        lm = Cell(cell_config("pool")).language_model
        counted = sum(p.numel() for n, p in lm.named_parameters() if "embed_tokens" not in n and "lm_head" not in n)
        self.assertEqual(LANGUAGE.non_embedding_parameters, counted)


class ArithmeticTest(unittest.TestCase):
    def setUp(self):
        torch.manual_seed(0)
        self.images = torch.randint(0, 256, (2, 48, 48, 3), dtype=torch.uint8)
        self.tower = VisionTower(VISION)
        randomize(self.tower, 1)

    def test_tower_matches_the_engine_computation(self):
        patches, multi = self.tower(self.images)
        states = reference_tower(self.tower, self.images)
        close(self, patches, states[4][:, 1:])
        close(self, multi, torch.cat([states[i][:, 1:] for i in (2, 3, 3, 4)], -1))

    def test_bilinear_align_corners_matches_the_engine(self):
        grid_values = torch.randn(144, 5)
        for n in (1, 2, 3, 4, 6, 12):
            torch_result = F.interpolate(grid_values.T.reshape(1, 5, 12, 12), size=(n, n), mode="bilinear",
                                         align_corners=True)
            close(self, Grid.from_map(torch_result)[0], swift_bilinear(grid_values, 12, n))

    def test_tokenpacker_and_quecc_windows_match_region_attention(self):
        patches, multi = self.tower(self.images)
        for compressor in ("tokenpacker", "quecc"):
            for tokens in (1, 4, 9, 144):
                cell = Cell(cell_config(compressor, tokens))
                randomize(cell, 2)
                c = cell.connector.compressor
                questions = torch.randint(1, 24, (2, 4))
                query = cell.query_embedding(questions) if compressor == "quecc" else None
                with torch.no_grad():
                    out = c(patches, multi, query)
                    for b in range(2):
                        if compressor == "tokenpacker":
                            down = torch.tensor(swift_bilinear(patches[b], 12, c.grid.side), dtype=torch.float64)
                            queries = F.layer_norm(down @ c.q_proj.weight.double().T, (16,), c.ln_q.weight.double(),
                                                   c.ln_q.bias.double(), 1e-6)
                        else:
                            text = c.text_projection(query[b:b + 1]).double()
                            q = c.q_proj.double()(patches[b].double() + text)
                            c.q_proj.float()
                            conv = c.q_downsample[f"s{c.grid.stride}"]
                            weight = conv.weight.double().reshape(16, -1)
                            queries = torch.stack([
                                conv.bias.double() + sum(weight[:, tap] * q[p] for tap, p in enumerate(patch_indices(c.grid, r)))
                                for r in range(tokens)])
                        keys = c.k_proj.double()(multi[b].double())
                        values = c.v_proj.double()(multi[b].double())
                        c.k_proj.float(), c.v_proj.float()
                        expected = swift_region_attention(c.clip_attn, c.grid, queries, keys, values)
                        close(self, out[b], expected, 2e-5)

    def test_pool_is_the_region_mean(self):
        patches, _ = self.tower(self.images)
        for tokens in (1, 4, 16, 144):
            cell = Cell(cell_config("pool", tokens))
            out = cell.connector.compressor(patches, None, None)
            grid = cell.connector.compressor.grid
            for b in range(2):
                expected = torch.stack([patches[b, patch_indices(grid, r)].mean(0) for r in range(tokens)])
                close(self, out[b], expected)

    def test_prumerge_matches_the_contract_loops(self):
        patches, _ = self.tower(self.images)
        for tokens in (1, 4, 9, 36, 144):
            cell = Cell(cell_config("prumerge", tokens))
            randomize(cell, 3)
            c = cell.connector.compressor
            with torch.no_grad():
                out = c(patches, None, None)
            for b in range(2):
                close(self, out[b], reference_prumerge(patches[b], c.score, tokens))

    def test_prumerge_ties_keep_the_lower_index(self):
        cell = Cell(cell_config("prumerge", 4))
        c = cell.connector.compressor
        with torch.no_grad():
            c.score.weight.zero_(), c.score.bias.zero_()  # every score ties
            patches = torch.randn(1, 144, 16)
            trace = {}
            c(patches, None, None, trace)
        self.assertEqual(trace["prumerge_kept"].tolist(), [[0, 1, 2, 3]])

    def test_language_model_matches_the_engine_computation(self):
        cell = Cell(cell_config("pool"))
        randomize(cell, 4)
        lm = cell.language_model
        embeddings = torch.randn(2, 13, 32)
        with torch.no_grad():
            close(self, lm(embeddings), reference_language_model(lm, embeddings), 2e-5)

    def test_forward_uses_visual_tokens_then_question_and_the_last_position(self):
        cell = Cell(cell_config("pool", 4))
        randomize(cell, 5)
        patches, _ = self.tower(self.images)
        questions = torch.randint(1, 24, (2, 4))
        trace = {}
        with torch.no_grad():
            logits = cell(patches, None, questions, trace)
            sequence = torch.cat([trace["projector_output"], cell.language_model.embed(questions)], 1)
            hidden = reference_language_model(cell.language_model, sequence)
        self.assertEqual(tuple(trace["hidden_states"].shape), (2, 8, 32))
        close(self, logits, hidden[:, -1] @ cell.language_model.lm_head.weight.double().T, 5e-5)

    def test_the_last_position_shortcut_gives_the_full_pass_logits(self):
        patches, multi = self.tower(self.images)
        questions = torch.randint(1, 24, (2, 4))
        for compressor in ("quecc", "tokenpacker"):
            cell = Cell(cell_config(compressor, 9))
            randomize(cell, 6)
            with torch.no_grad():
                close(self, cell(patches, multi, questions), cell(patches, multi, questions, {}), 1e-5)

    def test_grouped_questions_share_the_connector_with_the_same_logits(self):
        patches, multi = self.tower(self.images)
        owner = torch.tensor([1, 0, 1, 1, 0])
        questions = torch.randint(1, 24, (5, 4))
        for compressor in ("pool", "tokenpacker", "quecc", "prumerge"):
            cell = Cell(cell_config(compressor, 4))
            randomize(cell, 8)
            needed = multi if cell.needs_multi else None
            with torch.no_grad():
                grouped = cell(patches, needed, questions, owner=owner)
                expanded = cell(patches[owner], None if needed is None else needed[owner], questions)
            close(self, grouped, expanded, 1e-5)

    def test_argmax_ties_pick_the_lowest_id_and_margin_is_top_two_gap(self):
        logits = torch.tensor([[1.0, 3.0, 3.0, 0.0], [0.0, 0.5, 2.0, 1.0]])
        stats = answer_statistics(logits, torch.tensor([1, 2]))
        self.assertEqual(stats["prediction"].tolist(), [1, 2])
        self.assertEqual(stats["margin"].tolist(), [0.0, 1.0])

    def test_unsupported_token_count_is_refused_with_the_supported_list(self):
        with self.assertRaisesRegex(Exception, "supported: 1, 4, 9, 16, 36, 144"):
            cell_config("pool", 8)


if __name__ == "__main__":
    unittest.main()
