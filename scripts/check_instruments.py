#!/usr/bin/env python3
"""Validates every shipped instrument definition against docs/instrument.schema.json with the
reference JSON Schema implementation, so that the schema that documents the format and the files
Polku ships cannot drift apart. (Polku itself checks the same rules when it loads a file.)"""
import glob, json, sys
import jsonschema

schema = json.load(open("docs/instrument.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
files = sorted(glob.glob("Sources/PolkuApp/Features/Measures/Instruments/*.json"))
for path in files:
    for error in validator.iter_errors(json.load(open(path))):
        bad += 1
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
# A bad file must be refused by the schema too.
assert list(validator.iter_errors({"key": "x"})), "the schema accepts an empty definition"
print(f"instruments: {len(files)} definitions checked against the schema, {bad} problems")
sys.exit(1 if bad or not files else 0)
