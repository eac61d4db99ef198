#!/usr/bin/env bash
# gl_check.sh GL_BIN DIV RTL_SIM RTL_ARGS... [-- GL_ARGS...]: the gate-level check.
# Runs the RTL simulator (RTL_SIM --quiet RTL_ARGS: a program, or a SoC's
# programs / --boot image) and the synthesized fpga_top netlist (GL_BIN --div DIV
# GL_ARGS: its block RAMs hold the same images, from the synthesis or swapped in
# with --image), and compares the console: the netlist's UART output must be
# exactly the simulator's stdout followed by the console's "[tile 0] exit <code>"
# line, with the simulator's exit status.
#   gl_check.sh build/sim/fpga-gl/fpga-gl 16 build/sim/sim-tile/sim-tile hello.elf
set -uo pipefail
gl=$1 div=$2 sim=$3
shift 3
rtl_args=() gl_args=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do rtl_args+=("$1"); shift; done
[ $# -gt 0 ] && shift
gl_args=("$@")
rtl_out=$(mktemp) gl_out=$(mktemp) want=$(mktemp)
trap 'rm -f "$rtl_out" "$gl_out" "$want"' EXIT
"$sim" --quiet "${rtl_args[@]}" >"$rtl_out"
rc=$?
case $rc in 2 | 3 | 4 | 124) echo "gl_check: the RTL simulation failed (status $rc)"; exit 1 ;; esac
{ cat "$rtl_out"; echo "[tile 0] exit $rc"; } >"$want"
"$gl" --div "$div" "${gl_args[@]}" >"$gl_out"
grc=$?
echo "--- RTL simulation ($sim ${rtl_args[*]}):"
cat "$want"
echo "--- gate-level netlist ($gl ${gl_args[*]}), status $grc:"
cat "$gl_out"
if [ $grc != 0 ] || ! cmp -s "$want" "$gl_out"; then
	diff "$want" "$gl_out" | head -20
	echo "gl_check: FAILED: the gate-level console differs from the RTL simulation"
	exit 1
fi
echo "gl_check: gate-level console matches the RTL simulation ($(wc -l <"$want") lines)"
