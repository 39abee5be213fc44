"""End-to-end tests of the command line, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import entity_resolve as er
from tests.conftest import SMALL_RECORDS


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "entity_resolve", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


@pytest.fixture(scope="module")
def gazetteer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "small.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in SMALL_RECORDS), encoding="utf-8")
    return path


def test_resolve_prints_a_table(gazetteer_file: Path) -> None:
    result = run("resolve", "--gazetteer", str(gazetteer_file), "الجنرال هوثر", "Chalifa Haftar", "Merkel")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["mention", "entity", "id", "type", "score"]
    assert "person:khalifa-haftar" in lines[2]
    assert "person:khalifa-haftar" in lines[3]
    assert "(no entity)" in lines[4]


def test_resolve_json_lines_from_stdin(gazetteer_file: Path) -> None:
    result = run("resolve", "--gazetteer", str(gazetteer_file), "--json", stdin="بنغازي\n\nمجلس الأمن\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["mention"] for row in rows] == ["بنغازي", "مجلس الأمن"]
    assert rows[1]["entity"]["id"] == "org:un-security-council"
    assert rows[1]["candidates"][0]["matched_name"] == "مجلس الأمن"


def test_malformed_gazetteer_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "type": "person", "name": "A"}\n{"id": "b", "type": "robot", "name": "B"}\n')
    result = run("resolve", "--gazetteer", str(bad), "A")
    assert result.returncode == 2
    assert f"{bad}:2 (id 'b'): unknown type 'robot'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_gazetteer_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("resolve", "--gazetteer", str(tmp_path / "nope.jsonl"), "A")
    assert result.returncode == 2
    assert "nope.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


def test_info_counts_types(gazetteer_file: Path) -> None:
    result = run("info", "--gazetteer", str(gazetteer_file))
    assert result.returncode == 0
    assert "10 entities" in result.stdout
    assert "organization: 2" in result.stdout


def test_builtin_gazetteer_end_to_end(builtin_resolver: er.Resolver) -> None:
    # the fixture has built and cached the index; the subprocess loads it
    result = run("resolve", "Chalifa Haftar", "مجلس الأمن الدولي", "بنغازي", "Xqzt Vrwpl")
    assert result.returncode == 0, result.stderr
    assert "person:khalifa-haftar" in result.stdout
    assert "org:un-security-council" in result.stdout
    assert "Benghazi" in result.stdout
    assert "(no entity)" in result.stdout.splitlines()[-1]


def test_text_prints_the_mentions_of_a_file_with_offsets(gazetteer_file: Path, tmp_path: Path) -> None:
    article = "قال المشير خليفة حفتر في بنغازي. وأضاف الجنرال هوثر أن مجلس الأمن لم يتخذ قرارا."
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    result = run("text", "--gazetteer", str(gazetteer_file), str(path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["start", "end", "mention", "entity", "id", "type", "score"]
    rows = [line.split() for line in lines[2:]]
    for row in rows:
        start, end = int(row[0]), int(row[1])
        assert article[start:end].split() == row[2 : 2 + len(article[start:end].split())]
    ids = [next(cell for cell in row if ":" in cell) for row in rows]
    assert ids == ["person:khalifa-haftar", "place:benghazi", "person:khalifa-haftar", "org:un-security-council"]


def test_text_json_lines_from_stdin(gazetteer_file: Path) -> None:
    text = "General Haftar flew to Benghazi."
    result = run("text", "--gazetteer", str(gazetteer_file), "--json", stdin=text)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["text"], row["entity"]["id"]) for row in rows] == [
        ("General Haftar", "person:khalifa-haftar"),
        ("Benghazi", "place:benghazi"),
    ]
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)


def test_text_of_a_missing_file_is_a_clear_error(gazetteer_file: Path, tmp_path: Path) -> None:
    result = run("text", "--gazetteer", str(gazetteer_file), str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert "missing.txt" in result.stderr
