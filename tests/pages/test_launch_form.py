"""The launch choice of the training forms: several machines."""

from __future__ import annotations

from tests.pages.conftest import shown


def test_several_machines_need_the_address_of_machine_0(open_page, store, tiny_policy, tiny_rm):
    at = open_page("ppo")
    at.selectbox(key="ppo-launch").set_value("ddp")
    at.run()
    at.number_input(key="ppo-procs").set_value(2)
    at.number_input(key="ppo-machines").set_value(2)
    at.run()
    assert not at.exception
    assert any("nodes.txt" in c.value for c in at.caption)
    # the memory estimate counts the processes of both machines
    assert any("on 4 GPUs" in m.value for m in at.markdown if "needs ~" in m.value)
    at.button[[b.label for b in at.button].index("Start PPO")].click()
    at.run()
    assert any("need main_process_ip" in shown(e.value) for e in at.error), [e.value for e in at.error]
    assert store.runs.list(kinds=("ppo",)) == []
