"""The launcher the browser tests and benchmarks start studios with (:mod:`studio.running`)."""

from __future__ import annotations

from studio.running import STACK_DUMP_MARK, RunningStudio


def test_a_running_studio_dumps_its_threads_stacks_into_its_log_and_goes_on(tmp_path):
    studio = RunningStudio(tmp_path / "workspace", env={"TARJAMA_WATCHER": "0"})
    try:
        assert studio.dump_stacks()
        log = studio.log_path.read_bytes()
        assert log.count(STACK_DUMP_MARK) >= 2  # every thread: the main one and the server's at least
        assert studio.proc.poll() is None  # still running
        assert studio.dump_stacks()  # and a second dump is seen as a new one
    finally:
        studio.stop()
    assert not studio.dump_stacks()  # a stopped studio has nothing to dump
