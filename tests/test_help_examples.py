"""Every example of every `kg … --help` and of the README's Commands section runs, exit 0.

The examples run in a sandbox project (``KG_ROOT``): a copy of data/, the session's
built graph in its dist/, and the few files examples name (``article.txt``,
``mydata.jsonld``, ``myshapes.ttl``, ``my-question.rq``, ``dist/synth.nq``), so nothing
is written into the checkout. They run in ONE process, in click's CliRunner, in the
order shown, each distinct line once; there the graph is built from the sources once and
pyshacl runs once per distinct (graph, shapes) pair: the examples' wiring is what is
tested here, validation itself in tests/test_validation.py. Synopsis lines of
the README (``kg validate FILE --shapes SHAPES.ttl``) run with their optional ``[…]``
parts left out and their placeholders filled in (:data:`PLACEHOLDERS`). Examples that
need a server (``kg serve``, ``curl``, ``kg push``, ``--endpoint``) run in
:func:`test_server_examples_work`, against a ``kg serve`` and an Oxigraph server.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import httpx
import pytest

from kg.cli import main
from kg.core.paths import DATA_DIR, ROOT
from tests.helpers import free_port, run, wait_until_up

README = ROOT / "README.md"
SEED = "data/sources/c0befe44ac966333.txt"
# README synopses: a placeholder and what the example runs with (in the sandbox).
PLACEHOLDERS = {
    "SELECT …": "SELECT ?s WHERE { ?s a org:FormalOrganization } LIMIT 3",
    "SHAPES.ttl": "myshapes.ttl",
    "ARTICLE.txt": "second.txt",
    "DRAFT.toml": "second.toml",
    "FILE": "dist/kg.ttl",
    "OUT": "out.ttl",
    " A B": " 전주정보문화산업진흥원 unit/sos-lab",
    " X": " 정보통신부",
    " N": " 1000",
}
SERVER_WORDS = ("kg serve", "curl", "kg push", "--endpoint")
SECOND = ROOT / "tests" / "fixtures" / "ingest" / "suwon-digital-agency.txt"
# A draft is reviewed (its empty English labels written) between `kg ingest -o` and --merge.
REVIEWED = ("drafts/article.toml", "second.toml")
# Examples that fail today, and why; each must still fail (remove it once it works).
KNOWN_FAILING: dict[str, str] = {}
# Examples for a server no test starts here, and where they are tested instead.
ELSEWHERE = {
    "127.0.0.1:8890": "Virtuoso: tests/test_virtuoso.py, when a Virtuoso server runs",
}
MY_SHAPES = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/shapes/org> a sh:NodeShape ; sh:targetClass org:FormalOrganization ;
  sh:property [ sh:path rdfs:label ; sh:minCount 1 ] .
"""
MY_QUESTION = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n"


def help_examples() -> list[str]:
    """The lines under "Example:" in every command's --help, in command order."""
    found: list[str] = []

    def visit(words: list[str], command: click.Command) -> None:
        text = run(*words, "--help").output
        block = text.split("Example:", 1)[1].split("Options:", 1)[0] if "Example:" in text else ""
        found.extend(line.strip() for line in block.splitlines() if line.strip())
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                visit([*words, name], sub)

    visit([], main)
    return found


def readme_examples() -> list[str]:
    """The command lines of the README's Commands section, comments and ``[…]`` dropped."""
    section = README.read_text(encoding="utf-8").split("## Commands", 1)[1].split("\n## ", 1)[0]
    lines = []
    for line in section.splitlines():
        code = line.split(" # ", 1)[0].strip()
        if line.startswith("    kg "):
            code = re.sub(r"\s*\[[^\]]*\]", "", code)
            for placeholder, value in PLACEHOLDERS.items():
                code = code.replace(placeholder, value)
            lines.append(code)
    return lines


def commands(lines: list[str]) -> list[str]:
    """Each ``kg …`` command of the lines (``a && b`` is two), once, in order; a draft
    written with ``-o`` is followed by its review."""
    found: list[str] = []
    for part in (part.strip() for line in lines for part in line.split("&&")):
        if part not in found:
            found.append(part)
            found += [f"review {draft}" for draft in REVIEWED if part.endswith(f"-o {draft}")]
    return found


@pytest.fixture(scope="module")
def sandbox(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("examples")
    shutil.copytree(DATA_DIR, root / "data")
    shutil.copytree(built_dir, root / "dist")
    shutil.copy(root / SEED, root / "article.txt")
    shutil.copy(SECOND, root / "second.txt")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copy(root / "dist" / "kg.jsonld", root / "mydata.jsonld")
    (root / "myshapes.ttl").write_text(MY_SHAPES, encoding="utf-8")
    (root / "my-question.rq").write_text(MY_QUESTION, encoding="utf-8")
    return root


def run_in(sandbox: Path, lines: list[str]) -> list:
    """Run the ``kg`` lines in one process in ``sandbox``; [line, exit code, output] each."""
    script = (
        "import functools, json, shlex, sys\n"
        "from click.testing import CliRunner\n"
        "import kg.build.assemble as assemble\n"
        "from kg.cli import main\n"
        "assemble.build_parts = functools.cache(assemble.build_parts)\n"
        "assemble.build_graph = functools.cache(assemble.build_graph)\n"
        "import kg.validate.pyshacl_engine as engine\n"
        "shacl, seen = engine.shacl_violations, {}\n"
        "def same_answer(graph, shapes):  # pyshacl once per distinct graph and shapes\n"
        "    key = (frozenset(graph), frozenset(shapes))\n"
        "    if key not in seen:\n"
        "        seen[key] = shacl(graph, shapes)\n"
        "    return seen[key]\n"
        "engine.shacl_violations = same_answer\n"
        "import time\n"
        "out = []\n"
        "from pathlib import Path\n"
        "import tomllib, tomli_w\n"
        "from tests.ingest_helpers import review_draft\n"
        "for line in json.load(sys.stdin):\n"
        "    t = time.process_time()\n"
        "    if line.startswith('review '):\n"
        "        draft = Path(line.split()[1])\n"
        "        reviewed = review_draft(tomllib.loads(draft.read_text('utf-8')))\n"
        "        draft.write_text(tomli_w.dumps(reviewed), 'utf-8')\n"
        "        continue\n"
        "    result = CliRunner().invoke(main, shlex.split(line)[1:])\n"
        "    out.append([line, result.exit_code, result.output[-400:], time.process_time() - t])\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    path = os.pathsep.join((str(ROOT / "src"), str(ROOT)))
    env = {**os.environ, "KG_ROOT": str(sandbox), "PYTHONPATH": path}
    done = subprocess.run(
        [sys.executable, "-c", script], input=json.dumps(lines), cwd=sandbox, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_every_help_and_readme_example_is_found() -> None:
    helps, readme = help_examples(), readme_examples()
    assert len(helps) > 30 and "kg graph path unit/sos-lab org/mic --lang ko" in helps
    assert len(readme) > 40 and "kg validate dist/kg.ttl --shapes myshapes.ttl" in readme
    assert all(line.startswith(("kg ", "curl ")) for line in helps + readme), helps + readme
    unfilled = re.compile(r"\b(FILE|DIR|OUT|N|X|A|B|IRI|ARTICLE|DRAFT|SHAPES)\b|…|\[")
    assert [line for line in readme if unfilled.search(line)] == []


@pytest.mark.slow  # every example once: builds, pictures, exports (about 15 s of CPU)
def test_every_example_exits_0(sandbox: Path) -> None:
    lines = commands([*help_examples(), *readme_examples()])
    local = [line for line in lines if not any(word in line for word in SERVER_WORDS)]
    setup = [
        "kg synth --scale 1000",  # dist/synth.nq, which a `kg validate` example reads
        "kg ingest second.txt -o second.toml",  # the draft the README's --merge line merges
        "review second.toml",
    ]
    results = run_in(sandbox, setup + local)
    failed = [f"{line}: exit {code}: {output}" for line, code, output, _ in results if code != 0]
    assert [f for f in failed if f.split(": exit")[0] not in KNOWN_FAILING] == [], "\n".join(failed)
    assert sorted(f.split(": exit")[0] for f in failed) == sorted(KNOWN_FAILING)


@pytest.mark.slow
def test_server_examples_work(sandbox: Path, server: str) -> None:
    """`kg serve` examples start and answer (then stop); push and --endpoint use Oxigraph."""
    lines = commands([*help_examples(), *readme_examples()])
    serves = [line for line in lines if line.startswith("kg serve")]
    curls = [line for line in lines if line.startswith("curl")]
    assert serves and curls
    for line in serves:
        port = free_port()
        words = shlex.split(line)[1:]
        if "--port" in words:
            words[words.index("--port") + 1] = str(port)
        argv = [sys.executable, "-m", "kg.cli", *words, "--port", str(port)]
        env = {**os.environ, "KG_ROOT": str(sandbox), "PYTHONPATH": str(ROOT / "src")}
        process = subprocess.Popen(argv, cwd=sandbox, env=env, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}", process)
            for curl in curls:
                url = shlex.split(curl)[-1].replace("127.0.0.1:8000", f"127.0.0.1:{port}")
                assert httpx.get(url.replace("{", "%7B").replace("}", "%7D")).status_code == 200
        finally:
            process.terminate()
            process.wait(10)
    remote = [
        line.replace("http://127.0.0.1:7878", server).replace("URL", f"{server}/store")
        for line in lines
        if (line.startswith("kg push") or "--endpoint" in line)
        and not any(where in line for where in ELSEWHERE)
    ]
    remote.sort(key=lambda line: not line.startswith("kg push"))  # push, then query it
    results = run_in(sandbox, remote)
    assert [code for _, code, _, _ in results] == [0] * len(remote), results
