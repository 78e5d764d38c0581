"""The Monitor page: a seeded translation log charted per model version, a drift alert, the endpoint toggle."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import timedelta

from engine.models.registry import promote
from engine.store.clock import utc_now
from tests.pages.conftest import by_label, shown


def _seed(store):
    """Model v1 (production first) served 3 weeks ago with rewards 0.4/0.6; v2 promoted 14 days ago, steady at first,
    then its reward drops to 0.3 over the last 5 days and a third of its outputs are copies of the source."""
    store.models.register("v1", "policy", "/models/v1", stage="sft")
    store.models.register("v2", "policy", "/models/v2", stage="final")
    promote(store, "v1", confirm_name="v1")
    promote(store, "v2", confirm_name="v2")
    now = utc_now()
    with store.db.transaction() as cur:  # the promotions happened when each version started serving
        cur.execute("UPDATE promotions SET time = ? WHERE model = 'v1'", [now - timedelta(days=21, hours=1)])
        cur.execute("UPDATE promotions SET time = ? WHERE model = 'v2'", [now - timedelta(days=14, hours=1)])

    def entry(model, when, reward, copy=False):
        source = f"Sentence {when:%j%H%M}."
        return {
            "origin": "endpoint",
            "model": model,
            "pair": "en-ar",
            "source": source,
            "output": source if copy else "القطة على الطاولة.",
            "reward": reward,
            "degenerate": copy,
            "flags": ["copy_of_source"] if copy else [],
            "created_at": when,
        }

    rows = [entry("v1", now - timedelta(days=21, hours=-3 * i), 0.4 + 0.2 * (i % 2)) for i in range(40)]
    rows += [entry("v2", now - timedelta(days=14, hours=-3 * i), 0.4 + 0.2 * (i % 2)) for i in range(40)]
    rows += [entry("v2", now - timedelta(days=5, hours=-3 * i), 0.3, copy=i % 3 == 0) for i in range(30)]
    store.translation_log.add(rows)


def test_an_empty_log_says_how_to_fill_it_and_settings_are_saved(open_page, store):
    at = open_page("monitor")
    assert at.title[0].value == "Monitor"
    assert any("Nothing logged yet" in i.value for i in at.info)
    at.number_input(key="mon-settings-review_rate").set_value(0.5)
    # a QE model that cannot run is refused (it was saved, and every entry then had no QE score)
    at.text_input(key="mon-settings-qe_model").set_value("/models/cometkiwi")
    by_label(at.button, "Save settings").click().run()
    assert any(shown(e.value).startswith("QE model: ") for e in at.error)
    assert not any(s.value == "Saved." for s in at.success)
    at.text_input(key="mon-settings-qe_model").set_value("")
    by_label(at.button, "Save settings").click().run()
    assert not at.exception and any(s.value == "Saved." for s in at.success)
    from engine.monitor.settings import load_settings

    saved = load_settings(store)
    assert (saved.review_rate, saved.qe_model, saved.baseline_days) == (0.5, "", 7)


def test_a_seeded_log_is_charted_per_model_with_its_alerts(open_page, store):
    _seed(store)
    at = open_page("monitor")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Production model"] == "v2" and metrics["Translations logged"] == "110"
    messages = [e.value for e in at.error]
    assert len(messages) == 2, messages
    assert messages[0].startswith("v2: reward (mean) is 0.300 over 30") and "below its control limit" in messages[0]
    assert messages[1].startswith("v2: degenerate outputs (share) is 33.3% over 30") and "above" in messages[1]
    assert not any(m.startswith("v1") for m in messages)  # v1's own baseline: it never drifted
    table = at.dataframe[0].value  # the baseline and window of every measure, with its status
    assert list(table.loc[table["status"] == "alert", "model"]) == ["v2", "v2"]
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(charts) == 2
    reward = next(c for c in charts if c["layout"]["title"]["text"] == "Reward (mean) per day")
    assert [t["name"] for t in reward["data"]] == ["v1", "v2"]
    assert sum("promote: v2" in a["text"] for a in reward["layout"]["annotations"]) == 1
    by_label(at.radio, "Per").set_value("week").run()
    assert not at.exception
    assert any("per week" in json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart"))
    # only v1 chosen: no alert, and no green check either — it served nothing in the last 7 days, so there is no
    # window to judge (a green "no drift" read as "all is well")
    by_label(at.multiselect, "Model versions").set_value(["v1"]).run()
    assert not at.error and not at.success
    assert any("Not enough observations to judge drift yet" in i.value for i in at.info)


def test_the_endpoint_toggle_serves_real_requests_and_stops(open_page):
    at = open_page("monitor")
    at.number_input(key="mon-port").set_value(0)
    at.toggle(key="mon-serve").set_value(True).run()
    assert not at.exception
    [serving] = [s.value for s in at.success if s.value.startswith("Serving at ")]
    url = serving.removeprefix("Serving at ")
    assert url.startswith("http://127.0.0.1:") and url.endswith("/translate")
    request = urllib.request.Request(url, data=b'{"text": "Hello", "pair": "en-ar"}', method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=30)
        raise AssertionError("no production model: the endpoint must refuse")
    except urllib.error.HTTPError as err:
        assert err.code == 503 and "no production model" in json.loads(err.read())["error"]
    at.toggle(key="mon-serve").set_value(False).run()
    assert not any(s.value.startswith("Serving at ") for s in at.success)
    try:
        urllib.request.urlopen(request, timeout=5)
        raise AssertionError("the endpoint still answers after it was stopped")
    except urllib.error.URLError as err:
        assert not isinstance(err, urllib.error.HTTPError)


def test_what_is_logged_after_the_page_opened_shows_on_its_next_run(open_page, store):
    # the observations are kept between reruns (recomputing them all took seconds on a large log): a new entry or
    # judgement must still reach the alerts
    store.models.register("v1", "policy", "/models/v1", stage="sft")
    promote(store, "v1", confirm_name="v1")
    now = utc_now()
    steady = [{"origin": "endpoint", "model": "v1", "pair": "en-ar", "source": f"Sentence {i}.",
               "output": "القطة على الطاولة.", "reward": 0.5 + 0.1 * (i % 2), "degenerate": False, "flags": [],
               "created_at": now - timedelta(days=20, hours=-3 * i)} for i in range(40)]
    store.translation_log.add(steady)
    at = open_page("monitor")
    assert not at.error and any("Not enough observations" in i.value for i in at.info)  # nothing in the window
    copies = [{**row, "source": f"Copy {i}.", "output": f"Copy {i}.", "degenerate": True, "flags": ["copy_of_source"],
               "reward": 0.1, "created_at": now - timedelta(hours=i)} for i, row in enumerate(steady[:30])]
    store.translation_log.add(copies)
    at.run()
    assert any(e.value.startswith("v1: degenerate outputs (share)") for e in at.error), [e.value for e in at.error]


def test_a_version_that_starts_serving_while_the_tab_is_open_joins_the_selection(open_page, store, caplog):
    # the keyed multiselect kept the versions of when the tab opened: a newly promoted model and its alerts stayed
    # hidden behind "Not enough observations"; a version taken out by hand stays out
    now = utc_now()

    def rows(model, n, hours_ago):
        return [{"origin": "endpoint", "model": model, "pair": "en-ar", "source": f"{model} {i}.",
                 "output": "القطة على الطاولة.", "reward": 0.5, "degenerate": False, "flags": [],
                 "created_at": now - timedelta(hours=hours_ago + i)} for i in range(n)]

    store.translation_log.add(rows("v1", 5, 100) + rows("v0", 5, 200))
    at = open_page("monitor")
    assert set(at.multiselect(key="mon-models").value) == {"v0", "v1"}
    at.multiselect(key="mon-models").unselect("v0").run()
    store.translation_log.add(rows("v2", 5, 1))
    at.run()
    assert not at.exception and set(at.multiselect(key="mon-models").value) == {"v1", "v2"}
    # the selection set by the page, and a default as well: Streamlit warned of it in the log at every rerun
    assert "created with a default value but also had its value set" not in caplog.text


def test_a_tab_opened_before_the_endpoint_started_does_not_stop_it(open_page):
    # a Monitor tab opened while the endpoint was off stopped it at its next rerun of anything (its own toggle's
    # old value compared with the running endpoint): other tools on the machine lost the endpoint
    from studio.endpoint import running_endpoint, stop_endpoint

    stale, other = open_page("monitor"), open_page("monitor")
    try:
        other.number_input(key="mon-port").set_value(0)
        other.toggle(key="mon-serve").set_value(True).run()
        assert running_endpoint() is not None
        stale.run()  # anything that reruns the old tab (a chart's period, a setting)
        assert running_endpoint() is not None and stale.toggle(key="mon-serve").value is True
        assert any(s.value.startswith("Serving at ") for s in stale.success)
        stale.toggle(key="mon-serve").set_value(False).run()  # its own click still stops it
        assert running_endpoint() is None
    finally:
        stop_endpoint()


def test_a_settings_form_opened_before_another_leads_save_keeps_that_save(open_page, store):
    # lead B's tab, opened before lead A saved a review rate of 0.5, saved only a new sigmas — and wrote back its
    # stale review rate 0.05 over A's, saying "Saved."
    from engine.monitor.settings import MonitorSettings, load_settings, save_settings

    lead_b = open_page("monitor")
    save_settings(store, MonitorSettings(review_rate=0.5))  # lead A, in another tab
    lead_b.number_input(key="mon-settings-sigmas").set_value(2.5)
    by_label(lead_b.button, "Save settings").click().run()
    assert not lead_b.exception and any(s.value == "Saved." for s in lead_b.success)
    saved = load_settings(store)
    assert (saved.review_rate, saved.sigmas) == (0.5, 2.5)
    lead_b.run()
    assert lead_b.number_input(key="mon-settings-1-review_rate").value == 0.5  # the form shows what is stored now
    # the page left and opened again after another save: its new form's values are what it compares against
    lead_b.switch_page("../pages/reward.py").run()
    save_settings(store, MonitorSettings(review_rate=0.3, sigmas=2.5))
    lead_b.switch_page("../pages/monitor.py").run()
    assert lead_b.number_input(key="mon-settings-1-review_rate").value == 0.3
    lead_b.number_input(key="mon-settings-1-review_rate").set_value(0.5)  # back to what the stale record held
    by_label(lead_b.button, "Save settings").click().run()
    assert load_settings(store).review_rate == 0.5
