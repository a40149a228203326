"""Cross-checks protocol/batch.schema.json against the golden batch payloads: each must validate, and
copies broken in ways the Swift decoder refuses must fail schema validation too."""
import copy
import glob
import json
import sys

import jsonschema

schema = json.load(open("protocol/batch.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

payloads = sorted(glob.glob("protocol/vectors/batch-*.payload.json"))
if len(payloads) < 3:
    sys.exit(f"expected a payload per partner kind, found {payloads}")


def breakages(batch):
    """(description, broken copy) pairs: every one must be rejected."""
    def mutated(change):
        broken = copy.deepcopy(batch)
        change(broken)
        return broken

    yield "unknown top-level member", mutated(lambda b: b.__setitem__("note", "x"))
    yield "missing audience", mutated(lambda b: b.pop("audience"))
    yield "missing prev_batch_sha256", mutated(lambda b: b.pop("prev_batch_sha256"))
    yield "batch_seq as a string", mutated(lambda b: b.__setitem__("batch_seq", "1"))
    yield "batch_seq zero", mutated(lambda b: b.__setitem__("batch_seq", 0))
    yield "local-offset created_at", mutated(lambda b: b.__setitem__("created_at", "2026-11-01T02:00:00+08:00"))
    yield "unknown partner kind", mutated(lambda b: b.__setitem__("partner_kind", "bank"))
    yield "no records", mutated(lambda b: b.__setitem__("records", []))
    yield "unknown record member", mutated(lambda b: b["records"][0].__setitem__("name", "JOHN"))
    yield "unknown fact member", mutated(lambda b: b["records"][0]["fact"].__setitem__("name", "JOHN"))
    yield "contains_name as a string", mutated(
        lambda b: b["records"][0]["subjects"][0]["identifiers"][0].__setitem__("contains_name", "yes"))
    yield "malformed subject key", mutated(lambda b: b["records"][0]["subjects"][0].__setitem__("subject_key", "abc"))
    yield "raw identifier in a subject", mutated(
        lambda b: b["records"][0]["subjects"][0].__setitem__("phone", "+12125550100"))
    yield "fact of another kind", mutated(
        lambda b: b["records"][0].__setitem__("kind", "deletion" if b["records"][0]["kind"] != "deletion" else "commerce_event"))
    events = [r for r in batch["records"] if r["kind"] == "tradeline_event"]
    if events:
        index = batch["records"].index(events[0])
        yield "tradeline event of an unknown type", mutated(
            lambda b: b["records"][index]["fact"].__setitem__("event", "defaulted"))
        yield "days past due off the Metro 2 levels", mutated(
            lambda b: b["records"][index]["fact"].__setitem__("days_past_due", 45))
        yield "tradeline event month as a date", mutated(
            lambda b: b["records"][index]["fact"].__setitem__("month", "2026-10-01"))


failures = 0
rejected = 0
for path in payloads:
    batch = json.load(open(path))
    errors = list(validator.iter_errors(batch))
    if errors:
        failures += 1
        print(f"FAIL {path}: {errors[0].message} at /{'/'.join(map(str, errors[0].absolute_path))}")
    for description, broken in breakages(batch):
        if validator.is_valid(broken):
            failures += 1
            print(f"FAIL {path}: schema accepts a batch with {description}")
        else:
            rejected += 1

if failures:
    sys.exit(f"schema: {failures} failures")
print(f"schema: {len(payloads)} golden payloads valid, {rejected} broken copies rejected")
