from __future__ import annotations

import json
from pathlib import Path

import pytest

import entity_resolve as er
from entity_resolve.gazetteer import entity_from_record


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_from_records_builds_read_only_collection(small_gazetteer: er.Gazetteer) -> None:
    haftar = small_gazetteer["person:khalifa-haftar"]
    assert haftar.name == "Khalifa Haftar"
    assert haftar.names[0] == "Khalifa Haftar"
    assert "خليفة حفتر" in haftar.names
    assert "person:khalifa-haftar" in small_gazetteer
    assert "nobody" not in small_gazetteer
    assert len(small_gazetteer) == len(list(small_gazetteer))
    with pytest.raises(KeyError):
        small_gazetteer["nobody"]


def test_entity_is_frozen(small_gazetteer: er.Gazetteer) -> None:
    with pytest.raises(AttributeError):
        small_gazetteer["place:benghazi"].name = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"type": "person", "name": "X"}, "missing 'id'"),
        ({"id": "a", "type": "planet", "name": "X"}, "unknown type 'planet'"),
        ({"id": "a", "type": "person", "name": "  "}, "empty or missing 'name'"),
        ({"id": "a", "type": "person"}, "empty or missing 'name'"),
        ({"id": "a", "type": "person", "name": "X", "aliases": [1, 2]}, "'aliases' must be a list of strings"),
        ({"id": "a", "type": "person", "name": "X", "prior": 7}, "'prior' must lie in"),
        ({"id": "a", "type": "person", "name": "X", "prior": "high"}, "'prior' must be a number"),
    ],
)
def test_malformed_records_raise_value_error(record: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        entity_from_record(record)


def test_duplicate_id_in_records_is_named() -> None:
    records = [{"id": "a", "type": "place", "name": "Sirte"}, {"id": "a", "type": "place", "name": "Derna"}]
    with pytest.raises(ValueError, match=r"records\[2\]: duplicate id 'a'"):
        er.Gazetteer.from_records(records)


def test_load_jsonl_names_file_and_line(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "type": "place", "name": "Sirte", "aliases": ["سرت"]}, ensure_ascii=False)
    path = write(tmp_path / "g.jsonl", good + "\n\n" + '{"id": "b", "type": "place"}\n')
    with pytest.raises(ValueError, match=r"g\.jsonl:3 \(id 'b'\): empty or missing 'name'"):
        er.Gazetteer.load(path)


def test_load_jsonl_invalid_json_names_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.jsonl", '{"id": "a", "type": "place", "name": "Sirte"}\n{not json\n')
    with pytest.raises(ValueError, match=r"g\.jsonl:2: invalid JSON"):
        er.Gazetteer.load(path)


def test_load_jsonl_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    line = '{"id": "a", "type": "place", "name": "Sirte"}\n'
    path = write(tmp_path / "g.jsonl", line + line)
    with pytest.raises(ValueError, match=r"g\.jsonl:2: duplicate id 'a' \(first at .*g\.jsonl:1\)"):
        er.Gazetteer.load(path)


def test_load_csv_and_tsv(tmp_path: Path) -> None:
    csv_path = write(tmp_path / "g.csv", "id,type,name,aliases,country\nsirte,place,Sirte,سرت|Sirt,LY\n")
    tsv_path = write(tmp_path / "g.tsv", "id\ttype\tname\taliases\nsirte\tplace\tSirte\tسرت|Sirt\n")
    for path in (csv_path, tsv_path):
        g = er.Gazetteer.load(path)
        assert g["sirte"].names == ("Sirte", "سرت", "Sirt")
    assert er.Gazetteer.load(csv_path)["sirte"].country == "LY"


def test_load_csv_bad_row_names_line(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "id,type,name\nsirte,place,Sirte\nx,town,Derna\n")
    with pytest.raises(ValueError, match=r"g\.csv:3 \(id 'x'\): unknown type 'town'"):
        er.Gazetteer.load(path)


def test_load_csv_without_required_header(tmp_path: Path) -> None:
    path = write(tmp_path / "g.csv", "identifier,name\n1,Sirte\n")
    with pytest.raises(ValueError, match=r"g\.csv:1: header must name"):
        er.Gazetteer.load(path)


def test_load_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported gazetteer format"):
        er.Gazetteer.load(write(tmp_path / "g.xml", "<x/>"))


def test_extend_combines_and_rejects_clashes(small_gazetteer: er.Gazetteer) -> None:
    extended = small_gazetteer.extend([{"id": "place:sirte", "type": "place", "name": "Sirte"}])
    assert len(extended) == len(small_gazetteer) + 1
    assert "place:sirte" in extended
    assert "place:sirte" not in small_gazetteer
    with pytest.raises(ValueError, match="duplicate id 'place:benghazi'"):
        small_gazetteer.extend([{"id": "place:benghazi", "type": "place", "name": "B"}])


def test_fingerprint_is_stable_and_content_sensitive(small_gazetteer: er.Gazetteer) -> None:
    from tests.conftest import SMALL_RECORDS

    again = er.Gazetteer.from_records(SMALL_RECORDS)
    assert again.fingerprint == small_gazetteer.fingerprint
    changed = er.Gazetteer.from_records([*SMALL_RECORDS[:-1], {**SMALL_RECORDS[-1], "name": "Misurata"}])
    assert changed.fingerprint != small_gazetteer.fingerprint


def test_default_gazetteer_ships_every_type() -> None:
    g = er.Gazetteer.default()
    types = {entity.type for entity in g}
    assert types == {"person", "organization", "place"}
    assert g is er.Gazetteer.default()


def test_a_lazy_gazetteer_keeps_a_bounded_number_of_parsed_entities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a long stream of mentions parses tens of thousands of entities: keeping them all made each full
    # garbage collection walk them (120 ms); an entity parsed again equals the one read before
    from entity_resolve import gazetteer as gazetteer_module

    records = [{"id": f"p{n}", "type": "person", "name": f"Person {n}", "prior": 0.5} for n in range(40)]
    data = "\n".join(json.dumps(record) for record in records).encode()
    lazy = gazetteer_module._lazy_gazetteer(data, tmp_path / "lazy.jsonl", "lazy")
    first = lazy["p3"]
    monkeypatch.setattr(gazetteer_module, "_PARSED_KEPT", 8)
    assert [entity.name for entity in lazy] == [record["name"] for record in records]  # every one parsed, in order
    assert len(lazy._entities._cache) <= 8
    assert lazy["p3"] == first
    assert lazy.entity_at(39).id == "p39"
    with pytest.raises(IndexError):
        lazy.entity_at(40)
