"""The data preparation, evaluation and report of scripts/bench-linkage (run with the bench's virtual environment).

    linkage_bench.py ratio SUBJECTS.csv PEOPLE
        rows of a simulation's truth/subjects.csv per simulated person
    linkage_bench.py prepare SUBJECTS.csv N DIR
        DIR/input.csv: the first N rows as `row_id` (1..N) and the plain-text fields, nothing of the truth;
        DIR/truth.csv: `row_id,person_id`
    linkage_bench.py evaluate DIR ENGINE THRESHOLD
        scores DIR/ENGINE/pairs.csv and clusters.csv against DIR/truth.csv, reads DIR/ENGINE/time.txt
        (`/usr/bin/time -v`), writes DIR/ENGINE/result.json
    linkage_bench.py report RESULTS.json DIR...
        prints one table per size (both engines, Credence/Splink ratios) and writes RESULTS.json

Pairs are counted once whichever way round they are written. True pairs are the pairs of rows with the same
person_id; a pair found is a link at or above the threshold; the pairs of a clustering are the pairs of rows
in the same cluster (a row missing from clusters.csv is a cluster of its own).
"""
import csv
import json
import os
import re
import sys

FIELDS = [
    "given_name", "family_name", "birth_date", "street_number", "address_line1", "address_line2", "city",
    "postal_code", "region", "country", "national_id", "phone", "email",
]
ENGINES = [("credence", "Credence"), ("splink", "Splink 5")]


def ratio(subjects, people):
    with open(subjects, newline="", encoding="utf-8") as file:
        rows = sum(1 for _ in csv.reader(file)) - 1
    print(f"{rows / int(people):.6f}")


def prepare(subjects, count, directory):
    count = int(count)
    os.makedirs(directory, exist_ok=True)
    written = 0
    with open(subjects, newline="", encoding="utf-8") as source, \
            open(os.path.join(directory, "input.csv"), "w", newline="", encoding="utf-8") as input_file, \
            open(os.path.join(directory, "truth.csv"), "w", newline="", encoding="utf-8") as truth_file:
        reader = csv.DictReader(source)
        missing = [field for field in FIELDS + ["person_id"] if field not in reader.fieldnames]
        if missing:
            sys.exit(f"linkage_bench: {subjects} has no column {', '.join(missing)}")
        inputs = csv.writer(input_file, lineterminator="\n")
        truth = csv.writer(truth_file, lineterminator="\n")
        inputs.writerow(["row_id"] + FIELDS)
        truth.writerow(["row_id", "person_id"])
        for row in reader:
            if written == count:
                break
            written += 1
            inputs.writerow([written] + [row[field] for field in FIELDS])
            truth.writerow([written, row["person_id"]])
    if written < count:
        sys.exit(f"linkage_bench: {subjects} has {written} rows, fewer than the {count} asked for")


def scores(found, correct, true):
    precision = correct / found if found else 0.0
    recall = correct / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"found": found, "correct": correct, "true": true,
            "precision": round(precision, 6), "recall": round(recall, 6), "f1": round(f1, 6)}


def measured_time(path):
    """Wall seconds, CPU seconds, peak RSS (MB) and exit status from `/usr/bin/time -v` output."""
    text = open(path, encoding="utf-8", errors="replace").read()

    def field(label):
        match = re.search(r"^\s*" + re.escape(label) + r": (.+)$", text, re.MULTILINE)
        return match.group(1).strip() if match else None

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    seconds = 0.0
    for part in (wall or "0").split(":"):
        seconds = seconds * 60 + float(part)
    return {
        "wall_seconds": round(seconds, 2),
        "cpu_seconds": round(float(field("User time (seconds)") or 0) + float(field("System time (seconds)") or 0), 2),
        "peak_rss_mb": round(int(field("Maximum resident set size (kbytes)") or 0) / 1024, 1),
        "exit_status": int(field("Exit status") or -1),
    }


def evaluate(directory, engine, threshold):
    import duckdb

    threshold = float(threshold)
    folder = os.path.join(directory, engine)
    result = {"engine": engine, **measured_time(os.path.join(folder, "time.txt"))}
    load = os.path.join(folder, "load.txt")
    if os.path.exists(load):
        result["load_before"] = float(open(load).read().split()[0])
    stats = os.path.join(folder, "stats.json")
    if os.path.exists(stats):
        result["stats"] = json.load(open(stats))
    stderr = os.path.join(folder, "stderr.txt")
    if engine == "credence" and os.path.exists(stderr):
        # `credence link`'s summary: blocks, candidate pairs, parameters, stage times.
        result["summary"] = open(stderr, encoding="utf-8", errors="replace").read()[-6000:]
    pairs_path = os.path.join(folder, "pairs.csv")
    clusters_path = os.path.join(folder, "clusters.csv")
    if result["exit_status"] != 0 or not os.path.exists(pairs_path) or not os.path.exists(clusters_path):
        result["failed"] = True
        json.dump(result, open(os.path.join(folder, "result.json"), "w"), indent=2)
        return
    db = duckdb.connect()
    db.execute("SET threads TO 2")
    db.execute("CREATE TABLE truth AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
               [os.path.join(directory, "truth.csv")])
    db.execute("""CREATE TABLE found AS
                  SELECT DISTINCT least(left_id, right_id) AS a, greatest(left_id, right_id) AS b
                  FROM read_csv(?, header = true, columns = {'left_id': 'VARCHAR', 'right_id': 'VARCHAR',
                                                             'probability': 'DOUBLE'})
                  WHERE probability >= ? AND left_id <> right_id""", [pairs_path, threshold])
    db.execute("""CREATE TABLE clusters AS
                  SELECT t.row_id, coalesce(c.cluster_id, 'singleton-' || t.row_id) AS cluster_id, t.person_id
                  FROM truth t LEFT JOIN (SELECT DISTINCT id, cluster_id FROM read_csv(?, header = true,
                      columns = {'id': 'VARCHAR', 'cluster_id': 'VARCHAR'})) c ON c.id = t.row_id""",
               [clusters_path])
    records = db.execute("SELECT count(*) FROM truth").fetchone()[0]
    clustered = db.execute("SELECT count(*) FROM clusters").fetchone()[0]
    if clustered != records:
        sys.exit(f"linkage_bench: {clusters_path} gives a row more than one cluster")
    true_pairs = db.execute("""SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT
                               FROM (SELECT count(*) AS n FROM truth GROUP BY person_id)""").fetchone()[0]
    found, correct = db.execute("""SELECT count(*), count(*) FILTER (WHERE ta.person_id = tb.person_id)
                                   FROM found JOIN truth ta ON ta.row_id = a JOIN truth tb ON tb.row_id = b""").fetchone()
    cluster_pairs, largest, cluster_count = db.execute(
        """SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT, max(n), count(*)
           FROM (SELECT count(*) AS n FROM clusters GROUP BY cluster_id)""").fetchone()
    cluster_correct = db.execute("""SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT
                                    FROM (SELECT count(*) AS n FROM clusters GROUP BY cluster_id, person_id)""").fetchone()[0]
    result.update({
        "records": records,
        "records_per_second": round(records / result["wall_seconds"]) if result["wall_seconds"] else None,
        "pairs": scores(found, correct, true_pairs),
        "clusters": {**scores(cluster_pairs, cluster_correct, true_pairs), "count": cluster_count,
                     "largest": largest},
    })
    json.dump(result, open(os.path.join(folder, "result.json"), "w"), indent=2)


def report(results_path, *directories):
    sizes = []
    for directory in directories:
        size = json.load(open(os.path.join(directory, "size.json")))
        for engine, _ in ENGINES:
            path = os.path.join(directory, engine, "result.json")
            size.setdefault("engines", {})[engine] = json.load(open(path)) if os.path.exists(path) else {"failed": True}
        credence, splink = size["engines"]["credence"], size["engines"]["splink"]
        if not credence.get("failed") and not splink.get("failed"):
            size["ratios"] = {key: round(credence[key] / splink[key], 3) if splink[key] else None
                              for key in ["wall_seconds", "cpu_seconds", "peak_rss_mb"]}
        sizes.append(size)
        print_table(size)
    machine = {"cores": os.cpu_count(), "load_average": os.getloadavg()[0]}
    with open(results_path, "w") as file:
        json.dump({"machine": machine, "sizes": sizes}, file, indent=2)
    print(f"results: {results_path}")


def print_table(size):
    engines = size["engines"]
    print()
    print(f"{size['records']:,} records ({size['people']:,} people simulated, seed {size['seed']}), "
          f"threshold {size['threshold']}, {os.cpu_count()} cores, load average "
          + ", ".join(f"{engines[e].get('load_before', '?')} before {label}" for e, label in ENGINES))
    print(f"{'':<22}{'Credence':>14}{'Splink 5':>14}{'Credence/Splink':>17}")

    def value(engine, path):
        item = engines[engine]
        if item.get("failed"):
            return None
        for key in path:
            if not isinstance(item, dict) or key not in item:
                return None
            item = item[key]
        return item

    def line(label, path, form, ratio=False):
        values = [value(engine, path) for engine, _ in ENGINES]
        cells = [format(v, form) if isinstance(v, (int, float)) else ("failed" if engines[e].get("failed") else "-")
                 for v, (e, _) in zip(values, ENGINES)]
        quotient = ""
        if ratio and all(isinstance(v, (int, float)) for v in values) and values[1]:
            quotient = f"{values[0] / values[1]:.2f}"
        print(f"{label:<22}{cells[0]:>14}{cells[1]:>14}{quotient:>17}")

    for kind in ["pairs", "clusters"]:
        line(f"{kind} precision", [kind, "precision"], ".4f")
        line(f"{kind} recall", [kind, "recall"], ".4f")
        line(f"{kind} F1", [kind, "f1"], ".4f")
    line("links", ["pairs", "found"], ",d")
    line("clusters", ["clusters", "count"], ",d")
    line("largest cluster", ["clusters", "largest"], ",d")
    line("wall s", ["wall_seconds"], ".1f", ratio=True)
    line("CPU s (user+sys)", ["cpu_seconds"], ".1f", ratio=True)
    line("records/s", ["records_per_second"], ",d")
    line("peak RSS MB", ["peak_rss_mb"], ",.0f", ratio=True)


if __name__ == "__main__":
    commands = {"ratio": ratio, "prepare": prepare, "evaluate": evaluate, "report": report}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
