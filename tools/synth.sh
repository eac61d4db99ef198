#!/usr/bin/env bash
# synth.sh TOP "FILES" [chparam args...]
# Yosys synth_ecp5 of one top: fails on any error or any latch, prints the
# LUT / FF / BRAM / DSP counts and writes build/synth/<TOP>[-tag].{log,stat}.
# SYNTH_TAG names the variant (for parameter sweeps); SYNTH_OPTS adds synth_ecp5
# options (e.g. -nowidelut).
set -euo pipefail
top=$1 files=$2
shift 2
tag=${SYNTH_TAG:+-$SYNTH_TAG}
dir=build/synth
mkdir -p "$dir"
log=$dir/$top$tag.log
chp=""
[ $# -gt 0 ] && chp="chparam $* $top;"
reads=""
for f in $files; do reads="$reads read_verilog -Irtl/include $f;"; done
if ! yosys -q -l "$log" -p "$reads $chp synth_ecp5 ${SYNTH_OPTS:-} -top $top; tee -o $dir/$top$tag.stat stat" >/dev/null 2>&1; then
	grep -i -m5 "error" "$log" || tail -5 "$log"
	echo "synth: $top$tag: FAILED (log: $log)"
	exit 1
fi
stat=$dir/$top$tag.stat
latches=$(grep -ciE 'dlatch' "$stat" || true)
if [ "$latches" != 0 ] || grep -q "Latch inferred for" "$log"; then
	grep -E 'Latch inferred for|DLATCH' "$log" "$stat" | head
	echo "synth: $top$tag: FAILED: latches inferred"
	exit 1
fi
count() { awk -v c="$1" '$1 == c { n += $2 } END { print n + 0 }' "$stat"; }
luts=$(count LUT4)
ffs=$(( $(count TRELLIS_FF) ))
brams=$(count DP16KD)
dsps=$(( $(count MULT18X18D) + $(count ALU54B) ))
ccu=$(count CCU2C)
echo "synth: $top$tag (ECP5): LUT4 $luts, FF $ffs, CCU2C $ccu, DP16KD $brams, DSP $dsps, no latches"
