# Generates protocol/batch.schema.json (run: python3 scripts/generators/batch_schema.py > protocol/batch.schema.json).
# The Swift types in Sources/CredenceProtocol/Batch are the reference; scripts/check-schema keeps the two in step.
import json
def s(desc=None, **kw):
    d = {"type": "string"}; d.update(kw)
    if desc: d["description"] = desc
    return d
def ref(name): return {"$ref": f"#/$defs/{name}"}
def nullable(x): return {"anyOf": [x, {"type": "null"}]}
def obj(props, required, desc=None):
    d = {"type": "object", "properties": props, "required": required, "additionalProperties": False}
    if desc: d["description"] = desc
    return d
def enum(values, desc=None):
    d = {"type": "string", "enum": values}
    if desc: d["description"] = desc
    return d
amount = {"type": "integer", "minimum": 0, "maximum": 9223372036854775807, "description": "integer minor units of `currency`"}
int64 = {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}
defs = {
  "partner_id": s("2-64 of a-z 0-9 . _ -", pattern="^[a-z0-9][a-z0-9._-]{1,63}$"),
  "sha256": s("lower-case hex SHA-256", pattern="^[0-9a-f]{64}$"),
  "token": s("keyed token: base64url (no padding) of HMAC-SHA256, see identifiers.md", pattern="^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$"),
  "bloom": s("1024-bit keyed Bloom-filter encoding: base64url (no padding) of 128 bytes", pattern="^[A-Za-z0-9_-]{170}[AEIMQUYcgkosw048]$"),
  "raw_code": s("a partner's own code or short name, kept beside the normalized value", minLength=1, maxLength=64, pattern="^[^\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb\\u2028\\u2029]+$"),
  "timestamp": s("UTC instant, RFC 3339 with Z", pattern="^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z$"),
  "date": s("calendar date YYYY-MM-DD (must exist in the Gregorian calendar)", pattern="^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"),
  "year_month": s("month YYYY-MM", pattern="^[0-9]{4}-(0[1-9]|1[0-2])$"),
  "currency": s("active ISO 4217 code (see batch.md for the list and exponents)", pattern="^[A-Z]{3}$"),
  "token_type": enum(["cn_ric","us_ssn","phone_e164","email","email_match","platform_account","payment_fingerprint","partner_subject","account_key","order_key"]),
  "identifier": obj({
      "type": enum(["cn_ric","us_ssn","phone_e164","email","email_match","platform_account","payment_fingerprint"], "subject identifier types only"),
      "token": ref("token"),
      "verified": {"type": ["boolean","null"]},
      "verified_by": nullable(ref("raw_code")),
      "first_seen": nullable(ref("date")),
      "last_seen": nullable(ref("date")),
  }, ["type","token"]),
  "subject": obj({
      "subject_key": ref("token"),
      "role": enum(["primary","joint","authorized_user","comaker","maker","business","terminated","deceased","remove"]),
      "role_raw": nullable(ref("raw_code")),
      "identifiers": {"type": "array", "items": ref("identifier")},
      "encodings": nullable(obj({"name": nullable(ref("bloom")), "birth_date": nullable(ref("bloom")), "address": nullable(ref("bloom"))}, [])),
  }, ["subject_key","role","identifiers"], "who a record is about: tokens and encodings only, never raw identifiers"),
  "month_status": enum(["current","dpd_30","dpd_60","dpd_90","dpd_120","dpd_150","dpd_180","zero_balance","collection","foreclosure","voluntary_surrender","repossession","charge_off","no_data","no_history"]),
  "tradeline_snapshot": obj({
      "furnisher_id": ref("raw_code"), "account_key": ref("token"),
      "portfolio": enum(["line_of_credit","installment","mortgage","open","revolving","lease"]), "portfolio_raw": ref("raw_code"),
      "account_type_raw": ref("raw_code"), "as_of": ref("date"), "opened_on": ref("date"),
      "closed_on": nullable(ref("date")), "last_payment_on": nullable(ref("date")), "first_delinquency_on": nullable(ref("date")),
      "currency": ref("currency"),
      "credit_limit": nullable(amount), "original_amount": nullable(amount), "scheduled_payment": nullable(amount),
      "actual_payment": nullable(amount), "balance": amount, "past_due": amount, "charge_off_amount": nullable(amount),
      "terms_duration_raw": nullable(ref("raw_code")), "terms_frequency_raw": nullable(ref("raw_code")),
      "status": enum(["current","dpd_30","dpd_60","dpd_90","dpd_120","dpd_150","dpd_180","collection","charge_off","foreclosure","voluntary_surrender","repossession","paid_closed","paid_after_derogatory","transferred","claim_filed","deed_in_lieu"]),
      "status_raw": ref("raw_code"), "payment_rating_raw": nullable(ref("raw_code")),
      "payment_history": {"type": "array", "maxItems": 24, "items": obj({"month": ref("year_month"), "status": ref("month_status"), "status_raw": ref("raw_code")}, ["month","status","status_raw"])},
      "special_comment_raw": nullable(ref("raw_code")), "compliance_condition_raw": nullable(ref("raw_code")),
      "consumer_information_raw": nullable(ref("raw_code")), "disputed": {"type": "boolean"}, "correction": {"type": "boolean"},
      "interest_type": nullable(enum(["fixed","variable"])),
  }, ["furnisher_id","account_key","portfolio","portfolio_raw","account_type_raw","as_of","opened_on","currency","balance","past_due","status","status_raw","payment_history","disputed","correction"]),
  "tradeline_event": obj({
      "furnisher_id": ref("raw_code"), "account_key": ref("token"),
      "event": enum(["opened","became_delinquent","delinquency_worsened","cured","charged_off","sent_to_collection","repossessed","foreclosed","surrendered","paid_in_full","closed"]),
      "month": ref("year_month"), "days_past_due": nullable({"type": "integer", "enum": [30,60,90,120,150,180]}), "status_raw": ref("raw_code"),
  }, ["furnisher_id","account_key","event","month","status_raw"]),
  "account_key_change": obj({"furnisher_id": ref("raw_code"), "old_account_key": ref("token"), "new_account_key": nullable(ref("token")), "new_furnisher_id": nullable(ref("raw_code"))}, ["furnisher_id","old_account_key"]),
  "deletion": obj({"furnisher_id": ref("raw_code"), "account_key": ref("token"), "scope": enum(["account","subject_on_account"]), "reason": enum(["error","fraud","consumer_removed"]), "reason_raw": ref("raw_code")}, ["furnisher_id","account_key","scope","reason","reason_raw"]),
  "commerce_event": obj({
      "event": enum(["order_placed","order_cancelled","payment_authorized","payment_captured","payment_failed","refund","chargeback_opened","chargeback_closed","installment_due","installment_paid"]),
      "occurred_at": ref("timestamp"), "order_key": ref("token"), "amount": amount, "currency": ref("currency"),
      "payment_method": enum(["card","bnpl","wallet","cod","bank_transfer","store_credit","gift_card","other"]),
      "bnpl_provider": nullable(ref("raw_code")), "financial_status_raw": nullable(ref("raw_code")),
      "chargeback": nullable(obj({"reason": enum(["fraud","duplicate","general","unrecognized","other","not_received","not_as_described","credit_not_processed","subscription_canceled"]), "reason_raw": ref("raw_code"), "network_reason_code": nullable(ref("raw_code")), "status_raw": ref("raw_code"), "outcome": nullable(enum(["won","lost","accepted","prevented"]))}, ["reason","reason_raw","status_raw"])),
      "installment": nullable(obj({"schedule_key": ref("token"), "sequence": {"type": "integer", "minimum": 1}, "due_at": ref("timestamp"), "paid_at": nullable(ref("timestamp"))}, ["schedule_key","sequence","due_at"])),
  }, ["event","occurred_at","order_key","amount","currency","payment_method"]),
  "social_account_fact": obj({
      "platform": ref("raw_code"), "platform_account_key": ref("token"), "observed_at": ref("timestamp"),
      "account_created_at": nullable(ref("timestamp")), "account_state": nullable(enum(["active","suspended","deactivated"])),
      "email_verified": {"type": ["boolean","null"]}, "phone_verified": {"type": ["boolean","null"]},
      "identity_verification": nullable(obj({"level": enum(["none","document","bank","eid","in_person","electronic_record"]), "trust_framework": nullable(ref("raw_code")), "verified_at": nullable(ref("timestamp"))}, ["level"])),
      "badge_paid_or_legacy": {"type": ["boolean","null"]},
      "identifier_changes": {"type": "array", "items": obj({"type": enum(["email","handle","phone"]), "changed_at": ref("timestamp")}, ["type","changed_at"])},
  }, ["platform","platform_account_key","observed_at","identifier_changes"]),
}
kinds = ["tradeline_snapshot","tradeline_event","account_key_change","deletion","commerce_event","social_account_fact"]
record = obj({
    "record_id": ref("raw_code"),
    "kind": enum(kinds),
    "subjects": {"type": "array", "minItems": 1, "items": ref("subject")},
    "fact": {"type": "object"},
    "provenance": nullable(obj({"file": nullable(ref("raw_code")), "line": nullable({"type": "integer", "minimum": 1}), "offset": nullable({"type": "integer", "minimum": 0, "maximum": 9223372036854775807})}, [])),
}, ["record_id","kind","subjects","fact"])
record["allOf"] = [{"if": {"properties": {"kind": {"const": k}}}, "then": {"properties": {"fact": ref(k)}}} for k in kinds]
defs["record"] = record
schema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://credence.dev/protocol/batch.v1.schema.json",
  "title": "Credence batch v1",
  "description": "The payload of a DSSE envelope with payloadType application/vnd.credence.batch.v1+json. Rules a JSON Schema cannot state (sequence/prev digest pairing, record kinds per partner kind, unique record ids, date order, calendar validity, ISO 4217 membership) are listed in batch.md and enforced by every conforming reader.",
  "type": "object",
  "additionalProperties": False,
  "required": ["partner_id","partner_kind","audience","key_epoch","batch_seq","prev_batch_sha256","created_at","source_format","records"],
  "properties": {
    "partner_id": ref("partner_id"),
    "partner_kind": enum(["lending","commerce","social"]),
    "audience": {"$ref": "#/$defs/partner_id", "description": "the receiving aggregator's id"},
    "key_epoch": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807},
    "batch_seq": {"type": "integer", "minimum": 1, "maximum": 9223372036854775807},
    "prev_batch_sha256": nullable(ref("sha256")),
    "created_at": ref("timestamp"),
    "source_format": enum(["metro2-character","metro2-moov-json","shopify-admin-rest","stripe-api","x-archive","oidc-claims"]),
    "records": {"type": "array", "minItems": 1, "items": ref("record")},
  },
  "$defs": defs,
}
print(json.dumps(schema, indent=2, ensure_ascii=False))
