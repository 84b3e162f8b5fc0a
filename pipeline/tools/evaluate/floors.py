"""Quality floors: metrics flattened to ``table.metric`` names and checked against a TOML file of minimums."""
from __future__ import annotations

from pathlib import Path


def flat_metrics(result: dict) -> dict[str, float]:
    """Every metric as ``"<table>.<metric>": value`` (the names a floors file for CI uses)."""
    return {f"{table}.{name}": value
            for table, scored in result["tables"].items()
            for name, value in scored["metrics"].items()}


def check_floors(metrics: dict[str, float], floors_path: Path) -> list[str]:
    """Metrics below the floors in ``floors_path`` (a TOML table ``metric = minimum``)."""
    import tomllib

    with floors_path.open("rb") as handle:
        floors = tomllib.load(handle)
    flat: dict[str, float] = {}
    for key, value in floors.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    failures = []
    for metric, floor in sorted(flat.items()):
        if metric not in metrics:
            failures.append(f"{metric}: not computed (floor {floor})")
        elif metrics[metric] < floor:
            failures.append(f"{metric}: {metrics[metric]:.4f} < {floor}")
    return failures
