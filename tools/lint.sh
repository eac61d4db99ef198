#!/usr/bin/env bash
# lint.sh TOP "FILES" [verilator options...]
# Verilator lint (-Wall) of one top; any warning fails. Waivers live only in
# .vlt files named in FILES (each with its reason).
set -euo pipefail
top=$1 files=$2
shift 2
out=$(verilator --lint-only -Wall -Irtl/include --top-module "$top" "$@" $files 2>&1) && rc=0 || rc=$?
if [ $rc != 0 ] || [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "lint: $top: FAILED"
	exit 1
fi
echo "lint: $top $*: clean (verilator --lint-only -Wall)"
