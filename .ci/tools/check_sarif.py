"""Fails when the SARIF multitool's validation log has any error or warning."""
import json
import sys

bad = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    for run in log.get("runs", []):
        for result in run.get("results", []):
            if result.get("level", "warning") in ("error", "warning"):
                bad += 1
                print(f"{path}: {result.get('ruleId')} {result.get('message')}")
print(f"sarif: {len(sys.argv) - 1} validation logs read, {bad} errors or warnings")
sys.exit(1 if bad else 0)
