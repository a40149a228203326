"""Training and hold-out tables for scripts/fit-default-model, and the hold-out evaluation.

  model_data.py as-of PARTNERS_JSON
      the last day of the simulated period (its end_month), the as-of date of the features
  model_data.py split FEATURES OUTCOMES PEOPLE TRAIN HOLDOUT
      joins `credence features`' table with the truth's outcome (defaulted) and protected attributes (sex,
      birth_year), and splits persons 70/30 by a hash of their id (stable across runs and machines)
  model_data.py evaluate HOLDOUT SCORES
      hold-out AUC of the score (higher score = lower risk), mean scores of defaulters and of the others
"""
import calendar
import csv
import hashlib
import json
import sys


def as_of(partners_json):
    document = json.load(open(partners_json))
    end = document.get("end_month") or document.get("period", {}).get("end_month")
    year, month = (int(part) for part in end.split("-"))
    print(f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}")


def split(features, outcomes, people, train, holdout):
    defaulted = {row["person_id"]: row["defaulted"] for row in csv.DictReader(open(outcomes))}
    protected = {row["person_id"]: (row["sex"], row["birth_year"]) for row in csv.DictReader(open(people))}
    reader = csv.DictReader(open(features))
    columns = reader.fieldnames + ["defaulted", "sex", "birth_year"]
    counts = {"train": [0, 0], "holdout": [0, 0]}
    with open(train, "w", newline="") as train_file, open(holdout, "w", newline="") as holdout_file:
        writers = {"train": csv.writer(train_file), "holdout": csv.writer(holdout_file)}
        for writer in writers.values():
            writer.writerow(columns)
        for row in reader:
            person = row["person_id"]
            if person not in defaulted:
                raise SystemExit(f"model_data: person {person} of the feature table has no outcome")
            part = "train" if hashlib.sha256(person.encode()).digest()[0] % 10 < 7 else "holdout"
            writers[part].writerow([row[name] for name in reader.fieldnames] + [defaulted[person], *protected[person]])
            counts[part][0] += 1
            counts[part][1] += int(defaulted[person])
    for part, (rows, bad) in counts.items():
        print(f"{part}: {rows} persons, {bad} defaulted ({bad / max(rows, 1):.1%})")


def evaluate(holdout, scores):
    defaulted = {row["person_id"]: int(row["defaulted"]) for row in csv.DictReader(open(holdout))}
    scored = [(float(row["score"]), defaulted[row["id"]]) for row in csv.DictReader(open(scores))]
    bad = [score for score, label in scored if label == 1]
    good = [score for score, label in scored if label == 0]
    if not bad or not good:
        raise SystemExit("model_data: the hold-out needs both defaulters and others")
    # AUC = P(a random non-defaulter scores above a random defaulter), ties counting half (Mann-Whitney).
    ranked = sorted(scored)
    rank_sum_good, position = 0.0, 0
    while position < len(ranked):
        end = position
        while end < len(ranked) and ranked[end][0] == ranked[position][0]:
            end += 1
        average_rank = (position + 1 + end) / 2
        rank_sum_good += average_rank * sum(1 for _, label in ranked[position:end] if label == 0)
        position = end
    auc = (rank_sum_good - len(good) * (len(good) + 1) / 2) / (len(good) * len(bad))
    print(f"hold-out: {len(scored)} persons, {len(bad)} defaulted; AUC {auc:.3f}, Gini {2 * auc - 1:.3f}; "
          f"mean score {sum(bad) / len(bad):.1f} for defaulters, {sum(good) / len(good):.1f} for the others")


if __name__ == "__main__":
    commands = {"as-of": as_of, "split": split, "evaluate": evaluate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
