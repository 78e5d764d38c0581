"""The event log: complete lines only, seq continued across writers, crash-torn lines."""

from __future__ import annotations

import json

from engine.jobs.events import EventWriter, last_status, read_events


def test_writer_numbers_events_and_continues_after_reopen(tmp_path):
    w = EventWriter(tmp_path)
    assert w.emit("log", message="a") == 1
    assert w.emit("metric", step=1, values={"loss": 2.0}) == 2
    w.close()
    w2 = EventWriter(tmp_path)
    assert w2.emit("status", status="running") == 3
    w2.close()
    assert [e["seq"] for e in read_events(tmp_path).events] == [1, 2, 3]


def test_partial_last_line_is_left_for_later(tmp_path):
    w = EventWriter(tmp_path)
    w.emit("log", message="one")
    w.close()
    path = tmp_path / "events.jsonl"
    with path.open("a") as fh:
        fh.write('{"seq": 2, "time": 1, "type": "log", "mess')
    batch = read_events(tmp_path)
    assert [e["seq"] for e in batch.events] == [1]
    assert batch.next_offset == len(path.read_bytes().split(b"\n")[0]) + 1
    again = read_events(tmp_path, batch.next_offset)
    assert again.events == [] and again.next_offset == batch.next_offset


def test_writer_after_torn_line_starts_a_new_line(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps({"seq": 1, "time": 0, "type": "log", "message": "x"}) + "\n" + '{"seq": 2, "ti')
    w = EventWriter(tmp_path)
    assert w.emit("status", status="running") == 2
    w.close()
    batch = read_events(tmp_path)
    assert [e["seq"] for e in batch.events] == [1, 2]
    assert batch.bad_lines == 1
    assert last_status(tmp_path)["status"] == "running"


def test_non_ascii_and_numpy_values_round_trip(tmp_path):
    import numpy as np

    w = EventWriter(tmp_path)
    w.emit("log", message="مرحبا بالعالم")
    w.emit("metric", step=np.int64(3), values={"loss": np.float32(0.5)})
    w.close()
    events = read_events(tmp_path).events
    assert events[0]["message"] == "مرحبا بالعالم"
    assert events[1]["step"] == 3 and events[1]["values"]["loss"] == 0.5
