#!/bin/sh
# Same JSON report from two carve binaries on every app of the accuracy corpus and on the
# whole corpus (`duration_ms` blanked): for changes that must not move the output
# (memory, speed). Usage: bench/same_output.sh BEFORE_BINARY AFTER_BINARY [CORPUS]
set -u
before=$1
after=$2
corpus=${3:-bench/accuracy/checkouts}
out=$(mktemp -d)
status=0
for dir in "$corpus"/*/ "$corpus"; do
    name=$(basename "$dir")
    for side in before after; do
        eval bin=\$$side
        "$bin" scan "$dir" --no-cache --format json |
            sed 's/"duration_ms": [0-9]*/"duration_ms": 0/' >"$out/$name.$side.json"
    done
    if cmp -s "$out/$name.before.json" "$out/$name.after.json"; then
        echo "same       $name"
    else
        echo "DIFFERENT  $name ($out/$name.*.json)"
        status=1
    fi
done
[ $status -eq 0 ] && rm -r "$out"
exit $status
