"""Plumbing shared by every entry point: errors that exit cleanly, atomic files, digests, seeding.

Why here: each CLI (`train`, `evaluate`, `bench`, ...) must fail with a message that names the
fix and a non-zero status, write files atomically, and be reproducible from a seed. Doing that
once keeps the entry points short.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch


class UsageError(Exception):
    """Bad input (config, shard, checkpoint): the message says what is wrong and how to fix it."""


def run_main(main: Callable[[list[str] | None], int | None]) -> None:
    """Runs a CLI `main`, turning `UsageError` into `error: …` on stderr and exit status 2."""
    try:
        status = main(None)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    sys.exit(status or 0)


def single_thread() -> None:
    """One intra-op and one inter-op thread: two single-threaded processes beat one two-threaded
    process on this 2-core machine (OpenBLAS threading is pathological on small matrices)."""
    torch.set_num_threads(1)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass  # already set in this process (only allowed once, before any parallel work)


def seed_everything(seed: int) -> None:
    """Seeds Python, NumPy and torch; torch is also made to refuse nondeterministic kernels."""
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def sha256_file(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace: the same object always gives the same bytes (metadata)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), allow_nan=False)


def pretty_json(value: Any) -> str:
    """Sorted keys, two-space indent, trailing newline: records meant to be read and diffed."""
    return json.dumps(value, sort_keys=True, indent=2, allow_nan=False) + "\n"


def write_atomically(path: Path | str, write: Callable[[str], None]) -> None:
    """Calls `write(temporary_path)` for a file in the same directory, then renames it to `path`,
    so a reader never sees a half-written file and a crash leaves the old file intact."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_text_atomically(path: Path | str, text: str) -> None:
    def write(temporary: str) -> None:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
    write_atomically(path, write)


def read_json_object(path: Path | str, what: str) -> dict[str, Any]:
    """Reads a JSON object or raises a `UsageError` naming the file and the problem."""
    try:
        with open(path, encoding="utf-8") as handle:
            value = json.load(handle)
    except FileNotFoundError:
        raise UsageError(f"{what} {path} does not exist") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{what} {path} is not valid JSON: {error}") from None
    if not isinstance(value, dict):
        raise UsageError(f"{what} {path} must hold a JSON object")
    return value


def torch_version() -> str:
    return torch.__version__
