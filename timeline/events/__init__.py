"""Events: from dated articles to one pandas events frame (see `timeline.schema`).

Per document (`dating`): each dated expression, and each event-relative phrase ("a day after
..."), becomes a row whose `event` is a short headline of its clause (`clauses`, `headline`,
`relations`). Across documents (`merge`): rows reporting the same event become one. `frame` runs
a batch: read, date, tag, merge. Over a frame: `about` keeps one entity's rows, `entities` names
the people, organisations and places of each row and counts them.
"""

from .dating import document_events, row_interval
from .entities import entities_of, entity_table
from .frame import extract, frame_from_documents
from .merge import event_key, merge_events

__all__ = [
    "document_events",
    "entities_of",
    "entity_table",
    "event_key",
    "extract",
    "frame_from_documents",
    "merge_events",
    "row_interval",
]
