#!/usr/bin/env bash
# prove.sh ROW [mutant|in|cmd]: rows T1-T4 of the verification plan on the TCU RTL.
#   ROW      T1 | T2 | T3 | T4: every harness run of the row through
#            tools/formal.sh (ABC pdr, bmc3 fallback with its depth, covers),
#            then one figure line starting with the row name.
#   in, cmd  only the row's run on that harness (T1 and T3 have both; each
#            alone stays within runtests.py's hang guard)
#   mutant   the same proofs on a copy of the RTL with the row's checked logic
#            broken (build/formal/tcu-mutant/ROW/): a counterexample is expected,
#            so the proofs provably can fail. Exit 0 only if it was found.
# Budgets (solver effort, not test thresholds): FORMAL_PDR_S, FORMAL_BMC_DEPTH,
# FORMAL_COVER_DEPTH; see tools/formal.sh. Run from the repository root.
set -uo pipefail
row=${1:?usage: prove.sh T1|T2|T3|T4 [mutant]}
mode=${2:-proof}
export FORMAL_EACH=1   # pdr on each assertion, lemmas first, k-induction if pdr gives up (tools/formal.sh)
export FORMAL_PDR_S=${FORMAL_PDR_S:-20}
export FORMAL_IND_K=${FORMAL_IND_K:-4}   # k of the k-induction fallback (tools/formal.sh)
export FORMAL_PDR_LAST_S=${FORMAL_PDR_LAST_S:-600}   # last pdr on what stays open
export FORMAL_BMC_DEPTH=${FORMAL_BMC_DEPTH:-16}
export FORMAL_COVER_DEPTH=${FORMAL_COVER_DEPTH:-24}
NUM_EPS=4
SPM=256
PRIV_WAIT=8
# registers of the engines the harnesses' lemmas read (tools/formal.sh FORMAL_LINK)
WR="u_xfer.u_wr.nd_q u_xfer.u_wr.in_left_q u_xfer.u_wr.off_q u_xfer.u_wr.endb_q u_xfer.u_wr.cv_q u_xfer.u_wr.first_q"
# (registers only the T4 lemmas read: in the other rows the harness wires are gone, so no link)
LINK_IN4="u_in.addr_q u_in.lim_q u_in.err_q u_in.slot_q u_in.u_xfer.u_wr.daddr_q"
LINK_IN="u_in.state_q u_in.open_q u_in.h_kind u_in.h_sx u_in.h_sy u_in.m_dst u_in.m_len u_in.m_reply $(for w in $WR; do printf 'u_in.%s ' "$w"; done)"
LINK_CMD="u_cmd.state_q u_cmd.op_q u_cmd.ep_q u_cmd.arg_q u_cmd.dsize_q u_cmd.waitop_q u_cmd.took_q u_cmd.base_q u_cmd.done_q u_cmd.err_q $(for w in $WR; do printf 'u_cmd.%s ' "$w"; done)"
# parameters of a harness run
params() {
	if [ "$1" = tcu_formal_in ]; then
		echo "-set NumEps $NUM_EPS -set SpmBytes $SPM -set PrivWait $PRIV_WAIT"
	else
		echo "-set NumEps $NUM_EPS -set SpmBytes $SPM"
	fi
}
# link HARNESS ROW: the registers that harness run reads
link() {
	if [ "$1" = tcu_formal_cmd ]; then echo "$LINK_CMD"
	elif [ "$2" = 4 ]; then echo "$LINK_IN $LINK_IN4"
	else echo "$LINK_IN"; fi
}
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
if [ "$mode" = in ] || [ "$mode" = cmd ]; then
	runs=$(tr ' ' '\n' <<<"$runs" | grep "^tcu_formal_$mode:" || true)
	[ -n "$runs" ] || { echo "prove.sh: $row has no $mode harness"; exit 2; }
	name="$name ($mode)"
fi

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
		# one pdr on all assertions: it finds the counterexample in seconds
		out=$(FORMAL_EACH=0 FORMAL_LINK="$(link "$top" "$n")" FORMAL_TAG=mut-$row-$n tools/formal.sh "$top" "$files" -set Row "$n" $(params "$top") 2>&1)
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
	out=$(FORMAL_LINK="$(link "$top" "$n")" FORMAL_TAG=row$n tools/formal.sh "$top" "$files" -set Row "$n" $(params "$top") 2>&1)
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
	t=$(sed -E 's/.*; ([0-9.]+ s)$/\1/' <<<"$line")
	asserts=$((asserts + a)) covers=$((covers + c))
	# lemmas (l_*) help pdr; the row's properties are the other assertions
	names=$(sed -n "s|^$top/||p" "build/formal/$top-row$n/assert_names.txt")
	nl=$(grep -cE '(^|\.)l_' <<<"$names" || true)
	np=$((a - nl))
	kk=$(grep -o '[0-9]* of them by k-induction' <<<"$res" | cut -d' ' -f1)
	by="pdr${kk:+ (${kk} by k-induction)}"
	[ "${kk:-0}" = 0 ] && by=pdr
	if [[ $res == proved* ]]; then
		short="all $np properties proved by $by (+ $nl lemmas)"
	else
		d=$(sed -E 's/.*bmc3, depth ([0-9]+).*/\1/' <<<"$res")
		open=$(sed -E 's/.*each: ?(.*)\)$/\1/' <<<"$res")
		ol=$(tr ' ' '\n' <<<"$open" | grep -cE '(^|\.)l_' || true)
		op=$(($(wc -w <<<"$open") - ol))
		short="$((np - op)) of $np properties proved by $by (+ $((nl - ol)) of $nl lemmas), $op only bounded to depth $d < longest command (open: $open)"
	fi
	results="$results${results:+; }${top#tcu_formal_} ($t): $short"
done
if [ $status != 0 ]; then
	echo "$row $name: FAILED"
	exit 1
fi
echo "$row $name: $results; NumEps=$NUM_EPS, SpmBytes=$SPM, $(($(date +%s) - t0)) s; $covers covers reached"
