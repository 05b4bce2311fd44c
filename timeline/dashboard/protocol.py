"""The requests a browser sends to `/_dash-update-component`, built from the server's own list of
callbacks (`/_dash-dependencies`): for what drives a real server over HTTP without a browser
(the load benchmark, the tests of crafted requests)."""

from __future__ import annotations

from typing import Any


def callback_request(
    callbacks: list[dict], output: str, values: dict[str, Any], trigger: str | None = None
) -> dict:
    """The request for the callback whose first output is `output` ("id.property", or the whole
    output string the server lists; and whose first input is component `trigger`, when given),
    its inputs and states taken from `values` ("id.property" → value; any other None)."""
    spec = next(
        c
        for c in callbacks
        if output in (c["output"], c["output"].strip(".").split("...")[0].split("@")[0])
        and trigger in (None, c["inputs"][0]["id"])
    )

    def filled(items: list[dict]) -> list[dict]:
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    parts = [p.split("@")[0].split(".") for p in spec["output"].strip(".").split("...")]
    outputs = [{"id": part[0], "property": part[1]} for part in parts]
    first = spec["inputs"][0]
    return {
        "output": spec["output"],
        "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]),
        "state": filled(spec["state"]),
        "changedPropIds": [f"{first['id']}.{first['property']}"],
    }
