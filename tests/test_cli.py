"""The command line: exit codes, one-line errors, and the README's commands."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from kg.cli import COMMAND_MODULES, main
from kg.core.paths import ROOT
from tests.helpers import run

README = ROOT / "README.md"


def readme_commands() -> list[str]:
    """Every `kg …` command line in the README's code blocks (indented or fenced), its
    comment dropped; `$ ` prompts and commands chained with && or | count too."""
    commands, fenced = [], False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced or line.startswith("    "):
            code = line.split(" # ", 1)[0].strip().removeprefix("$ ")
            parts = re.split(r"\s*(?:&&|\|)\s*", code)
            commands += [part for part in parts if part.startswith("kg ")]
    return commands


CTX = click.Context(main)


def resolve(line: str) -> tuple[list[str], click.Command]:
    """The command (and subcommand) a README line names, and its click object."""
    words, command = [], main
    for word in line.split()[1:]:
        found = command.get_command(CTX, word) if isinstance(command, click.Group) else None
        if found is None:
            break
        words, command = [*words, word], found
    return words, command


def test_readme_shows_the_set_up_commands_first() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.index("make demo") < text.index("make test") < text.index("## ")


def test_every_readme_command_exists_and_has_help() -> None:
    lines = readme_commands()
    assert len(lines) > 40 and "kg graph path" in " ".join(lines)
    for line in lines:
        words, command = resolve(line)
        assert words and not isinstance(command, click.Group), f"no such command: {line}"
        result = run(*words, "--help")
        assert result.exit_code == 0 and "Example" in result.output, line
        known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", line):
            assert option in known, f"{line}: {' '.join(words)} has no option {option}"


def test_every_command_module_is_in_the_lazy_registry() -> None:
    import importlib

    cli_dir = Path(importlib.import_module("kg.cli").__file__).parent
    modules = {p.stem for p in cli_dir.glob("*_commands.py")}
    assert set(COMMAND_MODULES.values()) == modules
    for stem in modules:
        names = [c.name for c in importlib.import_module(f"kg.cli.{stem}").COMMANDS]
        assert all(COMMAND_MODULES.get(n) == stem for n in names), (stem, names)


def test_every_command_has_help_with_an_example() -> None:
    assert main.list_commands(CTX) == sorted(COMMAND_MODULES)
    for name in main.list_commands(CTX):
        command = main.get_command(CTX, name)
        assert command is not None and command.name == name, name
        result = run(name, "--help")
        assert result.exit_code == 0 and "Example" in result.output, name
        for sub in getattr(command, "commands", {}):
            result = run(name, sub, "--help")
            assert result.exit_code == 0 and "Example" in result.output, (name, sub)


def test_build_and_validate(build_result, built_dir: Path, monkeypatch) -> None:
    """`kg build` prints the summary and the files (the build itself: the session's)."""
    import kg.pipeline.build

    asked = []
    monkeypatch.setattr(kg.pipeline.build, "build", lambda out: asked.append(out) or build_result)
    result = run("build", "--out", built_dir)
    assert result.exit_code == 0, result.output
    assert asked == [built_dir]
    assert "timeline events     21" in result.output and "conforms" in result.output
    assert result.output.count("\nwrote ") == 3 and "kg.nq\n" in result.output
    result = run("validate", built_dir / "kg.ttl", "--engine", "fast")
    assert result.exit_code == 0 and "conforms: yes" in result.output


def test_validate_a_broken_file_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    unit = "<https://x.example/u> a org:OrganizationalUnit .\n"
    bad.write_text("@prefix org: <http://www.w3.org/ns/org#> .\n" + unit, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "must be org:unitOf its agency" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("@prefix : <http://x/> .\n:a :b :c\n:d :e :f .\n", "bad.ttl"),
        ("<http://x/a> <http://x/b> undefined:c .\n", "bad.ttl"),
    ],
)
def test_a_parse_error_is_one_line_with_exit_2(tmp_path: Path, content: str, expected: str) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(content, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert result.output.startswith("kg: error: ") and expected in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "nosuch.ttl"],
        ["validate", "--engine", "fast", "nosuch.ttl"],
        ["query", "history", "--graph", "nosuch.ttl"],
        ["export", "--graph", "nosuch.ttl", "--format", "turtle", "-o", "-"],
    ],
)
def test_a_missing_file_is_bad_input_named_in_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert "kg: error: cannot read nosuch.ttl: no such file" in result.output
    assert "internal error" not in result.output


def test_debug_shows_the_traceback_and_never_asks_for_debug(monkeypatch) -> None:
    monkeypatch.setattr("sys.argv", ["kg", "--debug", "validate", "nosuch.ttl"])
    result = run("--debug", "validate", "nosuch.ttl")
    assert result.exit_code == 2 and "Traceback" in result.output
    assert "--debug for details" not in result.output


def test_an_unexpected_error_says_internal_and_points_to_debug_only_without_it(
    monkeypatch,
) -> None:
    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr("kg.pipeline.validate.validate_graph", broken)
    monkeypatch.setattr("sys.argv", ["kg", "validate"])
    result = run("validate")
    assert result.exit_code == 3 and "(run with --debug for details)" in result.output
    monkeypatch.setattr("sys.argv", ["kg", "--debug", "validate"])
    result = run("--debug", "validate")
    assert result.exit_code == 3 and "internal error: ValueError: boom" in result.output
    assert "--debug for details" not in result.output and "Traceback" in result.output
