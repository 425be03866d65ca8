"""The package's imports point one way: shells on services, services on the domain, and
inside the domain each concept only on those below it, with no cycle."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import accord

SRC = Path(accord.__file__).parent.parent

# What each part of the domain may import of the domain (besides itself).
DOMAIN_BELOW = {
    "period": set(),
    "evidence": set(),
    "calendars": set(),
    "availability": {"period", "evidence", "calendars"},
    "support": {"period", "evidence", "calendars"},
    "remedies": {"period", "evidence", "calendars"},
    "performance": {"period", "evidence", "availability", "remedies"},
    "statement": {"period", "availability", "support", "remedies", "performance"},
}
# Layers outside the domain that the domain must never import.
SHELLS = (
    "accord.contracts", "accord.evidence", "accord.services", "accord.cli",
    "accord.store", "accord.api", "accord.web", "accord.monitor", "accord.notify",
)  # fmt: skip


def modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "accord").rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


@cache
def imports(name: str) -> frozenset[str]:
    """The package's modules that `name` imports (a submodule, not its package, when named)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("accord"):
            subs = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
            found |= subs
            if len(subs) < len(node.names):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in MODULES}
    return frozenset(found - {name})


def concept(name: str) -> str:
    return name.split(".")[2]


def test_the_domain_imports_no_shell() -> None:
    for name in MODULES:
        if name.startswith("accord.domain"):
            bad = [m for m in imports(name) if m.startswith(SHELLS)]
            assert not bad, f"{name} imports {bad}"


def test_each_domain_concept_imports_only_those_below_it() -> None:
    for name in MODULES:
        if not name.startswith("accord.domain."):
            continue
        mine = concept(name)
        for other in imports(name):
            if other.startswith("accord.domain.") and concept(other) != mine:
                assert concept(other) in DOMAIN_BELOW[mine], f"{name} imports {other}"


def test_the_module_graph_has_no_cycle_and_few_levels() -> None:
    @cache
    def level(name: str, path: tuple[str, ...] = ()) -> int:
        assert name not in path, f"import cycle: {' -> '.join((*path, name))}"
        below = [level(m, (*path, name)) for m in imports(name)]
        return 1 + max(below, default=0)

    domain = [n for n in MODULES if n.startswith("accord.domain")]
    assert max(level(n) for n in domain) <= 8
    for name in MODULES:
        level(name)


def test_the_command_line_reaches_the_domain_only_for_what_it_renders() -> None:
    allowed = {"accord.domain.statement", "accord.domain.evidence", "accord.domain.period",
               "accord.domain.availability"}  # fmt: skip
    for name in MODULES:
        if name.startswith("accord.cli"):
            reached = {m for m in imports(name) if m.startswith("accord.domain")}
            assert reached <= allowed, f"{name} imports {sorted(reached - allowed)}"
