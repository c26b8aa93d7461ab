"""The project's exceptions. The CLI turns them into one line and an exit code.

Exit codes: 1 the data does not conform, 2 bad input or usage, 3 internal failure.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 3


class InputError(KgError):
    """Bad input from the user: a file, a value, a name or an option."""

    exit_code = 2


class SourceError(InputError):
    """A source file (article, metadata, records) is missing or malformed."""


class RecordError(InputError):
    """A curated record is inconsistent: an unknown reference, a missing field."""


class EvidenceError(InputError):
    """A quote was not found in the stored source text."""


class TimelineError(InputError):
    """The 주요연혁 timeline block is missing or has a line that cannot be read."""


class DraftNotReviewed(InputError):
    """A draft of `kg ingest` to merge still has problems; ``problems`` lists them all."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class ParseError(InputError):
    """An RDF or SPARQL text could not be parsed."""


class QueryError(InputError):
    """A query is unknown, malformed, or was given a bad parameter."""


class ExportError(InputError):
    """An export was asked for in an unknown format or could not be written."""


class NotConformingError(KgError):
    """The graph does not conform to the shapes; the report says why."""

    exit_code = 1

    def __init__(self, message: str, report: object | None = None) -> None:
        super().__init__(message)
        self.report = report


class RemoteError(KgError):
    """A remote store failed, refused, or answered something that cannot be trusted."""


class QueryTimeout(KgError):
    """A query ran past the time limit and was stopped.

    Exit code 2, as for other bad input: the query asks for more work than the limit
    allows, so narrowing it or raising the limit (``--timeout``) is the user's fix.
    """

    exit_code = 2
