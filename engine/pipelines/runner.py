"""Runs a small dependency graph of jobs: each step becomes a normal run when the steps it depends on succeeded.

A step's config may refer to what earlier steps made: ``"$run:<step>"`` is that step's run id (a pair set is
named by the run that made it) and ``"$model:<step>"`` the name of the model its run registered. References are
resolved when the step starts, in the studio process, which owns the store (jobs never open it).

The runner does no long work itself: :meth:`PipelineRunner.advance` looks at the steps' runs, records what
ended and starts what is ready, in well under a second. The studio calls it from its watcher thread (every few
seconds, with or without a browser open) and from the Pipelines page. A failed or cancelled step fails the
pipeline and nothing after it starts; :meth:`PipelineRunner.resume` launches that step's run again from its
last checkpoint (or, when the step failed before its run started, creates it anew) and carries on.
"""

from __future__ import annotations

import threading
from typing import Any

from engine.jobs.config import config_from_dict
from engine.jobs.kinds import KIND_MODULES, job_kind

_REFERENCE_PREFIXES = ("$run:", "$model:")


class PipelineError(ValueError):
    """A pipeline definition that cannot run (unknown kind, bad reference, cycle)."""


def references(value: Any) -> set[str]:
    """The step names a config value refers to."""
    if isinstance(value, str):
        for prefix in _REFERENCE_PREFIXES:
            if value.startswith(prefix):
                return {value[len(prefix):]}
        return set()
    if isinstance(value, list):
        return set().union(*(references(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*(references(v) for v in value.values())) if value else set()
    return set()


def check_steps(steps: list[dict]) -> None:
    """Raise :class:`PipelineError` unless names are unique, kinds known, and every dependency and reference is
    an earlier step (so the order given is a valid order of the graph)."""
    if not steps:
        raise PipelineError("a pipeline needs at least one step")
    seen: set[str] = set()
    for step in steps:
        name = step["name"]
        if name in seen:
            raise PipelineError(f"two steps are named {name!r}")
        if step["kind"] not in KIND_MODULES:
            raise PipelineError(f"step {name!r}: unknown job kind {step['kind']!r}")
        needed = set(step.get("depends_on", [])) | references(step["config"])
        missing = needed - seen
        if missing:
            raise PipelineError(f"step {name!r} depends on {', '.join(sorted(missing))}, which is not an earlier step")
        seen.add(name)


class PipelineRunner:
    """Starts, advances, resumes and cancels pipelines of one store and supervisor (thread-safe)."""

    def __init__(self, store, supervisor) -> None:
        self.store, self.supervisor = store, supervisor
        self._lock = threading.RLock()

    def start(self, name: str, template: str, steps: list[dict]) -> int:
        """Record a pipeline (steps: ``name``, ``kind``, ``config``, optional ``depends_on`` — earlier steps and
        references are dependencies too) and start its first steps; returns its id."""
        check_steps(steps)
        steps = [{**s, "depends_on": sorted(set(s.get("depends_on", [])) | references(s["config"]))} for s in steps]
        pipeline_id = self.store.pipelines.create(name, template, steps)
        self.advance(pipeline_id)
        return pipeline_id

    def advance(self, pipeline_id: int | None = None) -> None:
        """Record the steps whose runs ended and start the steps that are ready, for one running pipeline or all.

        A stopped pipeline whose stopped step's run was resumed on its own (the Runs page's *Resume*) carries on:
        it stayed "failed" while that run went on and succeeded, and *Resume pipeline* then did nothing."""
        with self._lock:
            if pipeline_id is not None:
                pipelines = [self.store.pipelines.get(pipeline_id)]
            else:
                # a step whose run succeeded after Cancel pipeline marked it cancelled says so (its model is
                # registered); the pipeline stays cancelled, and Resume pipeline carries on after it
                for cancelled_pipeline, position in self.store.pipelines.finished_after_cancel():
                    self.store.pipelines.set_step(cancelled_pipeline, position, status="succeeded")
                    if all(s["status"] == "succeeded" for s in self.store.pipelines.get(cancelled_pipeline)["steps"]):
                        self.store.pipelines.set_status(cancelled_pipeline, "succeeded")  # it was the last step
                pipelines = self.store.pipelines.list(statuses=("running",))
                pipelines += [p for p in map(self.store.pipelines.get, self.store.pipelines.resumed_elsewhere())
                              if p is not None and self._rejoin(p)]
            for pipeline in pipelines:
                if pipeline is not None and pipeline["status"] == "running":
                    self._advance(pipeline)

    def _rejoin(self, pipeline: dict) -> bool:
        """Set a stopped pipeline running again when a stopped step's run is running or succeeded now (resumed on
        its own); returns whether it did. A step that never got a run stays stopped."""
        stopped = [s for s in pipeline["steps"] if s["status"] in ("failed", "cancelled")]
        runs = [self.store.runs.get(s["run_id"]) if s["run_id"] else None for s in stopped]
        stopped_at = pipeline.get("finished_at")

        def resumed_since(run: dict | None) -> bool:  # launched again after the pipeline stopped: not the run a
            return (run is not None and run["status"] in ("queued", "running", "succeeded")  # pipeline cancel
                    and stopped_at is not None and run["launched_at"] is not None  # is still stopping
                    and run["launched_at"] > stopped_at)

        if not stopped or not all(resumed_since(r) for r in runs):
            return False
        for step in stopped:
            step["status"] = "running"
            self.store.pipelines.set_step(pipeline["id"], step["position"], status="running")
        self.store.pipelines.set_status(pipeline["id"], "running")
        pipeline["status"] = "running"
        return True

    def _advance(self, pipeline: dict) -> None:
        pid, steps = pipeline["id"], pipeline["steps"]
        for step in steps:
            if step["status"] == "running":
                run = self.store.runs.get(step["run_id"])
                if run["status"] in ("succeeded", "failed", "cancelled"):
                    # the in-memory step too: the pipeline's error below is built from it ("step generate failed"
                    # lacked the run's own reason)
                    step["status"], step["error"] = run["status"], run["error"]
                    self.store.pipelines.set_step(pid, step["position"], status=run["status"], error=run["error"])
        broken = [s for s in steps if s["status"] in ("failed", "cancelled")]
        if broken:
            step = broken[0]
            # a step the user cancelled stops the pipeline as cancelled, not failed
            self.store.pipelines.set_status(pid, "cancelled" if step["status"] == "cancelled" else "failed",
                                            f"step {step['name']} {step['status']}"
                                            f"{': ' + step['error'] if step['error'] else ''}")
            return
        if all(s["status"] == "succeeded" for s in steps):
            self.store.pipelines.set_status(pid, "succeeded")
            return
        done = {s["name"]: s for s in steps if s["status"] == "succeeded"}
        for step in steps:
            ready = step["status"] == "pending" and all(d in done for d in step["depends_on"])
            if ready and not self._launch(pipeline, step, done):
                return

    def _launch(self, pipeline: dict, step: dict, done: dict[str, dict]) -> bool:
        pid, position = pipeline["id"], step["position"]
        try:
            kind = job_kind(step["kind"])
            config = config_from_dict(kind.config_cls, self._resolve(step["config"], done))
            config = self._free_name(config)
            run_id = self.supervisor.create(step["kind"], config, title=f"{pipeline['name']} · {step['name']}")
        except Exception as exc:  # noqa: BLE001 — a step that cannot start fails the pipeline with the reason
            self.store.pipelines.set_step(pid, position, status="failed", error=f"could not start: {exc}")
            self.store.pipelines.set_status(pid, "failed", f"step {step['name']} could not start: {exc}")
            return False
        self.store.pipelines.set_step(pid, position, status="running", run_id=run_id)
        self.supervisor.launch(run_id)
        step.update(status="running", run_id=run_id)
        return True

    def _free_name(self, config: Any) -> Any:
        """``config`` with its ``model_name`` made free (``name-2``…) when a model took it since the pipeline was
        built: the step failed to start on every resume, as a pipeline's settings cannot be edited, and the steps
        before it were lost (a name taken once the runs exist is renamed the same way when the model registers)."""
        from dataclasses import replace

        from engine.models.registry import free_model_name

        name = getattr(config, "model_name", "")
        if name and self.store.models.get(name) is not None:
            return replace(config, model_name=free_model_name(self.store, name))
        return config

    def _resolve(self, value: Any, done: dict[str, dict]) -> Any:
        if isinstance(value, list):
            return [self._resolve(v, done) for v in value]
        if isinstance(value, dict):
            return {k: self._resolve(v, done) for k, v in value.items()}
        if isinstance(value, str) and value.startswith("$run:"):
            return done[value[5:]]["run_id"]
        if isinstance(value, str) and value.startswith("$model:"):
            step = done[value[7:]]
            models = self.store.models.by_run(step["run_id"])
            if not models:
                raise PipelineError(f"step {step['name']} registered no model")
            return models[0]["name"]
        return value

    def resume(self, pipeline_id: int) -> None:
        """Carry on a failed or cancelled pipeline from its failed step: that step's run resumes from its last
        checkpoint (a step that never started is created anew); later steps follow as usual."""
        with self._lock:
            pipeline = self.store.pipelines.get(pipeline_id)
            if pipeline is None:
                raise KeyError(f"no pipeline {pipeline_id}")
            if pipeline["status"] not in ("failed", "cancelled"):
                raise ValueError(f"pipeline {pipeline_id} is {pipeline['status']}; only a failed or cancelled one "
                                 "can be resumed")
            self.supervisor.poll()
            for step in pipeline["steps"]:  # a cancelled step still stopping: its Resume was lost a second later
                run = self.store.runs.get(step["run_id"]) if step["run_id"] else None
                if run is not None and run["status"] in ("queued", "running") and run["cancel_requested_at"]:
                    raise ValueError(f"step {step['name']} is still stopping after the cancel: resume the pipeline "
                                     "once its run has ended (a few seconds, its checkpoint being saved)")
            for step in pipeline["steps"]:
                if step["status"] not in ("failed", "cancelled", "running"):
                    continue
                run = self.store.runs.get(step["run_id"]) if step["run_id"] else None
                if run is not None and run["status"] in ("failed", "cancelled"):
                    self.supervisor.resume(step["run_id"])
                    self.store.pipelines.set_step(pipeline_id, step["position"], status="running")
                elif run is not None and run["status"] in ("queued", "running"):  # resumed on the Runs page
                    self.store.pipelines.set_step(pipeline_id, step["position"], status="running")
                elif run is None:
                    self.store.pipelines.set_step(pipeline_id, step["position"], status="pending")
                elif run["status"] == "succeeded":  # the cancel came after the run had finished
                    self.store.pipelines.set_step(pipeline_id, step["position"], status="succeeded")
            self.store.pipelines.set_status(pipeline_id, "running")
            self.advance(pipeline_id)

    def cancel(self, pipeline_id: int) -> None:
        """Stop a pipeline: its running step's run is cancelled (after a checkpoint); nothing else starts."""
        with self._lock:
            pipeline = self.store.pipelines.get(pipeline_id)
            if pipeline is None or pipeline["status"] != "running":
                return
            for step in pipeline["steps"]:
                if step["status"] == "running":
                    self.supervisor.cancel(step["run_id"])
                    self.store.pipelines.set_step(pipeline_id, step["position"], status="cancelled")
            self.store.pipelines.set_status(pipeline_id, "cancelled", "cancelled by a user")
