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
# FORMAL_EACH=1 (see 2' below): pdr on each assertion alone, lemmas (l_*)
# first, every proved one assumed from then on; k-induction (yosys sat,
# FORMAL_IND_K steps) when pdr gives up; FORMAL_PDR_LAST_S: one more pdr with
# that budget on what is still open; bmc3 on the rest.
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
# bmc AIG CEX_MSG: ABC bmc3 to bmc_depth frames (log $dir/bmc.log). Returns when
# there is no counterexample; a counterexample (its frame and CEX_MSG) or no
# answer (the log's tail) ends the run with exit 1.
bmc() {
	local out
	out=$(yosys-abc -c "read_aiger $1; fold; strash; bmc3 -F $bmc_depth" 2>&1 || true)
	printf '%s\n' "$out" > "$dir/bmc.log"
	if grep -q "asserted in frame" <<<"$out"; then
		grep -m1 "asserted in frame" <<<"$out"
		echo "formal: $name: FAILED: counterexample in bmc3$2"
		exit 1
	fi
	grep -q "No output asserted in $bmc_depth frames" <<<"$out" && return 0
	tail -5 "$dir/bmc.log"
	echo "formal: $name: FAILED: bmc3 gave no answer"
	exit 1
}
# facts: the proved assertions ($done_sel) as assumptions
facts() { [ -z "$done_sel" ] || echo "select -set f $done_sel; chformal -assert2assume @f;"; }

# 1. AIGER model (covers removed, design outputs are not properties).
# Assumptions of submodules become assertions: only the top's inputs are
# assumed, so a submodule's input assumption cannot prune the parent's traces.
sub_asserts="chformal -assume -assume2assert A:top %n;"
# FORMAL_LINK: hierarchical names a harness reads (it declares a wire named
# e.g. \\u_cmd.state_q; after flatten the real one is u_cmd.state_q_1)
links=""
for w in ${FORMAL_LINK:-}; do links="$links connect -set $w ${w}_1;"; done
aig_script="delete -output; memory_map; opt -fast; async2sync; chformal -assume -early;
	opt_clean; setundef -anyseq; opt -fast; techmap; opt -fast; dffunmap;
	abc -g AND -fast; opt_clean;"
if ! yosys -q -l "$dir/aig.log" -p "$reads $chp prep -top $top; $sub_asserts flatten; $links
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

# 2'. FORMAL_EACH=1: every assertion is its own model (all assumptions kept),
# ABC pdr on each; this proves far more than one pdr on their conjunction.
# Rounds: an assertion proved in an earlier round is a fact of every
# reachable state, so later rounds assume it (lemmas a harness states to help
# pdr work this way). What pdr leaves open goes to bmc3 together.
if [ "${FORMAL_EACH:-0}" = 1 ]; then
	if ! yosys -q -l "$dir/flat.log" -p "$reads $chp prep -top $top; $sub_asserts flatten; $links
			chformal -remove -cover; tee -q -o $dir/assert_names.txt select -list t:\$assert;
			write_rtlil $dir/flat.il" >/dev/null 2>&1; then
		echo "formal: $name: FAILED (model build, see $dir/flat.log)"
		exit 1
	fi
	all=$(sed -n "s|^$top/||p" "$dir/assert_names.txt")
	# lemmas (named l_*) first: the properties are tried once the lemmas are facts
	lemmas=$(grep -E '(^|\.)l_' <<<"$all" || true)
	props=$(grep -vE '(^|\.)l_' <<<"$all" || true)
	done_sel="" proved=0 kind=0 round=0 lemma_rounds=0 each_log="$dir/pdr_each.log" open=""
	: > "$each_log"
	# last: what is still open gets one more pdr with FORMAL_PDR_LAST_S (if set)
	for phase in lemmas all last; do
		budget=$pdr_s
		if [ $phase = lemmas ]; then cand=$lemmas; elif [ $phase = all ]; then cand="$open $props"; else
			cand=$open budget=${FORMAL_PDR_LAST_S:-0}
			[ "$budget" -gt "$pdr_s" ] || break
		fi
		while [ -n "${cand// /}" ]; do
			round=$((round + 1)) left="" new=0
			for n in $cand; do
				# what is proved is a fact from now on, also for the rest of this round
				facts=$(facts)
				ta=$(date +%s%N)
				if ! yosys -q -p "read_rtlil $dir/flat.il; $facts chformal -remove -assert t:\$assert c:$n %d;
						$aig_script write_aiger -zinit $dir/one.aig" >/dev/null 2>&1; then
					echo "formal: $name: FAILED (model build for $n)"
					exit 1
				fi
				abc_out=$(yosys-abc -c "read_aiger $dir/one.aig; fold; strash; pdr -T $budget; write_cex -a $dir/cex-$n.aiw" 2>&1 || true)
				ms=$((($(date +%s%N) - ta) / 1000000))
				if grep -q "asserted in frame" <<<"$abc_out"; then
					grep -m1 "asserted in frame" <<<"$abc_out"
					echo "formal: $name: FAILED: counterexample to $n (witness $dir/cex-$n.aiw)"
					exit 1
				elif grep -q "Property proved" <<<"$abc_out"; then
					proved=$((proved + 1)) new=1
					done_sel="$done_sel c:$n"
					echo "round $round: $n proved $ms ms" >> "$each_log"
				elif [ "${FORMAL_IND_K:-2}" -gt 0 ] &&
					sat_out=$(timeout "${FORMAL_IND_S:-120}" yosys -p "read_rtlil $dir/flat.il; $facts
						chformal -remove -assert t:\$assert c:$n %d; async2sync; opt -fast;
						sat -tempinduct -prove-asserts -set-assumes -maxsteps ${FORMAL_IND_K:-2}" 2>&1) &&
					grep -q "Induction step proven: SUCCESS" <<<"$sat_out"; then
					# pdr gave up: k-induction (yosys sat, base cases from reset included)
					ms=$((($(date +%s%N) - ta) / 1000000))
					proved=$((proved + 1)) new=1 kind=$((kind + 1))
					done_sel="$done_sel c:$n"
					echo "round $round: $n proved by k-induction $ms ms" >> "$each_log"
				elif grep -q "FAIL" <<<"${sat_out:-}"; then
					echo "formal: $name: FAILED: counterexample to $n (yosys sat base case)"
					exit 1
				else
					left="$left $n"
					echo "round $round: $n open $ms ms" >> "$each_log"
				fi
			done
			cand=$left
			[ $new = 1 ] || break
			# properties: at most FORMAL_EACH_ROUNDS rounds (each retries every open one)
			[ $phase = all ] && [ $((round - lemma_rounds)) -ge "${FORMAL_EACH_ROUNDS:-2}" ] && break
			[ $phase = last ] && break
		done
		[ $phase = lemmas ] && lemma_rounds=$round
		open=$cand
	done
	open=$(echo $open)
	if [ -z "$open" ]; then
		result="proved (ABC pdr, unbounded, each assertion on its own, $kind of them by k-induction, $round rounds)"
	else
		keep=""
		for n in $open; do keep="$keep c:$n"; done
		yosys -q -p "read_rtlil $dir/flat.il; $(facts) select -set k $keep; chformal -remove -assert t:\$assert @k %d;
			$aig_script write_aiger -zinit $dir/open.aig" >/dev/null 2>&1
		bmc "$dir/open.aig" " (one of:$open)"
		nopen=$(wc -w <<<"$open")
		result="$proved proved (ABC pdr, unbounded; $kind of them by k-induction), $nopen bounded (ABC bmc3, depth $bmc_depth; pdr undecided in $pdr_s s each:$open)"
	fi
fi

# 2. pdr, then bmc3 as the fallback.
if [ "${FORMAL_EACH:-0}" != 1 ]; then
	abc_out=$(yosys-abc -c "read_aiger $dir/model.aig; fold; strash; pdr -T $pdr_s; write_cex -a $dir/cex.aiw" 2>&1 || true)
	printf '%s\n' "$abc_out" > "$dir/pdr.log"
	if grep -q "asserted in frame" <<<"$abc_out"; then
		grep -m1 "asserted in frame" <<<"$abc_out"
		echo "formal: $name: FAILED: counterexample (witness $dir/cex.aiw; see verification-plan §3.4 for a VCD)"
		exit 1
	elif grep -q "Property proved" <<<"$abc_out"; then
		result="proved (ABC pdr, unbounded)"
	else
		bmc "$dir/model.aig" ""
		result="bounded (ABC bmc3, depth $bmc_depth; pdr undecided in $pdr_s s)"
	fi
fi

# 3. Covers: each cover(c) becomes assert(!c) in a copy of the model (other
# assertions removed); bmc3 finding a "counterexample" within the depth means
# the cover is reached.
if ! yosys -q -l "$dir/cover_il.log" -p "$reads $chp prep -top $top; $sub_asserts flatten; $links
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
