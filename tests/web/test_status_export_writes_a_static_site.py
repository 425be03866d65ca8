"""`accord status export` writes the status page as files any server can serve."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from cli.runner import EXAMPLES, accord

NOW = "2026-10-22T19:00Z"  # store-40 of the Lavi example is down; two windows are ahead


def _export(folder: Path) -> str:
    contracts = [str(p) for p in sorted((EXAMPLES / "contracts").glob("*.yaml"))]
    run = accord("status", "export", str(folder), *contracts,
                 "--evidence-dir", str(EXAMPLES / "evidence"), "--now", NOW)  # fmt: skip
    assert run.code == 0, run.err
    return (folder / "index.html").read_text()


def test_it_writes_the_page_its_feeds_and_its_static_files(tmp_path: Path) -> None:
    _export(tmp_path)
    names = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    services = [f"services/{p.stem}.html" for p in sorted((EXAMPLES / "contracts").glob("*"))]
    assert names == ["feed.atom", "feed.rss", "index.html", *services, "static/enhance.js",
                     "static/style.css"]  # fmt: skip


def test_every_link_is_relative_and_nothing_comes_from_another_host(tmp_path: Path) -> None:
    _export(tmp_path)
    for page in [tmp_path / "index.html", *(tmp_path / "services").glob("*.html")]:
        refs = re.findall(r'(?:href|src)="([^"]*)"', page.read_text())
        assert refs and all(r.startswith(("./", "../", "#")) for r in refs), refs
        for ref in refs:
            if not ref.startswith("#"):
                assert (page.parent / ref).exists(), (page, ref)


def test_the_page_says_what_is_down_and_what_is_planned(tmp_path: Path) -> None:
    html = _export(tmp_path)
    assert "<h1>Partial outage</h1>" in html
    assert "Sat 24 Oct 2026, 23:00 PDT" in html  # the next window, in the contract's zone
    assert "times in America/Los_Angeles" in html


def test_the_feeds_are_well_formed_and_list_the_open_incident(tmp_path: Path) -> None:
    _export(tmp_path)
    rss = ET.parse(tmp_path / "feed.rss").getroot()
    titles = [t.text for t in rss.iter("title")]
    assert "Incident (ongoing): Qtrac Standard Service Level Agreement, store-40" in titles
    atom = ET.parse(tmp_path / "feed.atom").getroot()
    ids = [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}id")]
    assert len(ids) == len(set(ids))  # each entry once


def test_a_contract_without_its_evidence_file_is_one_line_of_error(tmp_path: Path) -> None:
    run = accord("status", "export", str(tmp_path), str(EXAMPLES / "contracts" / "ethnio.yaml"),
                 "--evidence-dir", str(tmp_path))  # fmt: skip
    assert run.code == 1
    assert run.err.strip().count("\n") == 0 and "no evidence file" in run.err
    assert not (tmp_path / "index.html").exists()
