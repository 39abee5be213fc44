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


def _setup_names(variable: str) -> list[str]:
    """A tuple of module names that ``setup.py`` assigns (read, not imported: importing runs the build)."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == variable for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"setup.py names no {variable}")


def _compiled_module_names() -> list[str]:
    """``COMPILED_MODULES`` (mypyc) as ``setup.py`` lists them."""
    return _setup_names("COMPILED_MODULES")


def test_cython_modules_have_sources_and_stubs() -> None:
    names = _setup_names("CYTHON_MODULES")
    assert names
    assert all((ROOT / "entity_resolve" / f"{name}.pyx").is_file() for name in names)
    assert all((ROOT / "entity_resolve" / f"{name}.pyi").is_file() for name in names)


def test_compiled_modules_exist_as_python_sources() -> None:
    names = _compiled_module_names()
    assert names
    assert all((ROOT / "entity_resolve" / f"{name}.py").is_file() for name in names)


@pytest.mark.skipif(os.environ.get(EXPECT_COMPILED_ENV) != "1", reason="not testing a compiled install")
def test_installed_modules_are_the_compiled_ones() -> None:
    for name in [*_compiled_module_names(), *_setup_names("CYTHON_MODULES")]:
        module = importlib.import_module(f"entity_resolve.{name}")
        assert Path(str(module.__file__)).suffix in {".so", ".pyd"}, module.__file__
