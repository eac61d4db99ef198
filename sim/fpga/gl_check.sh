#!/usr/bin/env bash
# gl_check.sh GL_BIN DIV RTL_SIM PROGRAM.elf: the gate-level check.
# Runs PROGRAM on the RTL tile simulator and on the synthesized fpga_top netlist
# (whose SPM was initialised with the same program), and compares the console:
# the netlist's UART output must be exactly the simulator's stdout followed by
# the console's "[tile 0] exit <code>" line, with the simulator's exit status.
set -uo pipefail
gl=$1 div=$2 sim=$3 elf=$4
rtl_out=$(mktemp) gl_out=$(mktemp) want=$(mktemp)
trap 'rm -f "$rtl_out" "$gl_out" "$want"' EXIT
"$sim" --quiet "$elf" >"$rtl_out"
rc=$?
case $rc in 2 | 3 | 4 | 124) echo "gl_check: the RTL simulation failed (status $rc)"; exit 1 ;; esac
{ cat "$rtl_out"; echo "[tile 0] exit $rc"; } >"$want"
"$gl" --div "$div" >"$gl_out"
grc=$?
echo "--- RTL simulation ($sim):"
cat "$want"
echo "--- gate-level netlist ($gl), status $grc:"
cat "$gl_out"
if [ $grc != 0 ] || ! cmp -s "$want" "$gl_out"; then
	diff "$want" "$gl_out" | head -20
	echo "gl_check: FAILED: the gate-level console differs from the RTL simulation"
	exit 1
fi
echo "gl_check: gate-level console matches the RTL simulation ($(wc -l <"$want") lines)"
