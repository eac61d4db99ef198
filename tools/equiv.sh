#!/usr/bin/env bash
# equiv.sh GOLD GATE "FILES" [DEFINES...]
# Proves two combinational modules equal for every input: Yosys builds a miter
# (same ports, an output `trigger` that is 1 when any output differs) and SAT
# proves trigger = 0. Prints "equiv: GATE == GOLD for all inputs (SAT)" or, on a
# difference, "equiv: GATE != GOLD: they differ" with the inputs of one case
# from the SAT log. Exit 0 for both verdicts (the test list checks which one),
# 1 when Yosys cannot build the miter. DEFINES (e.g. -DRR_MUTANT) go to every
# read_verilog. Log: build/equiv/GATE.log.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: tools/equiv.sh GOLD GATE \"FILES\" [DEFINES...]"; exit 2; }
gold=$1 gate=$2 files=$3
shift 3
dir=build/equiv
mkdir -p "$dir"
log=$dir/$gate${EQUIV_TAG:+-$EQUIV_TAG}.log
reads=""
for f in $files; do reads="$reads read_verilog $* -Irtl/include $f;"; done
script="$reads proc; opt_clean; miter -equiv -flatten -make_outputs $gold $gate miter; hierarchy -top miter; sat -verify -prove trigger 0 -show-inputs miter"
if yosys -l "$log" -p "$script" >/dev/null 2>&1; then
	echo "equiv: $gate == $gold for all inputs (SAT)"
elif grep -q "proof did fail" "$log"; then
	echo "equiv: $gate != $gold: they differ, e.g. for"
	awk '/Signal Name/ { on = 1; next } on && $1 ~ /^\\in_/ { sub(/^\\in_/, "", $1); print "  " $1 " = 0x" $3 } on && NF == 0 { exit }' "$log" | head -8
else
	tail -5 "$log"
	echo "equiv: $gate vs $gold: FAILED to build the miter (log: $log)"
	exit 1
fi
