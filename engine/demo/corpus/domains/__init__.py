"""One module per group of everyday domains; each has ``generate() -> list[Triple]`` (deterministic)."""

DOMAINS: tuple[str, ...] = (
    "home_family",
    "food_shopping",
    "travel_weather",
    "work_school",
    "health_tech",
    "daily_life",
)
"""The domain modules, in the order their triples are gathered."""
