#!/usr/bin/env bash
# A timed fuzz campaign over every surface of tests/fuzz (docs/robustness.md).
#
#   bench/fuzz.sh [MINUTES_PER_SURFACE] [SURFACE...]
#
# Each surface runs for MINUTES_PER_SURFACE (default 5) in its own process on
# one core. A process that dies (abort, segfault, or the watchdog's hang and
# memory bounds) leaves the input it was running in $OUT/<surface>.current:
# it is kept as <surface>-crash-<seed>.bin and the surface goes on with the
# next seed. Panics and broken properties are saved by the harness itself.
# Every run appends one JSON line to $OUT/summary.jsonl (inputs, seconds,
# slowest input, peak RSS, outcomes, findings).
#
# Environment: CARVE_FUZZ_OUT (default target/fuzz-out), CARVE_FUZZ_SEED
# (first seed, default 1), CARVE_FUZZ_LIMIT_MS, CARVE_FUZZ_HANG_SECS,
# CARVE_FUZZ_MAX_RSS_MB (see tests/fuzz/campaign.rs).
# Replay one saved input: CARVE_FUZZ_REPLAY=FILE cargo test --release --test fuzz -- SURFACE
set -u
cd "$(dirname "$0")/.."
minutes=${1:-5}
shift || true
out=${CARVE_FUZZ_OUT:-$PWD/target/fuzz-out}
mkdir -p "$out"
built=$(cargo test --release --test fuzz --no-run 2>&1 | sed -n 's/.*Executable.*(\(.*\)).*/\1/p' | tail -1)
[ -x "$built" ] || { echo "could not build the fuzz harness" >&2; exit 2; }
# A copy: rebuilding while the campaign runs must not change it.
bin="$out/fuzz-harness"
cp "$built" "$bin"
# The carve binary the harness runs query workers of (rule_files), copied too.
cp "$(dirname "$built")/../carve" "$out/carve"
export CARVE_FUZZ_EXE="$out/carve"
if [ $# -gt 0 ]; then
    surfaces=("$@")
else
    mapfile -t surfaces < <("$bin" --list 2>/dev/null | sed -n 's/: test$//p')
fi
crashes=0
for surface in "${surfaces[@]}"; do
    seed=${CARVE_FUZZ_SEED:-1}
    deadline=$(( $(date +%s) + minutes * 60 ))
    while now=$(date +%s); [ "$now" -lt "$deadline" ]; do
        CARVE_FUZZ_SECS=$(( deadline - now )) CARVE_FUZZ_SEED=$seed CARVE_FUZZ_OUT=$out \
            "$bin" --exact "$surface" --test-threads=1 --nocapture 2>&1 | grep -E --line-buffered '^fuzz |panicked|found:'
        status=${PIPESTATUS[0]}
        if [ -f "$out/$surface.current" ]; then
            mv "$out/$surface.current" "$out/$surface-crash-$seed.bin"
            # The run's summary died with it: keep how far it got.
            progress=$(cat "$out/$surface.progress" 2>/dev/null || echo '{}')
            echo "{\"surface\":\"$surface\",\"seed\":$seed,\"crashed\":\"$out/$surface-crash-$seed.bin\",\"progress\":$progress}" >> "$out/summary.jsonl"
            rm -f "$out/$surface.progress"
            echo "CRASH: $surface seed $seed (exit $status): $out/$surface-crash-$seed.bin"
            crashes=$((crashes + 1))
        fi
        seed=$((seed + 1))
    done
done
echo "campaign over: $crashes crashes; summary in $out/summary.jsonl"
