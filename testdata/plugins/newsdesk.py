#!/usr/bin/env python3
"""Example copydesk plugin: two newsroom rules in a few lines of Python.

copydesk writes one JSON request per line on stdin and reads one JSON answer
per line on stdout. Offsets are UTF-8 *byte* offsets into document["text"],
so this plugin searches the UTF-8 bytes, not the Python string.

Configure it in .copydesk.toml:

    [plugin.newsdesk]
    command = ["python3", "testdata/plugins/newsdesk.py"]
    timeout = "5s"
"""
import json
import re
import sys

RULES = [
    {"id": "relative-date", "summary": "Relative dates that go stale",
     "doc": "Copy may run a day later than it was written. Name the day instead.",
     "severity": "warning",
     "bad": "Vote tomorrow\n\nThe council votes tomorrow.\n",
     "good": "Vote on Thursday\n\nThe council votes on Thursday.\n"},
    {"id": "double-space", "summary": "Two spaces after a full stop", "fixable": True,
     "severity": "info",
     "bad": "Fair opens\n\nThe fair opened.  Crowds came.\n",
     "good": "Fair opens\n\nThe fair opened. Crowds came.\n"},
]

RELATIVE = re.compile(rb"\b(?:today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)
DOUBLE = re.compile(rb"(?<=[.!?]) {2,}")


def in_quote(doc, start):
    return any(q["start"] <= start < q["end"] for q in doc.get("quotes", []))


def check(doc):
    text = doc["text"].encode("utf-8")
    findings = []
    for m in RELATIVE.finditer(text):
        if in_quote(doc, m.start()):
            continue  # a speaker's "today" is what they said
        word = m.group().decode("utf-8")
        findings.append({"rule": "relative-date", "start": m.start(), "end": m.end(), "match": word,
                         "message": f'Relative date "{word}": name the day'})
    for m in DOUBLE.finditer(text):
        findings.append({"rule": "double-space", "start": m.start(), "end": m.end(),
                         "message": "Two spaces after a full stop",
                         "fix": {"message": "Use one space", "safe": True,
                                 "edits": [{"start": m.start(), "end": m.end(), "new": " "}]}})
    return findings


def main():
    for line in sys.stdin:
        req = json.loads(line)
        method = req.get("method")
        if method == "describe":
            answer = {"copydesk": 1, "rules": RULES}
        elif method == "check":
            answer = {"id": req["id"], "findings": check(req["document"])}
        else:
            answer = {"id": req.get("id", 0), "unsupported": True}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
