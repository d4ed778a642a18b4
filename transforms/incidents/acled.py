"""ACLED-compatible event classes, so rows can be compared with ACLED's own data."""
from __future__ import annotations

_EXPLOSIONS = "Explosions/Remote violence"
_STRATEGIC = "Strategic developments"

_ACLED = {
    "drone_attack": (_EXPLOSIONS, "Air/drone strike"),
    "airstrike": (_EXPLOSIONS, "Air/drone strike"),
    "missile_strike": (_EXPLOSIONS, "Shelling/artillery/missile attack"),
    "shelling": (_EXPLOSIONS, "Shelling/artillery/missile attack"),
    "interception": (_STRATEGIC, "Disrupted weapons use"),
    "air_alert": (_STRATEGIC, "Other"),
}


def classify(event_type: str) -> tuple[str | None, str | None]:
    """(acled_event_type, acled_sub_event_type) of one of our event types."""
    return _ACLED.get(event_type, (None, None))
