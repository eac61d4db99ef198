#!/usr/bin/env bash
# prove.sh ROW [mutant]: rows T1-T4 of the verification plan on the TCU RTL.
#   ROW      T1 | T2 | T3 | T4: every harness run of the row through
#            tools/formal.sh (ABC pdr, bmc3 fallback with its depth, covers),
#            then one figure line starting with the row name.
#   mutant   the same proofs on a copy of the RTL with the row's checked logic
#            broken (build/formal/tcu-mutant/ROW/): a counterexample is expected,
#            so the proofs provably can fail. Exit 0 only if it was found.
# Budgets (solver effort, not test thresholds): FORMAL_PDR_S, FORMAL_BMC_DEPTH,
# FORMAL_COVER_DEPTH; see tools/formal.sh. Run from the repository root.
set -uo pipefail
row=${1:?usage: prove.sh T1|T2|T3|T4 [mutant]}
mode=${2:-proof}
export FORMAL_PDR_S=${FORMAL_PDR_S:-20}
export FORMAL_BMC_DEPTH=${FORMAL_BMC_DEPTH:-16}
export FORMAL_COVER_DEPTH=${FORMAL_COVER_DEPTH:-24}
NUM_EPS=4
SPM=256
XFER="rtl/tcu/tcu_xfer.v rtl/tcu/tcu_spm_rd.v rtl/tcu/tcu_spm_wr.v rtl/tcu/tcu_rr_pick.v"
IN="rtl/tcu/tcu_in.v $XFER rtl/tcu/formal/tcu_formal_in.v"
CMD="rtl/tcu/tcu_cmd.v $XFER rtl/tcu/formal/tcu_formal_cmd.v"

# proofs of each row: harness:Row
case $row in
T1) name="privilege"; runs="tcu_formal_in:1 tcu_formal_cmd:1" ;;
T2) name="memory-EP integrity"; runs="tcu_formal_cmd:2" ;;
T3) name="credits"; runs="tcu_formal_cmd:3 tcu_formal_in:3" ;;
T4) name="receive slots"; runs="tcu_formal_in:4" ;;
*) echo "prove.sh: unknown row $row"; exit 2 ;;
esac

# mutants: file, sed expression (must change the file)
mutate() {
	case $row in
	T1) echo "rtl/tcu/tcu_in.v" 's/if (h_sx != KX || h_sy != KY) begin/if (1'"'"'b0) begin/' ;;
	T2) echo "rtl/tcu/tcu_cmd.v" 's/(({1'"'"'b0, arg_q} + {1'"'"'b0, dsize_q}) > {1'"'"'b0, m_size}/(arg_q > m_size/' ;;
	T3) echo "rtl/tcu/tcu_cmd.v" 's/else if (s_cur == 6'"'"'d0)/else if (1'"'"'b0)/' ;;
	T4) echo "rtl/tcu/tcu_in.v" 's/\.req_i(~r_occ \& s_mask)/.req_i(s_mask)/' ;;
	esac
}
mut_desc() {
	case $row in
	T1) echo "PRIV_REQ source check removed" ;;
	T2) echo "only ARG checked against the region size" ;;
	T3) echo "SEND at 0 credits allowed" ;;
	T4) echo "slot search ignores OCC" ;;
	esac
}

t0=$(date +%s)
if [ "$mode" = mutant ]; then
	read -r mfile mexpr <<<"$(mutate)"
	mdir=build/formal/tcu-mutant/$row
	mkdir -p "$mdir"
	sed "$mexpr" "$mfile" > "$mdir/$(basename "$mfile")"
	if cmp -s "$mfile" "$mdir/$(basename "$mfile")"; then
		echo "$row mutant: the mutation no longer applies to $mfile"
		exit 1
	fi
	found=0
	for r in $runs; do
		top=${r%%:*} n=${r##*:}
		files=$([ "$top" = tcu_formal_in ] && echo "$IN" || echo "$CMD")
		[[ " $files " == *" $mfile "* ]] || continue   # this harness does not use the broken file
		files=${files//$mfile/$mdir\/$(basename "$mfile")}
		out=$(FORMAL_TAG=mut-$row-$n tools/formal.sh "$top" "$files" -set Row "$n" -set NumEps $NUM_EPS -set SpmBytes $SPM 2>&1)
		echo "$out" | tail -2
		grep -q "FAILED: counterexample" <<<"$out" && found=1
	done
	if [ $found = 1 ]; then
		echo "$row mutant ($(mut_desc)): counterexample found in $(($(date +%s) - t0)) s"
		exit 0
	fi
	echo "$row mutant ($(mut_desc)): NOT caught"
	exit 1
fi

status=0 results="" covers=0 asserts=0
for r in $runs; do
	top=${r%%:*} n=${r##*:}
	files=$([ "$top" = tcu_formal_in ] && echo "$IN" || echo "$CMD")
	out=$(FORMAL_TAG=row$n tools/formal.sh "$top" "$files" -set Row "$n" -set NumEps $NUM_EPS -set SpmBytes $SPM 2>&1)
	rc=$?
	echo "$out"
	if [ $rc != 0 ]; then
		status=1
		continue
	fi
	# "formal: NAME: N assertions RESULT; R/C covers reached (...); T s"
	line=$(grep "^formal: " <<<"$out" | tail -1)
	a=$(sed -E 's/^formal: [^:]+: ([0-9]+) assertions.*/\1/' <<<"$line")
	res=$(sed -E 's/^formal: [^:]+: [0-9]+ assertions (.*); [0-9]+\/[0-9]+ covers reached.*/\1/' <<<"$line")
	c=$(sed -E 's/.*; ([0-9]+)\/[0-9]+ covers reached.*/\1/' <<<"$line")
	asserts=$((asserts + a)) covers=$((covers + c))
	short=$(sed -E 's/ \(ABC pdr, unbounded\)/ (pdr)/; s/ \(ABC bmc3, depth ([0-9]+);.*\)/ (bmc3 depth \1, pdr open)/' <<<"$res")
	results="$results${results:+, }${top#tcu_formal_} $short"
done
if [ $status != 0 ]; then
	echo "$row $name: FAILED"
	exit 1
fi
echo "$row $name: $results (NumEps=$NUM_EPS, SpmBytes=$SPM) in $(($(date +%s) - t0)) s; $asserts assertions, $covers covers reached"
