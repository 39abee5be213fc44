"""Build: the scoring hot path compiled to C with mypyc, and the index's ranking loop
(``entity_resolve/_ranking.pyx``) to C++ with Cython, when a compiler is there.

The project's metadata lives in ``pyproject.toml``; this file only adds the
compiled modules. ``ENTITY_RESOLVE_PURE=1`` forces a pure-Python build, and so
do an editable install and a failed compile (no C compiler, no mypy, no
Cython): the package then runs from its ``.py`` files (the ranking with
NumPy), with the same results, slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

#: Modules compiled with mypyc: the scoring hot path. The others stay Python (their
#: classes are weak-referenced, their type errors worded for users, their time small).
COMPILED_MODULES = ("score", "keys", "name_parts", "learned", "index")
#: Modules written in Cython (``.pyx``), each with a ``.pyi`` stub and a NumPy twin that the tests compare.
CYTHON_MODULES = ("_ranking", "_transducer")
PURE_ENV = "ENTITY_RESOLVE_PURE"
_EDITABLE_COMMANDS = frozenset({"develop", "editable_wheel"})


def _wants_compiled() -> bool:
    """False when the environment or the command asks for pure Python."""
    if os.environ.get(PURE_ENV, "").strip().lower() in {"1", "true", "yes"}:
        return False
    return not _EDITABLE_COMMANDS.intersection(sys.argv)


def _compiled_extensions() -> list[Extension]:
    """mypyc's extensions of ``COMPILED_MODULES``, or none when mypyc is missing."""
    if not _wants_compiled():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        print(f"entity_resolve: mypyc unavailable ({error}); building pure Python", file=sys.stderr)
        return []
    paths = [str(Path("entity_resolve") / f"{module}.py") for module in COMPILED_MODULES]
    return [*mypycify(paths, opt_level="3", group_name="entity_resolve"), *_cython_extensions()]


def _cython_extensions() -> list[Extension]:
    """The extensions of ``CYTHON_MODULES``, or none when Cython is missing."""
    try:
        from Cython.Build import cythonize
    except ImportError as error:
        print(f"entity_resolve: Cython unavailable ({error}); ranking with NumPy", file=sys.stderr)
        return []
    sources = [
        Extension(f"entity_resolve.{module}", [str(Path("entity_resolve") / f"{module}.pyx")], language="c++")
        for module in CYTHON_MODULES
    ]
    return list(cythonize(sources, language_level=3, quiet=True))


class OptionalBuildExt(build_ext):
    """``build_ext`` that falls back to pure Python when the C build fails."""

    def run(self) -> None:
        if getattr(self, "editable_mode", False) or self.inplace:
            return  # compiled modules beside the sources would shadow every edit to them
        try:
            super().run()
        except Exception as error:  # any compiler or linker failure
            print(f"entity_resolve: C build failed ({error}); installing pure Python", file=sys.stderr)
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            self.extensions = []


setup(ext_modules=_compiled_extensions(), cmdclass={"build_ext": OptionalBuildExt})
