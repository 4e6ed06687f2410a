"""Reading the task shards of docs/miniature-vlm.md §1, validated, and their data digest.

Why strict: the shards are written by the Swift generator and read here and by the Swift engine;
a shard that drifted from the contract (a dtype, a shape, a token out of range, a shard whose
bytes differ from the manifest) must stop training with a message, not train a model on garbage.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from safetensors import safe_open

from .common import UsageError, sha256_file
from .model import FAMILIES

SHARD_FORMAT = "mini-tasks/1"
METADATA_KEY = "mini_tasks"
IMAGE_SIDE = 48
PATCHES = 144
MANIFEST = "manifest.json"
SPLITS = ("train", "eval")
METADATA_FIELDS = ("format", "family", "generator_version", "split", "seed", "shard", "vocabulary",
                   "question_types", "question_tokens", "patch_label_classes")
TENSORS = {  # name → (dtype, shape; a string names a count that must agree across tensors)
    "images": (np.uint8, ("n_images", IMAGE_SIDE, IMAGE_SIDE, 3)),
    "patch_labels": (np.uint8, ("n_images", PATCHES)),
    "questions": (np.int32, ("n_questions", "Q")),
    "answers": (np.int32, ("n_questions",)),
    "question_types": (np.int32, ("n_questions",)),
    "image_index": (np.int32, ("n_questions",)),
}


@dataclass
class Shard:
    """One validated shard: its tensors (NumPy) and its `mini_tasks` metadata."""

    path: Path
    sha256: str
    metadata: dict[str, Any]
    images: np.ndarray
    patch_labels: np.ndarray
    questions: np.ndarray
    answers: np.ndarray
    question_types: np.ndarray
    image_index: np.ndarray

    @property
    def family(self) -> str:
        return self.metadata["family"]


def read_shard(path: Path | str, split: str | None = None, family: str | None = None) -> Shard:
    """Reads and validates one shard; `split`/`family`, when given, must match its metadata."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"shard {path} does not exist (generate shards with `./repro mini data`)")
    try:
        with safe_open(str(path), framework="np") as handle:
            raw = (handle.metadata() or {}).get(METADATA_KEY)
            names = set(handle.keys())
            if names != set(TENSORS):
                raise UsageError(f"shard {path}: tensors {sorted(names)}, the format needs exactly {sorted(TENSORS)}")
            tensors = {name: handle.get_tensor(name) for name in TENSORS}
    except UsageError:
        raise
    except Exception as error:
        raise UsageError(f"shard {path} is not a readable safetensors file: {error}") from None
    if raw is None:
        raise UsageError(f"shard {path} has no `{METADATA_KEY}` metadata")
    try:
        metadata = json.loads(raw)
    except json.JSONDecodeError as error:
        raise UsageError(f"shard {path}: `{METADATA_KEY}` metadata is not JSON: {error}") from None
    validate_metadata(metadata, path)
    if split is not None and metadata["split"] != split:
        raise UsageError(f"shard {path} is a {metadata['split']!r} shard where a {split!r} shard is needed")
    if family is not None and metadata["family"] != family:
        raise UsageError(f"shard {path} is of family {metadata['family']!r}, expected {family!r}")
    validate_tensors(tensors, metadata, path)
    return Shard(path=path, sha256=sha256_file(path), metadata=metadata, **tensors)


def validate_metadata(metadata: Any, path: Path) -> None:
    def fail(message: str) -> None:
        raise UsageError(f"shard {path}: metadata {message}")

    if not isinstance(metadata, dict):
        fail("must be a JSON object")
    missing = [name for name in METADATA_FIELDS if name not in metadata]
    if missing:
        fail(f"lacks {', '.join(missing)}")
    if metadata["format"] != SHARD_FORMAT:
        fail(f"format {metadata['format']!r} is not {SHARD_FORMAT!r}")
    if metadata["family"] not in FAMILIES:
        fail(f"family {metadata['family']!r} is not one of {', '.join(FAMILIES)}")
    if metadata["split"] not in SPLITS:
        fail(f"split {metadata['split']!r} is not one of {', '.join(SPLITS)}")
    vocabulary = metadata["vocabulary"]
    if not (isinstance(vocabulary, list) and len(vocabulary) >= 2 and all(isinstance(t, str) for t in vocabulary)):
        fail("vocabulary must be an array of at least two token strings")
    types = metadata["question_types"]
    if not (isinstance(types, list) and types and all(isinstance(t, str) for t in types)):
        fail("question_types must be a non-empty array of names")
    for name, upper in (("question_tokens", 256), ("patch_label_classes", 256)):
        value = metadata[name]
        if not (isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= upper):
            fail(f"{name} must be an integer in 1…{upper}")


def validate_tensors(tensors: dict[str, np.ndarray], metadata: dict[str, Any], path: Path) -> None:
    sizes = {"n_images": tensors["images"].shape[0] if tensors["images"].ndim else -1,
             "n_questions": tensors["answers"].shape[0] if tensors["answers"].ndim else -1,
             "Q": metadata["question_tokens"]}
    for name, (dtype, shape) in TENSORS.items():
        tensor = tensors[name]
        expected = tuple(sizes[d] if isinstance(d, str) else d for d in shape)
        if tensor.dtype != dtype:
            raise UsageError(f"shard {path}: {name} is {tensor.dtype}, the format needs {np.dtype(dtype)}")
        if tensor.shape != expected:
            raise UsageError(f"shard {path}: {name} has shape {list(tensor.shape)}, expected {list(expected)}")
    vocabulary = len(metadata["vocabulary"])

    def in_range(name: str, low: int, high: int, what: str) -> None:
        values = tensors[name]
        if values.size and (values.min() < low or values.max() >= high):
            raise UsageError(f"shard {path}: {name} has values outside {low}…{high - 1} ({what})")

    in_range("questions", 1, vocabulary, "token ids; 0 is <pad> and never appears in a question")
    in_range("answers", 0, vocabulary, "token ids")
    in_range("question_types", 0, len(metadata["question_types"]), "indices into question_types")
    in_range("image_index", 0, sizes["n_images"], "indices of this shard's images")
    in_range("patch_labels", 0, metadata["patch_label_classes"], "classes")
    if sizes["n_images"] == 0 or sizes["n_questions"] == 0:
        raise UsageError(f"shard {path} holds no images or no questions")


# MARK: Manifest and digest


@dataclass
class Manifest:
    """`manifest.json` beside the shards (one per family): shard file name → SHA-256, and the
    manifest's own digest. Only `splits[].shards[].{file, sha256}` are read."""

    path: Path
    digest: str
    shards: dict[str, str]


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST
    if not path.is_file():
        raise UsageError(f"no {MANIFEST} beside the shards in {directory}: shards must come from `./repro mini data`")
    try:
        value = json.loads(path.read_bytes())
    except json.JSONDecodeError as error:
        raise UsageError(f"{path} is not valid JSON: {error}") from None
    splits = value.get("splits") if isinstance(value, dict) else None
    if not isinstance(splits, list) or not all(isinstance(s, dict) and isinstance(s.get("shards"), list) for s in splits):
        raise UsageError(f"{path} must be a JSON object whose `splits` array holds objects with a `shards` array")
    entries = [entry for split in splits for entry in split["shards"]]
    shards = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise UsageError(f"{path}: every shard entry must be a JSON object")
        name, digest = entry.get("file"), entry.get("sha256")
        if not isinstance(name, str) or not isinstance(digest, str):
            raise UsageError(f"{path}: every shard entry needs `file` and `sha256` strings")
        shards[name] = digest.lower()
    return Manifest(path=path, digest=sha256_file(path), shards=shards)


def data_digest(shards: list[Shard]) -> str:
    """The SHA-256 of the manifest the shards belong to, after checking each shard's bytes
    against it. Shards from several manifests (the vision tower's, trained on both families)
    get the SHA-256 of their manifests' digests, sorted, each followed by a newline."""
    manifests: dict[Path, Manifest] = {}
    for shard in shards:
        directory = shard.path.resolve().parent
        manifest = manifests.get(directory) or read_manifest(directory)
        manifests[directory] = manifest
        listed = manifest.shards.get(shard.path.name)
        if listed is None:
            raise UsageError(f"{manifest.path} does not list {shard.path.name}: regenerate the data")
        if listed != shard.sha256:
            raise UsageError(f"{shard.path} has SHA-256 {shard.sha256} but {manifest.path} says {listed}: "
                             f"the shard changed after generation; regenerate the data")
    digests = sorted({m.digest for m in manifests.values()})
    if len(digests) == 1:
        return digests[0]
    return hashlib.sha256("".join(d + "\n" for d in digests).encode()).hexdigest()


# MARK: Question sets (one or more shards of one family and split)


@dataclass
class QuestionSet:
    """The shards of one family and split, concatenated; `image_index` is global."""

    family: str
    split: str
    vocabulary: list[str]
    question_type_names: list[str]
    question_tokens: int
    patch_label_classes: int
    images: np.ndarray
    patch_labels: np.ndarray
    questions: np.ndarray
    answers: np.ndarray
    question_types: np.ndarray
    image_index: np.ndarray
    shard_sha256: list[str] = field(default_factory=list)
    data_digest: str = ""

    @property
    def size(self) -> int:
        return int(self.answers.shape[0])


def load_question_set(paths: list[Path | str], split: str, family: str | None = None) -> QuestionSet:
    if not paths:
        raise UsageError(f"no {split} shards given")
    shards = [read_shard(p, split=split, family=family) for p in paths]
    first = shards[0].metadata
    for shard in shards[1:]:
        for key in ("family", "vocabulary", "question_types", "question_tokens", "patch_label_classes"):
            if shard.metadata[key] != first[key]:
                raise UsageError(f"shards {shards[0].path} and {shard.path} disagree on `{key}`")
    offsets = np.cumsum([0] + [s.images.shape[0] for s in shards[:-1]])
    return QuestionSet(
        family=first["family"], split=split, vocabulary=list(first["vocabulary"]),
        question_type_names=list(first["question_types"]), question_tokens=first["question_tokens"],
        patch_label_classes=first["patch_label_classes"],
        images=np.concatenate([s.images for s in shards]),
        patch_labels=np.concatenate([s.patch_labels for s in shards]),
        questions=np.concatenate([s.questions for s in shards]),
        answers=np.concatenate([s.answers for s in shards]),
        question_types=np.concatenate([s.question_types for s in shards]),
        image_index=np.concatenate([s.image_index + o for s, o in zip(shards, offsets)]).astype(np.int64),
        shard_sha256=[s.sha256 for s in shards], data_digest=data_digest(shards))


def check_compatible(train: QuestionSet, evaluation: QuestionSet) -> None:
    for key in ("family", "vocabulary", "question_type_names", "question_tokens"):
        if getattr(train, key) != getattr(evaluation, key):
            raise UsageError(f"train and eval shards disagree on `{key}`: generate them in one `repro mini data` run")
