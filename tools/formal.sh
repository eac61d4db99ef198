#!/usr/bin/env bash
# formal.sh TOP "FILES" [chparam args...]
# Proves the `ifdef FORMAL` assertions of TOP (verification-plan §3.4):
#   1. ABC pdr on an AIGER model: unbounded proof ("proved").
#   2. If pdr gives no answer within FORMAL_PDR_S seconds of ABC effort
#      (a solver budget, not a test threshold), ABC bmc3 to FORMAL_BMC_DEPTH
#      frames: "bounded, depth N".
#   3. Every cover() reached by yosys-smtbmc within FORMAL_COVER_DEPTH steps.
# Any counterexample, unreached cover or tool error exits 1 (yosys-abc itself
# exits 0 even on a counterexample, so its output is checked here).
# FORMAL_TAG names a parameter variant; logs go to build/formal/<TOP>[-tag]/.
set -euo pipefail
top=$1 files=$2
shift 2
tag=${FORMAL_TAG:+-$FORMAL_TAG}
dir=build/formal/$top$tag
pdr_s=${FORMAL_PDR_S:-120}
bmc_depth=${FORMAL_BMC_DEPTH:-40}
cover_depth=${FORMAL_COVER_DEPTH:-12}
mkdir -p "$dir"
chp=""
[ $# -gt 0 ] && chp="chparam $* $top;"
reads=""
for f in $files; do reads="$reads read_verilog -formal -Irtl/include $f;"; done
name="$top$tag"
t0=$(date +%s%N)
elapsed() { local ms=$((($(date +%s%N) - t0) / 1000000)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

# 1. AIGER model (covers removed, design outputs are not properties).
if ! yosys -q -l "$dir/aig.log" -p "$reads $chp prep -top $top; flatten;
		tee -q -o $dir/asserts.txt select -count t:\$assert; chformal -remove -cover;
		delete -output; memory_map; opt -fast; async2sync; chformal -assume -early;
		opt_clean; setundef -anyseq; opt -fast; techmap; opt -fast; dffunmap;
		abc -g AND -fast; opt_clean; write_aiger -zinit -map $dir/model.aim $dir/model.aig" \
		>/dev/null 2>&1; then
	grep -i -m5 error "$dir/aig.log" || tail -5 "$dir/aig.log"
	echo "formal: $name: FAILED (model build, see $dir/aig.log)"
	exit 1
fi
asserts=$(grep -o '[0-9]\+' "$dir/asserts.txt" | head -1)
if [ "${asserts:-0}" = 0 ]; then
	echo "formal: $name: FAILED: no assertions in the model (a proof of nothing)"
	exit 1
fi

# 2. pdr, then bmc3 as the fallback.
abc_out=$(yosys-abc -c "read_aiger $dir/model.aig; fold; strash; pdr -T $pdr_s; write_cex -a $dir/cex.aiw" 2>&1 || true)
printf '%s\n' "$abc_out" > "$dir/pdr.log"
if grep -q "asserted in frame" <<<"$abc_out"; then
	grep -m1 "asserted in frame" <<<"$abc_out"
	echo "formal: $name: FAILED: counterexample (witness $dir/cex.aiw; see verification-plan §3.4 for a VCD)"
	exit 1
elif grep -q "Property proved" <<<"$abc_out"; then
	result="proved (ABC pdr, unbounded)"
else
	abc_out=$(yosys-abc -c "read_aiger $dir/model.aig; fold; strash; bmc3 -F $bmc_depth" 2>&1 || true)
	printf '%s\n' "$abc_out" > "$dir/bmc.log"
	if grep -q "asserted in frame" <<<"$abc_out"; then
		grep -m1 "asserted in frame" <<<"$abc_out"
		echo "formal: $name: FAILED: counterexample in bmc3"
		exit 1
	elif grep -q "No output asserted in $bmc_depth frames" <<<"$abc_out"; then
		result="bounded (ABC bmc3, depth $bmc_depth; pdr undecided in $pdr_s s)"
	else
		tail -5 "$dir/bmc.log"
		echo "formal: $name: FAILED: neither pdr nor bmc3 gave an answer"
		exit 1
	fi
fi

# 3. Covers (smtbmc fails when a cover is not reached within the depth).
if ! yosys -q -l "$dir/smt2.log" -p "$reads $chp prep -top $top; flatten; async2sync; dffunmap;
		write_smt2 -wires $dir/model.smt2" >/dev/null 2>&1; then
	echo "formal: $name: FAILED (smt2 model build, see $dir/smt2.log)"
	exit 1
fi
covers=$(grep -c '^; yosys-smt2-cover' "$dir/model.smt2" || true)
if ! yosys-smtbmc -s z3 --noprogress -c -t "$cover_depth" "$dir/model.smt2" > "$dir/cover.log" 2>&1; then
	grep -E "Unreached|FAILED|Error" "$dir/cover.log" | head -10
	echo "formal: $name: FAILED: covers (see $dir/cover.log)"
	exit 1
fi
reached=$(grep -c "Reached cover statement" "$dir/cover.log" || true)
echo "formal: $name: $asserts assertions $result; $reached/$covers covers reached (depth <= $cover_depth); $(elapsed)"
