"""Two linguists in two real browser sessions work through one review queue at the same time, 100 judgements
each, double-clicking *Submit judgement* on every other item: all 200 judgements are stored once, under the right
name, and none is lost or doubled.

The workspace is seeded through the engine: a 100-source test split, a review queue of it with k = 2 (both
linguists judge every source, so they contend for the same items all along), and each item's three candidates
already attached — so no model generates anything during the test and every judgement is the fastest path the
page offers: tick "the order shown is right", *Submit judgement* (one script run of the queue's fragment: the
button's callback stores the judgement, and the run shows its confirmation with the next item; *Next item* is
clicked once, for the first).

Both sessions are browser contexts of one Chromium driven by Playwright's async API from one event loop (in a
thread of its own, apart from pytest-playwright's sync loop), so their clicks interleave for real. Every wait is
on the page's state (the form appearing or going, the app idle), never on a pace.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import statistics
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import APP_IDLE, APP_WAIT_MS, CHROMIUM, CHROMIUM_ARGS, IDLE_POLL_MS, IS_IDLE, StudioServer

pytestmark = pytest.mark.e2e

N_ITEMS = 100
"""Sources in the queue; with k = 2 each linguist judges all of them: 2 × 100 judgements."""
LINGUISTS = ("Amina", "Bilal")
DOUBLE_EVERY = 2
"""Every second judgement of each linguist is submitted with a double click."""
SAVED = re.compile(r"Saved: judgement #(\d+)")
ITEM = re.compile(r"^Item (\d+) of \d+$")
AS_SHOWN = re.compile(r"^The order shown is right")
CLICK_ATTEMPTS = 5
CHECK_WAIT_MS = 30_000
"""How long a click on the box's label has to show it ticked before it is clicked again (a lost click, at load ~5,
left the box unticked for the whole 600 s wait)."""
SAVED_AND_IDLE = """([idle, pattern, judged]) => {
  if (!document.querySelector(idle)) return false;
  const re = new RegExp(pattern), gone = new RegExp(judged, 'm');
  return [...document.querySelectorAll('[role=tabpanel]')].some(
    p => p.offsetParent !== null && re.test(p.innerText) && !gone.test(p.innerText));
}"""
"""The app idle with a shown tab's text matching ``pattern`` — the confirmation of one item's judgement — and no
longer matching ``judged`` — that item's caption, so its form is gone: after a double click Streamlit can drop the
rest of a run and look idle with the old form beside the new confirmation, and the next turn read the judged item
again (one linguist's 100 confirmations counted 99 judgements). Looked for every :data:`IDLE_POLL_MS`."""


def seed_queue(home: Path, policy_dir: Path, n_items: int = N_ITEMS) -> dict[int, str]:
    """A store with the policy at ``policy_dir``, a corpus of ``n_items`` test sources and a k = 2 queue over them
    whose items already hold their candidates (the reference and two shuffled copies); returns item id → request id.
    (``bench.review_queue`` seeds its workspaces with it too.)"""
    import random

    import pyarrow as pa

    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.queue import create_queue
    from engine.store import Store
    from tests.conftest import corrupted, demo_pairs

    pairs = [p for p in demo_pairs(n_items) if p[2] == "en-ar"][:n_items]
    assert len({s for s, _, _ in pairs}) == n_items
    store = Store(home / "studio.duckdb")
    try:
        store.models.register("tiny-sft", "policy", str(policy_dir), stage="sft", metadata={"prompt_format": "tags"})
        rows = [{"line": i + 1, "source": s, "target": t, "pair": p, "split": "test", "norm_key": f"{s}\n{t}"}
                for i, (s, t, p) in enumerate(pairs)]
        corpus = store.corpora.add("two-linguists", "en-ar", pa.Table.from_pylist(rows))
        queue_id = create_queue(store, name="Two linguists", corpus_ids=[corpus], split="test", k=len(LINGUISTS),
                                model="tiny-sft", rm=None, created_by="Lead", linguists=list(LINGUISTS))
        rng = random.Random(0)
        requests = {}
        for item in store.db.query_dicts("SELECT item_id, source, pair, reference FROM review_items"
                                         " WHERE queue_id = ? ORDER BY item_id", [queue_id]):
            texts = [item["reference"], corrupted(item["reference"], rng), corrupted(item["reference"], rng) + " x"]
            texts = list(dict.fromkeys(texts)) + [f"{item['reference']} ({n})" for n in range(3)]
            cands = [RankedCandidate(t, None, "temperature:1.0", ["temperature:1.0"], 1) for t in texts[:3]]
            translation = Translation(source=item["source"], pair=item["pair"], model="tiny-sft", rm=None,
                                      strategies=["temperature:1.0"], settings={"max_new_tokens": 16, "seed": 0},
                                      candidates=cands, generate_s=0.0, score_s=0.0)
            request_id = record(store, translation, linguist=None, queue_id=queue_id, item_id=item["item_id"])
            assert store.feedback.set_item_request(queue_id, item["item_id"], request_id) == request_id
            requests[item["item_id"]] = request_id
        return requests
    finally:
        store.close()


async def _judge_all(browser, url: str, linguist: str, start: asyncio.Barrier, shots: Path) -> dict:
    """One linguist's browser session: sign in by the address, open the queue, judge until nothing is left; on a
    failure, the page as it stood is saved to ``shots/two-linguists-<linguist>.png``."""

    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = await context.new_page()
    sockets: list[str] = []  # every websocket the page opened: more than one means it lost its connection
    page.on("websocket", lambda ws: sockets.append(f"{time.strftime('%H:%M:%S')} {ws.url}"))
    try:
        return await judge_queue(page, url, linguist, start)
    except BaseException:
        await page.screenshot(path=str(shots / f"two-linguists-{linguist}.png"), full_page=True)
        (shots / f"two-linguists-{linguist}.txt").write_text(await _page_state(page, sockets), encoding="utf-8")
        raise
    finally:
        await context.close()


async def _page_state(page, sockets: list[str]) -> str:
    """What a failed wait leaves to read: the app's script and connection state, which tab is selected, and the
    websockets the page opened."""
    app = page.locator('[data-testid="stApp"]')
    lines = [f"script state: {await app.get_attribute('data-test-script-state')}",
             f"connection state: {await app.get_attribute('data-test-connection-state')}"]
    for tab in await page.get_by_role("tab").all():
        lines.append(f"tab {await tab.inner_text()!r} selected={await tab.get_attribute('aria-selected')}")
    lines += [f"websocket opened {s}" for s in sockets]
    return "\n".join(lines) + "\n"


async def judge_queue(page, url: str, linguist: str, start: asyncio.Barrier, n_items: int = N_ITEMS) -> dict:
    """The judging loop of :func:`_judge_all`: sign in, open the queue, judge ``n_items`` items (a double click on
    every other *Submit judgement*), then see the queue empty; returns what was judged and each submit's latency
    (click to the confirmation, the app idle)."""
    from playwright.async_api import expect

    page.set_default_timeout(APP_WAIT_MS)
    page.set_default_navigation_timeout(APP_WAIT_MS)

    async def idle() -> None:
        await page.wait_for_function(IS_IDLE, arg=APP_IDLE, polling=IDLE_POLL_MS, timeout=APP_WAIT_MS)

    await page.goto(f"{url}/translate?linguist={linguist}", wait_until="domcontentloaded")
    await idle()
    await expect(page.get_by_text(f"Signed in as {linguist}")).to_be_visible()
    await page.get_by_role("tab", name="Review queue").click()
    panel = page.get_by_role("tabpanel", name="Review queue")
    next_item = panel.get_by_role("button", name="Next item")
    submit = panel.get_by_role("button", name="Submit judgement")
    done, doubles, latencies = [], 0, []
    await start.wait()  # both sessions are signed in with the queue open: from here on they run side by side
    await expect(next_item).to_be_visible()
    await idle()
    await next_item.click()  # the first item; each later one comes with the confirmation of the one before
    for n in range(n_items):
        await expect(submit).to_be_visible()  # the item's form
        await idle()
        item = int(ITEM.match(await panel.get_by_text(ITEM).inner_text()).group(1))
        assert item not in {d["item"] for d in done}, f"{linguist}: item {item} shown again after its judgement"
        box = panel.get_by_role("checkbox", name=AS_SHOWN)
        for attempt in range(CLICK_ATTEMPTS):  # the box's label takes the click; no rerun inside a form
            await panel.get_by_text(AS_SHOWN).click()
            try:  # on a loaded machine a click that lands while the form is drawn again is lost: click once more
                await expect(box).to_be_checked(timeout=CHECK_WAIT_MS)
                break
            except AssertionError:
                if attempt == CLICK_ATTEMPTS - 1:
                    raise
                await idle()
        double = n % DOUBLE_EVERY == 0
        clicked = time.monotonic()
        if double:
            await submit.dblclick()
            doubles += 1
        else:
            await submit.click()
        confirmation = panel.get_by_text(re.compile(rf"^Saved: judgement #\d+ .* for item {item} at "))
        await page.wait_for_function(SAVED_AND_IDLE, arg=[APP_IDLE, rf"Saved: judgement #\d+ .* for item {item} at ",
                                                          rf"^Item {item} of \d+$"],
                                     polling=IDLE_POLL_MS, timeout=APP_WAIT_MS)
        latencies.append(time.monotonic() - clicked)
        assert await page.get_by_test_id("stException").count() == 0, f"{linguist}: an exception on item {item}"
        saved = int(SAVED.search(await confirmation.inner_text()).group(1))
        done.append({"item": item, "judgement": saved, "double": double})
    await expect(panel.get_by_text("Nothing left for you in this queue. Thank you!")).to_be_visible()
    await expect(submit).to_have_count(0)
    return {"linguist": linguist, "done": done, "doubles": doubles, "latencies": latencies}


async def _two_sessions(url: str, shots: Path) -> list[dict]:
    from playwright.async_api import async_playwright, expect

    expect.set_options(timeout=APP_WAIT_MS)
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            start = asyncio.Barrier(len(LINGUISTS))
            return await asyncio.gather(*(_judge_all(browser, url, name, start, shots) for name in LINGUISTS))
        finally:
            await browser.close()


def _run_in_own_loop(url: str, shots: Path) -> list[dict]:
    """Run the async sessions in a thread with its own event loop (pytest-playwright's sync API owns this one)."""
    result: dict = {}

    def target() -> None:
        try:
            result["value"] = asyncio.run(_two_sessions(url, shots))
        except BaseException as exc:  # noqa: BLE001 — handed back to the test's thread
            result["error"] = exc

    thread = threading.Thread(target=target, name="two-linguists")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (the studio server, the Playwright driver and its
    Chromium): what the journey costs whatever else the machine is doing."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def test_two_linguists_submit_100_judgements_each_at_once_all_stored_once(tmp_path, tiny_policy_dir, artifacts):
    home = tmp_path / "workspace"
    requests = seed_queue(home, tiny_policy_dir)
    server = StudioServer(home)
    load_before = os.getloadavg()
    cpu_before = _cpu_s()
    started = time.monotonic()
    try:
        sessions = _run_in_own_loop(server.url, artifacts)
    except BaseException:
        # keep what a hang leaves: every server thread's stack, in the server's log, copied beside the screenshots
        server.dump_stacks()
        (artifacts / "two-linguists-server.log").write_bytes(server.log_path.read_bytes())
        raise
    finally:
        wall_s = time.monotonic() - started
        load_after = os.getloadavg()
        server.stop()  # the studio holds the database: stop it to read the store
        cpu_s = _cpu_s() - cpu_before

    from engine.feedback.queue import queue_agreement
    from engine.store import Store

    store = Store(home / "studio.duckdb")
    try:
        rows = store.feedback.judgements()
        n_requests = store.db.query("SELECT count(*) FROM translation_requests")[0][0]
        report = queue_agreement(store)
    finally:
        store.close()

    submitted = sum(len(s["done"]) for s in sessions)
    doubles = sum(s["doubles"] for s in sessions)
    by_id = {r["id"]: r for r in rows}
    keys = [(r["linguist"], r["item_id"]) for r in rows]
    latencies = sorted(x for s in sessions for x in s["latencies"])
    figures = {
        "judgements_submitted": submitted, "double_clicks": doubles, "stored": len(rows),
        "distinct_submissions": len({r["submission_id"] for r in rows}),
        "duplicates": len(keys) - len(set(keys)), "wall_s": round(wall_s, 1),
        "submit_to_saved_s": {"median": round(statistics.median(latencies), 2), "max": round(latencies[-1], 2)},
        "cpu_s": round(cpu_s, 1), "cpus": os.cpu_count(),
        "load_avg_1min": {"before": round(load_before[0], 2), "after": round(load_after[0], 2)},
    }
    print("two linguists:", json.dumps(figures))
    (artifacts / "two-linguists.json").write_text(json.dumps(figures, indent=2) + "\n")

    assert submitted == 2 * N_ITEMS and doubles == N_ITEMS
    # every judgement stored exactly once: 200 rows, 200 submission ids, one row per (linguist, item)
    assert len(rows) == 2 * N_ITEMS and figures["distinct_submissions"] == len(rows) and figures["duplicates"] == 0
    assert sorted(keys) == sorted((name, item) for name in LINGUISTS for item in range(1, N_ITEMS + 1))
    for session in sessions:
        # each browser saw its own judgement numbers confirmed, and the store holds them under its linguist
        assert len({d["judgement"] for d in session["done"]}) == N_ITEMS
        assert sorted(d["item"] for d in session["done"]) == list(range(1, N_ITEMS + 1))
        for d in session["done"]:
            row = by_id[d["judgement"]]
            assert (row["linguist"], row["item_id"]) == (session["linguist"], d["item"])
            assert row["request_id"] == requests[d["item"]] and row["kind"] == "ranking"
            assert row["ranking"] == [0, 1, 2] and row["queue_id"] == 1
    assert n_requests == N_ITEMS  # the seeded candidates were used: nothing was sampled during the test
    assert report.shared_items == N_ITEMS and report.mean_tau == pytest.approx(1.0)
