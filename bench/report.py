"""The issue's targets, pass/fail per figure, the printed table and ``latest.json``."""

import json
import math
from pathlib import Path

P95_AT_10_MS = 100.0
FLOOR_SHARE = 0.15
MAX_QUERIES = 12
RUSH_RPS = 150.0
RUSH_P95_MS = 250.0
MAILS_PER_SECOND = 100.0
WEB_WORKER_MB = 150.0
DATASET_SECONDS = 120.0
BENCH_SECONDS = 600.0
BUSY_LOAD = 1.0  # one-minute load average above which other work skews the figures


def _check(name: str, value, target: str, passed: bool) -> dict:
    return {"figure": name, "value": value, "target": target, "pass": bool(passed)}


def page_checks(pages: dict, queries: dict) -> list[dict]:
    checks = []
    for name, cells in pages.items():
        if name == "livez":
            continue
        at10 = cells["10"]
        checks.append(
            _check(
                f"{name}: p95 at 10 clients (ms)",
                at10["p95_ms"],
                f"< {P95_AT_10_MS:.0f}",
                at10["p95_ms"] < P95_AT_10_MS,
            )
        )
        for clients, cell in cells.items():
            checks.append(
                _check(
                    f"{name}: throughput / floor at {clients} clients",
                    cell["floor_ratio"],
                    f">= {FLOOR_SHARE:.2f}",
                    cell["floor_ratio"] >= FLOOR_SHARE,
                )
            )
            checks.append(
                _check(
                    f"{name}: 5xx at {clients} clients",
                    cell["server_errors"],
                    "0",
                    cell["server_errors"] == 0,
                )
            )
        count = queries.get(name, {}).get("queries")
        if count is not None:
            checks.append(
                _check(f"{name}: queries", count, f"<= {MAX_QUERIES}", count <= MAX_QUERIES)
            )
    return checks


def other_checks(figures: dict) -> list[dict]:
    rush, landed = figures["rush"]["http"], figures["rush"]["landed"]
    checks = [
        _check(
            "rush: attempts per second",
            rush["throughput_rps"],
            f">= {RUSH_RPS:.0f}",
            rush["throughput_rps"] >= RUSH_RPS,
        ),
        _check(
            "rush: p95 (ms)", rush["p95_ms"], f"< {RUSH_P95_MS:.0f}", rush["p95_ms"] < RUSH_P95_MS
        ),
        _check("rush: 5xx", rush["server_errors"], "0", rush["server_errors"] == 0),
        _check(
            "rush: confirmed / waitlisted",
            f"{landed['confirmed']} / {landed['waitlisted']}",
            "50 / 950",
            (landed["confirmed"], landed["waitlisted"]) == (50, 950),
        ),
        _check(
            "rush: waiting list in order of arrival",
            landed["in_order_of_arrival"],
            "yes",
            landed["in_order_of_arrival"],
        ),
    ]
    mails = figures.get("invitations")
    if mails:
        checks += [
            _check(
                "invitations: mails per second",
                mails["mails_per_second"],
                f">= {MAILS_PER_SECOND:.0f}",
                mails["mails_per_second"] >= MAILS_PER_SECOND,
            ),
            _check(
                "invitations: duplicates / lost",
                f"{mails['duplicates']} / {mails['lost']}",
                "0 / 0",
                mails["duplicates"] == 0 and mails["lost"] == 0,
            ),
        ]
    memory = figures["memory"]
    checks.append(
        _check(
            "web worker peak RSS (MB)",
            memory["web_worker_peak_mb"],
            f"< {WEB_WORKER_MB:.0f}",
            memory["web_worker_peak_mb"] < WEB_WORKER_MB,
        )
    )
    dataset = figures["dataset"].get("build_seconds")
    if dataset is not None and figures["dataset"].get("built"):
        checks.append(
            _check(
                "dataset build (s)", dataset, f"< {DATASET_SECONDS:.0f}", dataset < DATASET_SECONDS
            )
        )
    return checks


def _number(value) -> str:
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


def table(figures: dict) -> str:
    lines = [f"Network Portal bench — {figures['date']} — {figures['machine']}"]
    busy = figures["load_average_before"][0]
    if busy > BUSY_LOAD:
        lines.append(
            f"NOTE: the machine was busy before the bench (load average {busy}); other "
            "processes competed for the CPUs, so these figures are lower than it can do."
        )
    lines.append("")
    head = f"{'page':24}{'clients':>8}{'req/s':>9}{'/floor':>8}{'p50 ms':>9}{'p95 ms':>9}"
    lines.append(head + f"{'p99 ms':>9}{'5xx':>5}{'queries':>9}")
    for name, cells in figures["pages"].items():
        queries = figures["queries"].get(name, {}).get("queries", "")
        for clients, cell in cells.items():
            lines.append(
                f"{name:24}{clients:>8}{cell['throughput_rps']:>9.1f}{cell['floor_ratio']:>8.2f}"
                f"{cell['p50_ms']:>9.1f}{cell['p95_ms']:>9.1f}{cell['p99_ms']:>9.1f}"
                f"{cell['server_errors']:>5}{queries!s:>9}"
            )
    lines += ["", "first visits (never from the page cache; not a target):"]
    for name, cell in figures.get("first_visits", {}).items():
        lines.append(
            f"{name:24}{'10':>8}{cell['throughput_rps']:>9.1f}{cell['floor_ratio']:>8.2f}"
            f"{cell['p50_ms']:>9.1f}{cell['p95_ms']:>9.1f}{cell['p99_ms']:>9.1f}"
            f"{cell['server_errors']:>5}"
        )
    lines.append("")
    rush = figures["rush"]
    lines.append(
        f"registration rush: {rush['http']['requests']} attempts by {rush['clients']} clients, "
        f"{rush['http']['throughput_rps']:.1f}/s, p95 {rush['http']['p95_ms']:.1f} ms, "
        f"statuses {rush['http']['statuses']}; landed {rush['landed']}; "
        f"CPU ms per attempt {rush.get('cpu_ms_per_attempt', {})}"
    )
    if figures.get("invitations"):
        mails = figures["invitations"]
        lines.append(
            f"invitations: {mails['received_by_smtp']} mails in {mails['total_seconds']} s = "
            f"{mails['mails_per_second']}/s (recorded after {mails['recorded_seconds']} s), "
            f"duplicates {mails['duplicates']}, lost {mails['lost']}; median task times (ms) "
            f"{mails.get('task_median_ms', {})}"
        )
    memory = figures["memory"]
    lines.append(
        f"peak RSS: web worker {memory['web_worker_peak_mb']} MB (of {memory['web_workers']}), "
        f"Celery worker process {memory['celery_worker_peak_mb']} MB, "
        f"Celery main process {memory['celery_main_peak_mb']} MB"
    )
    dataset = figures["dataset"]
    if dataset.get("built"):
        lines.append(
            f"dataset: built in {dataset['build_seconds']} s (after {dataset['migrate_seconds']} s "
            f"of migrations); rows {dataset.get('rows')}; steps (s) {dataset['steps']}"
        )
    else:
        lines.append("dataset: reused (--reuse)")
    lines += ["", "targets:"]
    for check in figures["checks"]:
        mark = "pass" if check["pass"] else "MISS"
        lines.append(f"  {mark}  {check['figure']}: {_number(check['value'])} ({check['target']})")
    return "\n".join(lines)


def markdown(figures: dict) -> str:
    """The page table and the other figures as Markdown, for bench/README.md."""
    lines = [
        "| page | clients | req/s | / floor | p50 ms | p95 ms | p99 ms | 5xx | queries | targets |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for name, cells in figures["pages"].items():
        queries = figures["queries"].get(name, {}).get("queries", "")
        for clients, cell in cells.items():
            lines.append(
                f"| {name} | {clients} | {cell['throughput_rps']:.1f} | {cell['floor_ratio']:.2f} "
                f"| {cell['p50_ms']:.1f} | {cell['p95_ms']:.1f} | {cell['p99_ms']:.1f} "
                f"| {cell['server_errors']} | {queries} | {_cell_verdict(name, clients, figures)} |"
            )
    lines += _first_visits_markdown(figures.get("first_visits", {}))
    lines += ["", "| figure | value | target | |", "|---|--:|--:|---|"]
    for check in figures["checks"]:
        if check["figure"].split(":")[0] in figures["pages"]:
            continue  # in the table above
        mark = "pass" if check["pass"] else "**miss**"
        lines.append(
            f"| {check['figure']} | {_number(check['value'])} | {check['target']} | {mark} |"
        )
    lines += _rush_cpu_markdown(figures["rush"].get("cpu_ms_per_attempt"))
    return "\n".join(lines) + "\n"


def _rush_cpu_markdown(cpu: dict | None) -> list[str]:
    """Where the CPU of one rush attempt went; 2 cores give 2,000 ms each second."""
    if not cpu:
        return []
    labels = {"load_generator_and_smtp_sink": "load generator and SMTP sink"}
    parts = ", ".join(f"{labels.get(part, part)} {ms}" for part, ms in cpu.items() if part != "all")
    return ["", f"Rush, CPU per attempt (ms): {parts}; all {cpu['all']}."]


def _first_visits_markdown(first_visits: dict) -> list[str]:
    if not first_visits:
        return []
    lines = [
        "",
        "First visits (a new query parameter on every request, so never from the page cache;",
        "for information, not a target):",
        "",
        "| page | clients | req/s | / floor | p50 ms | p95 ms | p99 ms | 5xx |",
        "|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, cell in first_visits.items():
        lines.append(
            f"| {name} | 10 | {cell['throughput_rps']:.1f} | {cell['floor_ratio']:.2f} "
            f"| {cell['p50_ms']:.1f} | {cell['p95_ms']:.1f} | {cell['p99_ms']:.1f} "
            f"| {cell['server_errors']} |"
        )
    return lines


def _cell_verdict(name: str, clients: str, figures: dict) -> str:
    if name == "livez":
        return "floor"
    mine = [
        check
        for check in figures["checks"]
        if check["figure"].startswith(f"{name}:") and f"at {clients} clients" in check["figure"]
    ]
    return "pass" if all(check["pass"] for check in mine) else "**miss**"


def write(figures: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str) + "\n")
    path.with_suffix(".md").write_text(markdown(figures))
