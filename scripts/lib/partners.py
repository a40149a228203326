"""Prints one line per partner of a `credence simulate` output that has export paths:
    id kind region summary path...
region is '-' when the partner has no default phone region; summary has its spaces replaced by '_'.
Paths are absolute; a listed folder stays a folder (the adapters read the files in it)."""
import json
import os
import sys

root = os.path.dirname(os.path.abspath(sys.argv[1]))
for partner in json.load(open(sys.argv[1]))["partners"]:
    paths = [os.path.join(root, name) for name in partner["files"]]
    paths = [p for p in paths if not os.path.isdir(p) or os.listdir(p)]
    if paths:
        print(partner["id"], partner["kind"], partner.get("default_region") or "-",
              partner["summary"].replace(" ", "_"), *paths)
