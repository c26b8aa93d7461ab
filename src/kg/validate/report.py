"""The validation report: each violation with its focus, path, message and quote."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Violation:
    """One reason the graph does not conform."""

    check: str  # "shacl", "offsets" or "query:<name>"
    focus: str
    path: str
    message: str
    message_ko: str = ""
    value: str = ""
    quote: str = ""
    severity: str = "Violation"
    component: str = ""  # the SHACL constraint component, e.g. sh:MinCountConstraintComponent


@dataclass
class Report:
    """The result of a validation: conforms, and every violation found."""

    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)

    def to_text(self) -> str:
        """A readable report: one block per violation, the source quote where there is one."""
        errors = sum(v.severity == "Violation" for v in self.violations)
        warnings = len(self.violations) - errors
        if not self.violations:
            return "conforms: yes (0 violations)"
        verdict = "yes" if self.conforms else "no"
        lines = [f"conforms: {verdict} ({errors} violation(s), {warnings} warning(s))"]
        for v in self.violations:
            lines.append(f"- [{v.check}] {v.severity}: {v.focus}")
            if v.path:
                lines.append(f"    path:    {v.path}")
            if v.value:
                lines.append(f"    value:   {v.value}")
            lines.append(f"    message: {v.message}")
            if v.message_ko:
                lines.append(f"    메시지:  {v.message_ko}")
            if v.quote:
                lines.append(f"    quote:   “{v.quote}”")
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
