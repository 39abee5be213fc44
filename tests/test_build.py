"""The installed build: compiled modules where the build compiled them, pure Python otherwise."""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Set by ``.ci/run`` when it tests an installed package built with a C compiler present.
EXPECT_COMPILED_ENV = "ENTITY_RESOLVE_EXPECT_COMPILED"


def _compiled_module_names() -> list[str]:
    """``COMPILED_MODULES`` as ``setup.py`` lists them (read, not imported: importing runs the build)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "COMPILED_MODULES" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("setup.py names no COMPILED_MODULES")


def test_compiled_modules_exist_as_python_sources() -> None:
    names = _compiled_module_names()
    assert names
    assert all((ROOT / "entity_resolve" / f"{name}.py").is_file() for name in names)


@pytest.mark.skipif(os.environ.get(EXPECT_COMPILED_ENV) != "1", reason="not testing a compiled install")
def test_installed_modules_are_the_compiled_ones() -> None:
    for name in _compiled_module_names():
        module = importlib.import_module(f"entity_resolve.{name}")
        assert Path(str(module.__file__)).suffix in {".so", ".pyd"}, module.__file__
