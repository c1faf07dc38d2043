"""Rule modules, one per finding kind (and `projects` for a project's money); importing this package registers
every rule."""
from rules.checks import (  # noqa: F401
    arithmetic, completeness, count, cross_table, direction, metadata, narrative, percentage, projects, unit,
    wording,
)
