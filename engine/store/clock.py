"""Timestamps as the store keeps them: naive UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time, naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def from_unix(seconds: float) -> datetime:
    """A Unix time (as written in events) as naive UTC."""
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
