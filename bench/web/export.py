"""The static status site of 1,000 services x 90 days: `accord status export`, timed.

Two figures: the whole command as a user runs it (a process reading 1,000 contract and
1,000 evidence files, checking each contract, computing each service's 90 days and writing
the site), and the export alone in one process over contracts already checked and evidence
already read (what the service does, which holds them): the 90 days of every service
(`service_status`) and the files (`export_site`).

    .venv/bin/python -m bench.web.export [--services 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from accord.contracts.check import check_contract
from accord.evidence import read_evidence
from accord.services.status import service_status
from accord.web import export_site

from .scenario import NOW, ROOT, write


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        contracts = write(folder / "in", args.services)
        print(f"{args.services} services, 90 days each, as of {NOW.isoformat()}")
        print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        whole = [_command(folder, contracts) for _ in range(args.repeat)]
        print(f"accord status export (the command, end to end): best {min(whole):.2f} s "
              f"of {args.repeat}, first {whole[0]:.2f} s")  # fmt: skip
        loaded = [check_contract(p) for p in contracts]
        evidence = [read_evidence(folder / "in" / "evidence" / f"{p.stem}.json") for p in contracts]
        alone = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            statuses = [service_status(c, e, NOW) for c, e in zip(loaded, evidence, strict=True)]
            written = export_site(folder / "site", statuses, NOW, "Bench status")
            alone.append(time.perf_counter() - start)
        size = sum(p.stat().st_size for p in written)
        print(f"export alone (90 days of each service, then {len(written)} files, "
              f"{size / 1e6:.1f} MB): best {min(alone):.2f} s of {args.repeat}, "
              f"first {alone[0]:.2f} s")  # fmt: skip


def _command(folder: Path, contracts: list[Path]) -> float:
    accord = Path(sys.executable).with_name("accord")
    start = time.perf_counter()
    subprocess.run(
        [str(accord), "status", "export", str(folder / "cli-site"), *map(str, contracts),
         "--evidence-dir", str(folder / "in" / "evidence"), "--now", NOW.isoformat()],
        check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
