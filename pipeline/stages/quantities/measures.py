"""SI values of measures through pint: the unit registry loaded once, lazily, and one linear map per unit cached."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache


@lru_cache(maxsize=1)
def _registry():
    import pint

    return pint.UnitRegistry()


def load_units() -> None:
    """Build the unit registry now; it is built once per process, and components that ask it call this when they are
    made so its one-off cost (about a second) falls on start-up, not on the first article's step."""
    _registry()


@lru_cache(maxsize=512)
def si_map(expression: str) -> tuple[float, float, str] | None:
    """(scale, offset, SI unit) with SI value = scale * value + offset for a pint unit expression
    ("km", "degC", "1e9 m**3"), or None when pint does not know it. Offsets are for temperatures."""
    import pint

    reg = _registry()
    try:
        unit = reg.parse_expression(expression)
        if not isinstance(unit, pint.Quantity):
            unit = reg.Quantity(1.0, unit)
        zero = reg.Quantity(0.0, unit.units).to_base_units()
        one = reg.Quantity(1.0, unit.units).to_base_units()
    except (pint.errors.PintError, ValueError, AttributeError):
        return None
    scale = (one.magnitude - zero.magnitude) * float(unit.magnitude)
    return scale, float(zero.magnitude), f"{one.units:~C}"


class SiConverter:
    """The SI value and unit of a measure's value ("5kW" and "5,000 watts" both give 5000.0 kg*m**2/s**3)."""

    def __init__(self, pint_names: Mapping[str, str], skip: frozenset[str]) -> None:
        self.names = dict(pint_names)
        self.skip = skip

    def __call__(self, unit: str | None, value: float | None) -> tuple[float | None, str | None]:
        if unit is None or value is None or unit in self.skip:
            return None, None
        found = si_map(self.names.get(unit, unit))
        if found is None:
            return None, None
        scale, offset, si_unit = found
        # 12 significant digits: "-233 °C" is 40.15 K, not 40.14999999999998
        return float(f"{scale * value + offset:.12g}"), si_unit
