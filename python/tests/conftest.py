"""Shared fixtures: the repository, the shared corpus, the Rust command line.

- The corpus is ``../shared/corpus`` beside the repository, or
  ``$BULLETIN_CORPUS``; tests that need it are skipped, with the reason,
  when neither exists.
- The command line is ``$BULLETIN_BIN``, else ``target/release/bulletin`` or
  ``target/debug/bulletin`` (build it with ``cargo build --features cli``).
  ``scripts/test`` builds it and sets ``BULLETIN_BIN``.
"""

import json
import os
import subprocess
from pathlib import Path

import bulletin
import pytest

from helpers import REPO, strip_cli_keys

if Path(bulletin.__file__).resolve().parent == REPO / "python" / "bulletin":
    raise ImportError(
        "`import bulletin` found the source folder python/bulletin, which has no "
        "native module: install the package (pip install ./python) and run "
        "pytest from another directory than python/"
    )


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture(scope="session")
def corpus():
    env = os.environ.get("BULLETIN_CORPUS")
    candidates = ([Path(env)] if env else []) + [REPO.parent / "shared" / "corpus"]
    for path in candidates:
        if (path / "real").is_dir():
            return path
    pytest.skip(
        "shared corpus not found (../shared/corpus beside the repository, "
        "or set BULLETIN_CORPUS)"
    )


class Cli:
    """The ``bulletin`` command line."""

    def __init__(self, path):
        self.path = str(path)

    def run(self, *args, input=None):
        return subprocess.run(
            [self.path, *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )

    def parse(self, path, *flags):
        """``bulletin parse FLAGS PATH`` as a dict."""
        done = self.run("parse", *flags, path)
        assert done.returncode == 0, done.stderr
        return strip_cli_keys(json.loads(done.stdout))

    def parse_many(self, paths, *flags):
        """``bulletin parse --jsonl --no-path FLAGS PATHS...``: one dict per
        path, in order."""
        done = self.run("parse", "--jsonl", "--no-path", *flags, *paths)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        assert len(lines) == len(paths), done.stderr
        return [strip_cli_keys(json.loads(line)) for line in lines]


@pytest.fixture(scope="session")
def cli():
    env = os.environ.get("BULLETIN_BIN")
    if env:
        path = Path(env)
        assert path.is_file(), f"BULLETIN_BIN={env} does not exist"
        return Cli(path)
    for profile in ("release", "debug"):
        path = REPO / "target" / profile / "bulletin"
        if path.is_file():
            return Cli(path)
    pytest.skip(
        "no bulletin binary: run `cargo build --features cli` or set BULLETIN_BIN"
    )
