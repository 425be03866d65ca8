"""Convert evidence between its forms: the use case behind `accord evidence convert`.

Any form `read_evidence` reads goes in; what comes out is chosen by the target's suffix:
a sample file of any kind (Parquet being the fastest to read again), or a JSON document
whose samples are kept in a Parquet file beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from accord.evidence import read_evidence, write_evidence
from accord.evidence.document import SAMPLE_SUFFIXES

__all__ = ["Converted", "UnknownTarget", "convert_evidence"]


class UnknownTarget(ValueError):
    """A target whose suffix names no form of evidence, or the source itself."""


@dataclass(frozen=True)
class Converted:
    samples: int  # samples written
    files: tuple[Path, ...]  # every file written, the target first


def convert_evidence(source: Path, target: Path) -> Converted:
    """Read `source` and write it as `target`; EvidenceInvalid when `source` is wrong,
    UnknownTarget when `target` is, ValueError when a sample file cannot hold the rest."""
    suffix = target.suffix.lower()
    if suffix not in (*SAMPLE_SUFFIXES, ".json"):
        forms = ", ".join((*SAMPLE_SUFFIXES, ".json"))
        raise UnknownTarget(f"{target}: expected a target ending in {forms}")
    beside = target.with_name(target.stem + ".samples.parquet")
    if source.resolve() in (target.resolve(), beside.resolve()):
        raise UnknownTarget(f"{target}: would overwrite the source {source}")
    evidence = read_evidence(source)
    if suffix != ".json":
        write_evidence(evidence, target)
        return Converted(len(evidence.samples), (target,))
    write_evidence(evidence, target, inline_up_to=0, beside=".parquet")
    files = (target, beside) if len(evidence.samples) else (target,)
    return Converted(len(evidence.samples), files)
