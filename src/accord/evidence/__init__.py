"""The evidence format: what happened, as files accord reads and writes.

`read_evidence` reads a JSON document (and the sample files it names) or a bare CSV /
JSON Lines sample file into `accord.domain.evidence.Evidence`, refusing anything it
cannot read with an `EvidenceInvalid` that lists every problem; `write_evidence` writes
it back. The format is described in docs/evidence.md.
"""

from __future__ import annotations

from accord.evidence.document import read_evidence
from accord.evidence.problems import EvidenceInvalid
from accord.evidence.writer import write_evidence

__all__ = ["EvidenceInvalid", "read_evidence", "write_evidence"]
