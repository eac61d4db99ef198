#!/usr/bin/env bash
# stage.sh LABEL LOG CMD [ARGS...]: run one long step of the FPGA flow quietly.
# Prints one line: "        LABEL ..." when it starts, completed in place with
# the elapsed time as "[  66s] LABEL ... done" (or FAILED and the end of the
# log). The full output goes to LOG, closed by a line "stage: N s, exit RC:
# LABEL". Exit status: the command's. With STAGE_PARALLEL set (stages running
# side by side) both lines are whole lines.
set -uo pipefail
label=$1 log=$2
shift 2
mkdir -p "$(dirname "$log")"
note=""
case $1 in
*yowasp-*)
	# the first call of a YoWASP tool compiles its WebAssembly (minutes), later calls reuse the cache
	pkg=$(basename "$1")
	pkg=${pkg#yowasp-}
	case $pkg in yosys*) pkg=yosys ;; *) pkg=nextpnr_ecp5 ;; esac
	[ -d "${XDG_CACHE_HOME:-$HOME/.cache}/YoWASP/yowasp_$pkg" ] ||
		note=" (first run of a YoWASP tool: compiling it, a few minutes)"
	;;
esac
t0=$(date +%s)
inplace=0
[ -t 1 ] && [ -z "${STAGE_PARALLEL:-}" ] && inplace=1
if [ $inplace = 1 ]; then
	printf '        %s ...%s' "$label" "$note"
else
	printf '        %s ...%s\n' "$label" "$note"
fi
"$@" >"$log" 2>&1
rc=$?
dt=$(($(date +%s) - t0))
# stage times for the report: "<first word of LABEL>\t<seconds>\t<status>", the last run of each
times=$(dirname "$log")/stage-times.tsv
key=${label%% *}
(
	flock 9
	{ [ -f "$times" ] && grep -v "^$key	" "$times"; printf '%s\t%s\t%s\n' "$key" "$dt" "$rc"; } >"$times.tmp" || true
	mv "$times.tmp" "$times"
) 9>"$times.lock"
[ $inplace = 1 ] && printf '\r\033[K'
if [ $rc = 0 ]; then
	printf '[%4ds] %s ... done\n' "$dt" "$label"
else
	printf '[%4ds] %s ... FAILED (exit %d; full log: %s)\n' "$dt" "$label" "$rc" "$log"
	grep -iE 'error|fail' "$log" | grep -v '^Info: *$' | tail -8 | sed 's/^/    | /'
	tail -5 "$log" | sed 's/^/    | /'
fi
# the log's last line: the stage's time (fpga/tools/seeds.py reads it)
printf 'stage: %d s, exit %d: %s\n' "$dt" "$rc" "$label" >>"$log"
exit $rc
