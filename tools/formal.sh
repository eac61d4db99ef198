#!/usr/bin/env bash
# formal.sh TOP "FILES" [chparam args...]
# Proves the `ifdef FORMAL` assertions of TOP (verification-plan §3.4):
#   1. ABC pdr on an AIGER model: unbounded proof ("proved").
#   2. If pdr gives no answer within FORMAL_PDR_S seconds of ABC effort
#      (a solver budget, not a test threshold), ABC bmc3 to FORMAL_BMC_DEPTH
#      frames: "bounded, depth N".
#   3. Every cover() reached within FORMAL_COVER_DEPTH steps (ABC bmc3 on a
#      copy where cover(c) is assert(!c): tools/formal_cover.py; yosys-smtbmc
#      with z3 did not finish on the router in 5 minutes).
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
# Assumptions of submodules become assertions: only the top's inputs are
# assumed, so a submodule's input assumption cannot prune the parent's traces.
sub_asserts="chformal -assume -assume2assert A:top %n;"
aig_script="delete -output; memory_map; opt -fast; async2sync; chformal -assume -early;
	opt_clean; setundef -anyseq; opt -fast; techmap; opt -fast; dffunmap;
	abc -g AND -fast; opt_clean;"
if ! yosys -q -l "$dir/aig.log" -p "$reads $chp prep -top $top; $sub_asserts flatten;
		tee -q -o $dir/asserts.txt select -count t:\$assert; chformal -remove -cover;
		$aig_script write_aiger -zinit -map $dir/model.aim $dir/model.aig" >/dev/null 2>&1; then
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

# 3. Covers: each cover(c) becomes assert(!c) in a copy of the model (other
# assertions removed); bmc3 finding a "counterexample" within the depth means
# the cover is reached.
if ! yosys -q -l "$dir/cover_il.log" -p "$reads $chp prep -top $top; $sub_asserts flatten;
		chformal -remove -assert; write_rtlil $dir/cover_in.il" >/dev/null 2>&1; then
	echo "formal: $name: FAILED (cover model build, see $dir/cover_il.log)"
	exit 1
fi
python3 tools/formal_cover.py "$dir/cover_in.il" "$dir/cover.il" > "$dir/covers.txt"
covers=$(grep -c . "$dir/covers.txt" || true)
if [ "$covers" = 0 ]; then
	echo "formal: $name: FAILED: no cover() in the model"
	exit 1
fi
if ! yosys -q -l "$dir/cover_aig.log" -p "read_rtlil $dir/cover.il; $aig_script
		write_aiger -zinit $dir/cover.aig" >/dev/null 2>&1; then
	echo "formal: $name: FAILED (cover AIGER build, see $dir/cover_aig.log)"
	exit 1
fi
cmd=""
for ((i = 0; i < covers; i++)); do
	cmd="$cmd read_aiger $dir/cover.aig; fold; strash; cone -O $i -s; bmc3 -F $cover_depth;"
done
yosys-abc -c "$cmd" > "$dir/cover.log" 2>&1 || true
reached=$(grep -c "asserted in frame" "$dir/cover.log" || true)
if [ "$reached" != "$covers" ]; then
	echo "formal: $name: FAILED: only $reached of $covers covers reached within $cover_depth steps"
	cat "$dir/covers.txt"
	exit 1
fi
echo "formal: $name: $asserts assertions $result; $reached/$covers covers reached (depth <= $cover_depth); $(elapsed)"
