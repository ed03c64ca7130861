"""Filling in an organisation's template in a child process with a time and a memory limit.

The parent runs ``python -m foi_core.letters.child`` with a minimal environment (no database
address or other secrets), writes one JSON request on its standard input and reads one JSON
answer from its standard output:

    request: {"op": "check" | "render", "name", "kind", "template": base64 .docx,
              "context": {...} (render) | "logo": marker (check), "checked": bool,
              "seconds", "memory_mb"}
    answer:  {"docx": base64} or {"problems": [...], "unknown": [...]}

The child limits its own address space (RLIMIT_AS), CPU time, file writes and core dumps, and
stops itself with an interval timer when the time is up; the parent kills it a few seconds later
if it is still running. Every failure comes back as plain words for a ``TemplateProblem``.
Both operations first check the template against the letter data's schema; "check" then fills it
in with sample data, "render" with the given context.
"""

from __future__ import annotations

import base64
import json
import logging
import math
import os
import resource
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import TemplateProblem
from .sandbox import (
    TimeUp,
    ensure_plain,
    explain,
    memory_problem,
    render_docx,
    time_problem,
)
from .schema import sample_context
from .template_check import check_sources, template_sources

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[2]
GRACE_SECONDS = 10.0  # past the limit, time for the child to start and to stop itself
MAX_ANSWER_MB = 128


@dataclass(frozen=True)
class Limits:
    seconds: float = 10.0
    memory_mb: int = 1024

    @classmethod
    def from_settings(cls) -> Limits:
        from foi_core.settings import get_settings

        settings = get_settings()
        return cls(settings.template_time_limit, settings.template_memory_limit_mb)


@dataclass(frozen=True)
class Answer:
    docx: bytes | None
    problems: list[str]
    unknown: list[str]


# --- The parent side ---------------------------------------------------------------------------


def run(request: dict[str, Any], limits: Limits | None = None) -> Answer:
    """Run one request in a child process; TemplateProblem when the child fails outright."""
    limits = limits or Limits.from_settings()
    name = str(request["name"])
    if "context" in request:
        ensure_plain(request["context"])
    payload = json.dumps(
        {**request, "seconds": limits.seconds, "memory_mb": limits.memory_mb}
    ).encode("utf-8")
    environment = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PYTHONPATH": str(ROOT),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        finished = subprocess.run(
            [sys.executable, "-m", "foi_core.letters.child"],
            input=payload,
            capture_output=True,
            timeout=limits.seconds + GRACE_SECONDS,
            env=environment,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise TemplateProblem(name, [time_problem(limits.seconds)]) from None
    except OSError as error:
        problem = f"the template could not be filled in: no process could be started ({error})"
        raise TemplateProblem(name, [problem]) from None
    return _read_answer(finished, name, limits)


def _read_answer(finished: subprocess.CompletedProcess, name: str, limits: Limits) -> Answer:
    if finished.returncode == -signal.SIGXCPU:
        raise TemplateProblem(name, [time_problem(limits.seconds)])
    try:
        if len(finished.stdout) > MAX_ANSWER_MB * 1024 * 1024:
            raise ValueError("answer too long")
        answer = json.loads(finished.stdout)
        docx = base64.b64decode(answer["docx"]) if answer.get("docx") else None
        problems = [str(p) for p in answer.get("problems", [])]
        unknown = [str(p) for p in answer.get("unknown", [])]
    except (ValueError, TypeError, KeyError, AttributeError):
        tail = finished.stderr.decode("utf-8", "replace")[-2000:]
        log.warning("template child for %s failed (exit %s): %s", name, finished.returncode, tail)
        raise TemplateProblem(
            name,
            [
                "the process filling the template in stopped unexpectedly; it may have needed "
                f"more than {limits.memory_mb:,} MB of memory"
            ],
        ) from None
    return Answer(docx, problems, unknown)


# --- The child side ---------------------------------------------------------------------------


def _limit(seconds: float, memory_mb: int) -> None:
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = math.ceil(seconds + GRACE_SECONDS) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    def time_up(_signum: int, _frame: object) -> None:
        raise TimeUp

    signal.signal(signal.SIGALRM, time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Check the template against the schema (unless the parent has seen it pass: "checked"),
    then fill it in (with sample data for "check")."""
    data = base64.b64decode(request["template"])
    name, kind = str(request["name"]), str(request["kind"])
    if not request.get("checked"):
        found = check_sources(template_sources(data, name), kind)
        if found.problems or found.unknown:
            return {"problems": found.problems, "unknown": found.unknown}
    if request["op"] == "check":
        context = sample_context(kind, str(request.get("logo", "")))
        render_docx(data, name, context)
        return {}
    document = render_docx(data, name, request["context"])
    return {"docx": base64.b64encode(document).decode("ascii")}


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    seconds, memory_mb = float(request["seconds"]), int(request["memory_mb"])
    try:
        try:
            _limit(seconds, memory_mb)
            answer = handle(request)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except TimeUp:
        answer = {"problems": [time_problem(seconds)]}
    except MemoryError:
        answer = {"problems": [memory_problem(memory_mb)]}
    except TemplateProblem as problem:
        answer = {"problems": problem.problems}
    except Exception as error:  # anything else is still a template problem, in plain words
        answer = {"problems": [explain(error)]}
    sys.stdout.buffer.write(json.dumps(answer).encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
