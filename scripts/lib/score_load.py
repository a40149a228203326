"""Preparation, measurements and report of scripts/bench-scoring (standard library only).

    score_load.py queries SUBJECTS.csv LINKAGE_KEY DATABASE CREDENCE PURPOSE OUT
        one score query body per line in OUT: the identifier tokens a consumer holding the simulation's
        national ids (truth/subjects.csv: us_ssn for 9 digits, cn_ric for 18 characters) would send, computed
        as protocol/identifiers.md section 5 says and checked against `CREDENCE token` on the first values of
        each type; kept only when the aggregator's DATABASE links the token to exactly one person with a
        stored score, so that every query is answered 200 (a 404 or 409 would measure something else)
    score_load.py shifted-model MODEL VERSION POINTS OUT
        MODEL with `model_version` VERSION and `base_points` moved by POINTS, nothing else changed
    score_load.py rescore-log LOG WALL_SECONDS
        the last `re-scored every person` notice of the aggregator's log (stderr) as JSON: persons, seconds
        and persons/s of the pass, and WALL_SECONDS (restart to every person on the new model)
    score_load.py cpu-seconds PID...
        user + system CPU seconds used so far by the processes PID (all their threads)
    score_load.py metrics-delta BEFORE AFTER BEHIND CATCH_UP_SECONDS
        what the aggregator's /metrics (Prometheus text, saved before the load and after scoring caught up
        with its inquiries) counted in between: answered queries and their time in the server, persons
        re-scored and the scoring steps' time; with the inquiries scoring was BEHIND when the load stopped
        and the seconds it took to catch up
    score_load.py facts OUT NAME=VALUE...
        writes the values as a JSON object to OUT: a dotted NAME nests (`load.threads=2`), a VALUE that reads
        as a number is one
    score_load.py report WORK RESULTS.json
        reads the stage files in WORK, writes RESULTS.json and prints the table

Every stage file is JSON written by the script or by scripts/lib/score_load.lua (wrk's `done`).
"""
import base64
import csv
import hashlib
import hmac
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata

# The national id column of truth/subjects.csv, by normalized length, and the token type it is sent as.
TOKEN_TYPES = {9: "us_ssn", 18: "cn_ric"}
# Values of each type checked against the reference implementation (`credence token`).
CHECKED_PER_TYPE = 3


def fail(message):
    print(f"score_load: {message}", file=sys.stderr)
    sys.exit(1)


def linkage_key_bytes(path):
    """A linkage key file: 64 hex digits, or base64 / base64url (padded or not) of 32 bytes."""
    text = open(path, encoding="utf-8").read().strip()
    if len(text) == 64:
        key = bytes.fromhex(text)
    else:
        text = text.replace("-", "+").replace("_", "/")
        key = base64.b64decode(text + "=" * (-len(text) % 4))
    if len(key) != 32:
        fail(f"{path}: a linkage key is 32 bytes, found {len(key)}")
    return key


def normalized_national_id(value):
    """The steps of sections 3.1 and 3.2 that clean values need: NFKC, no whitespace or '-', upper-case X.
    Values these steps leave invalid give tokens no subject carries, and are dropped with the unmatched."""
    text = "".join(c for c in unicodedata.normalize("NFKC", value) if not c.isspace() and c != "-")
    return text.replace("x", "X")


def token(key, token_type, normalized):
    message = token_type.encode() + b"\x00" + normalized.encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def queries(subjects, linkage_key, database, credence, purpose, out):
    key = linkage_key_bytes(linkage_key)
    candidates = {}
    with open(subjects, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            value = normalized_national_id(row["national_id"])
            token_type = TOKEN_TYPES.get(len(value))
            if token_type and (token_type, value) not in candidates:
                candidates[(token_type, value)] = token(key, token_type, value)

    # The reference implementation must agree, or every query would miss.
    checked = {}
    for (token_type, value), computed in candidates.items():
        if checked.get(token_type, 0) >= CHECKED_PER_TYPE:
            continue
        reference = subprocess.run(
            [credence, "token", "--linkage-key", linkage_key, "--type", token_type, value],
            capture_output=True, text=True)
        if reference.returncode != 0:
            continue  # not a valid value of the type (a reserved number): no token, nothing to compare
        if reference.stdout.strip() != computed:
            fail(f"the {token_type} token computed here differs from `credence token` for the same value")
        checked[token_type] = checked.get(token_type, 0) + 1
    if not checked:
        fail(f"no national id in {subjects} could be checked against `credence token`")

    # Only tokens that lead to exactly one scored person: what a production consumer mostly asks about.
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    statement = """
        SELECT count(DISTINCT s.person_id), count(DISTINCT p.person_id) FROM subject_identifiers i
        JOIN subjects s ON s.subject_key = i.subject_key
        LEFT JOIN person_scores p ON p.person_id = s.person_id
        WHERE i.token_type = ? AND i.token = ?"""
    kept = {}
    for (token_type, _value), computed in candidates.items():
        persons, scored = connection.execute(statement, (token_type, computed)).fetchone()
        if persons == 1 and scored == 1:
            kept.setdefault(token_type, []).append(computed)
    connection.close()
    if not kept:
        fail(f"none of the {len(candidates)} national id tokens leads to one scored person in {database}")

    with open(out, "w", encoding="utf-8") as file:
        for token_type, tokens in sorted(kept.items()):
            for value in tokens:
                body = {"purpose": purpose, "identifiers": [{"type": token_type, "token": value}]}
                file.write(json.dumps(body, separators=(",", ":")) + "\n")
    summary = ", ".join(f"{len(tokens)} {token_type}" for token_type, tokens in sorted(kept.items()))
    print(f"{sum(len(t) for t in kept.values())} query bodies ({summary}) of {len(candidates)} national ids; "
          f"tokens checked against `credence token`: {sum(checked.values())}")


def shifted_model(model, version, points, out):
    document = json.load(open(model, encoding="utf-8"))
    document["model_version"] = version
    document["base_points"] = document["base_points"] + float(points)
    with open(out, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=2, sort_keys=True)


def metadata(line, name):
    """A value of swift-log's `name=value` metadata on a log line."""
    found = re.search(rf"\b{name}=([^\s,\]]+)", line)
    return found.group(1) if found else None


def rescore_log(log, wall_seconds):
    notices = [line for line in open(log, encoding="utf-8", errors="replace") if "re-scored every person" in line]
    if not notices:
        fail(f"{log} has no 're-scored every person' notice")
    line = notices[-1]
    persons, seconds = metadata(line, "persons"), metadata(line, "seconds")
    if persons is None or seconds is None:
        fail(f"the re-score notice in {log} has no persons= or seconds=: {line.strip()}")
    if float(seconds) <= 0:
        fail(f"the re-score notice in {log} gives no duration: {line.strip()}")
    if "model changed" not in line:
        fail(f"the aggregator computed features again instead of re-scoring stored ones: {line.strip()}")
    print(json.dumps({
        "persons": int(persons), "seconds": float(seconds), "persons_per_second": round(int(persons) / float(seconds)),
        "reason": next((r for r in ("model changed", "features changed") if r in line), None),
        "wall_seconds": round(float(wall_seconds), 3),
    }))


def cpu_seconds(pids):
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat", encoding="ascii") as file:
            # The command name (field 2) may hold spaces; utime and stime are fields 14 and 15.
            fields = file.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    print(f"{total / ticks:.2f}")


def prometheus_samples(path):
    """`name{labels} value` lines of a Prometheus text exposition, keyed by name with labels."""
    samples = {}
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            key, value = line.rsplit(" ", 1)
            samples[key] = float(value)
    return samples


QUERY_SERIES = '{route="/v1/scores/query",method="POST",status="200"}'


def metrics_delta(before, after, behind, catch_up_seconds):
    old, new = prometheus_samples(before), prometheus_samples(after)

    def delta(key):
        if key not in new:
            fail(f"{after} has no {key}: the aggregator's metrics changed names")
        return new[key] - old.get(key, 0.0)

    queries = delta("credence_http_request_duration_seconds_count" + QUERY_SERIES)
    steps = delta("credence_scoring_step_duration_seconds_count")
    print(json.dumps({
        "queries_answered": int(queries),
        "server_ms_per_query": round(delta("credence_http_request_duration_seconds_sum" + QUERY_SERIES)
                                     / max(queries, 1) * 1000, 3),
        "reports_issued": int(delta("credence_score_reports_issued_total")),
        "persons_rescored": int(delta("credence_persons_scored_total")),
        "scoring_steps": int(steps),
        "scoring_seconds": round(delta("credence_scoring_step_duration_seconds_sum"), 3),
        "inquiries_unscored_at_load_end": int(behind),
        "scoring_catch_up_seconds": float(catch_up_seconds),
    }))


def facts(out, *assignments):
    document = {}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        *parents, leaf = name.split(".")
        node = document
        for parent in parents:
            node = node.setdefault(parent, {})
        if re.fullmatch(r"-?[0-9]+", value):
            node[leaf] = int(value)
        elif re.fullmatch(r"-?[0-9]*\.[0-9]+", value):
            node[leaf] = float(value)
        else:
            node[leaf] = value
    with open(out, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=2)
        file.write("\n")


def load(work, name):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        fail(f"{path} is missing: a stage did not finish")
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def kernel_figures(path):
    """The `scoring mode=... key=value ...` lines of credence-bench-scoring."""
    modes = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("scoring "):
            fields = dict(part.split("=", 1) for part in line.split()[1:])
            mode = fields.pop("mode")
            modes[mode] = {k: float(v) if "." in v else int(v) for k, v in fields.items()}
    if set(modes) != {"points", "points+reasons"}:
        fail(f"{path} lacks the points and points+reasons lines of credence-bench-scoring")
    return modes


def load_figures(run, cpu):
    """wrk's figures (score_load.lua) with the server's CPU time over the run."""
    seconds = run["duration_us"] / 1e6
    errors = run["non_200"] + sum(run["socket_errors"].values())
    return {
        "requests": run["requests"], "seconds": round(seconds, 3),
        "requests_per_second": round(run["requests"] / seconds, 1),
        "latency_ms": {name: round(value / 1000, 3) for name, value in run["latency_us"].items()},
        "non_200": run["non_200"], "socket_errors": run["socket_errors"], "errors": errors,
        "bytes_per_response": round(run["bytes"] / max(run["requests"], 1)),
        "server_cpu_seconds": cpu,
        "server_cpu_ms_per_request": round(cpu / max(run["requests"], 1) * 1000, 3),
    }


def report(work, results):
    setup = load(work, "setup.json")
    kernel = kernel_figures(os.path.join(work, "kernel.txt"))
    rescore = load(work, "rescore.json")
    cpu = load(work, "cpu-aggregator.json")
    aggregator = load_figures(load(work, "wrk-aggregator.json"), cpu["seconds"])
    aggregator["server_cpu_ms_per_request_with_scoring_catch_up"] = round(
        cpu["seconds_with_scoring_catch_up"] / max(aggregator["requests"], 1) * 1000, 3)
    aggregator["inquiries_recorded"] = load(work, "inquiries.json")["recorded"]
    aggregator["server_metrics"] = load(work, "metrics-aggregator.json")
    nginx = load_figures(load(work, "wrk-nginx.json"), load(work, "cpu-nginx.json")["seconds"])
    ratio = aggregator["requests_per_second"] / nginx["requests_per_second"]
    document = {
        "machine": setup["machine"], "load_average": {"start": setup["load_average"],
                                                      "end": load(work, "end.json")["load_average"]},
        "population": setup["population"],
        "scoring_kernel": kernel,
        "bulk_rescore": rescore,
        "load": setup["load"],
        "score_api": aggregator,
        "nginx_static": nginx,
        "ratio_aggregator_to_nginx": round(ratio, 4),
    }
    os.makedirs(os.path.dirname(results) or ".", exist_ok=True)
    with open(results, "w", encoding="utf-8") as file:
        json.dump(document, file, indent=2)
        file.write("\n")

    machine, population, load_settings = setup["machine"], setup["population"], setup["load"]
    print(f"machine: {machine['arch']}, {machine['cores']} cores; load average at start "
          f"{setup['load_average']}, at end {document['load_average']['end']}")
    print(f"population: {population['people']} simulated people, {population['persons']} scored persons, "
          f"{population['batches']} batches")
    print()
    print("1. scoring throughput")
    for mode, figures in kernel.items():
        print(f"   compiled scorecard, {mode:<14} {figures['persons_per_second']:>12,} persons/s wall, "
              f"{figures['persons_per_cpu_second']:>12,} per CPU second ({figures['rows']:,} rows x "
              f"{figures['features']} features, one core)")
    print(f"   bulk re-score from stored features: {rescore['persons']:,} persons in {rescore['seconds']:.3f} s "
          f"= {rescore['persons_per_second']:,.0f} persons/s (aggregator log); every person on the new model "
          f"{rescore['wall_seconds']:.2f} s after the restart command")
    print()
    print(f"2./3. score API against the ceiling: wrk, {load_settings['connections']} connections, "
          f"{load_settings['threads']} threads, {load_settings['duration_seconds']} s each, TLS on loopback")
    print(f"   {'':<28}{'requests/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}"
          f"{'bytes/resp':>12}{'CPU ms/req':>12}")
    for label, figures in (("aggregator POST /v1/scores", aggregator), ("nginx static report (GET)", nginx)):
        latency = figures["latency_ms"]
        print(f"   {label:<28}{figures['requests_per_second']:>12,.0f}{latency['p50']:>10.2f}{latency['p99']:>10.2f}"
              f"{figures['errors']:>8}{figures['bytes_per_response']:>12}{figures['server_cpu_ms_per_request']:>12.3f}")
    print(f"   ratio aggregator/nginx: {ratio:.3f}")
    server = aggregator["server_metrics"]
    print(f"   inside the aggregator (its /metrics): {server['queries_answered']:,} queries answered in "
          f"{server['server_ms_per_query']:.2f} ms each on average; {aggregator['inquiries_recorded']:,} "
          f"inquiries recorded")
    print(f"   each inquiry counts in its person's inquiries_12m: scoring re-scored {server['persons_rescored']:,} "
          f"persons in {server['scoring_steps']:,} passes ({server['scoring_seconds']:.2f} s), "
          f"{server['inquiries_unscored_at_load_end']:,} inquiries behind when the load stopped, caught up "
          f"{server['scoring_catch_up_seconds']:.2f} s later; CPU per query including that: "
          f"{aggregator['server_cpu_ms_per_request_with_scoring_catch_up']:.3f} ms")
    print(f"results: {results}")


def main(arguments):
    commands = {
        "queries": (queries, 6), "shifted-model": (shifted_model, 4), "rescore-log": (rescore_log, 2),
        "metrics-delta": (metrics_delta, 4), "report": (report, 2),
    }
    if arguments[:1] == ["cpu-seconds"] and len(arguments) > 1:
        cpu_seconds(arguments[1:])
        return
    if arguments[:1] == ["facts"] and len(arguments) > 1:
        facts(*arguments[1:])
        return
    if not arguments or arguments[0] not in commands or len(arguments) - 1 != commands[arguments[0]][1]:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    function, _ = commands[arguments[0]]
    function(*arguments[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
