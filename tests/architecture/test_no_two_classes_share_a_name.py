"""One name per thing: a class name appears once in the whole package."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import accord

PACKAGE = Path(accord.__file__).parent


def test_no_two_classes_of_the_package_share_a_name() -> None:
    places: dict[str, list[str]] = defaultdict(list)
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                places[node.name].append(str(path.relative_to(PACKAGE)))
    shared = {name: where for name, where in places.items() if len(where) > 1}
    assert not shared
