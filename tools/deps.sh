#!/usr/bin/env bash
# Install the project's dependencies, idempotently, at the versions pinned in tools/pins.env.
#   tools/deps.sh [core|fpga ...]   (default: core)
# Debian packages through apt (needs root or sudo), Python packages into .venv/.
# Writes build/deps/<group>.ok with the pins it satisfied, so later calls are instant.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
. tools/pins.env
groups=("${@:-core}")
stampdir=build/deps
mkdir -p "$stampdir"

say() { printf 'deps: %s\n' "$*"; }
die() { printf 'deps: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || die "not root and no sudo: install as root: $*"
	SUDO="sudo"
fi

apt_updated=0
apt_update() {
	[ $apt_updated = 1 ] && return
	say "apt-get update"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
	apt_updated=1
}

# apt_install "name=ver name2 ..." : installs what is missing or at another version
apt_install() {
	local want=() spec name ver have
	for spec in $1; do
		name=${spec%%=*}
		ver=""
		[ "$name" != "$spec" ] && ver=${spec#*=}
		have=$(dpkg-query -W -f='${Status} ${Version}' "$name" 2>/dev/null | sed -n "s/^install ok installed //p" || true)
		if [ -z "$have" ] || { [ -n "$ver" ] && [ "$have" != "$ver" ]; }; then
			want+=("$spec")
		fi
	done
	[ ${#want[@]} = 0 ] && return
	apt_update
	say "apt-get install ${want[*]}"
	if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --allow-downgrades "${want[@]}" >"$stampdir/apt.log" 2>&1; then
		say "WARNING: a pinned version is not available; installing the current Debian versions instead:"
		local names=()
		for spec in "${want[@]}"; do names+=("${spec%%=*}"); done
		say "  ${names[*]} (see $stampdir/apt.log)"
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${names[@]}" >>"$stampdir/apt.log" 2>&1 ||
			die "apt-get install ${names[*]} failed; see $stampdir/apt.log"
	fi
}

venv() {
	if [ ! -x .venv/bin/python ]; then
		say "creating the project virtual environment .venv/"
		if ! python3 -m venv .venv >/dev/null 2>&1; then
			rm -rf .venv
			apt_install "python3-venv"
			python3 -m venv .venv || die "python3 -m venv failed"
		fi
	fi
}

pip_install() {
	venv
	local missing=() spec name ver have
	for spec in $1; do
		name=${spec%%==*}
		ver=${spec#*==}
		have=$(.venv/bin/python -m pip show "$name" 2>/dev/null | sed -n "s/^Version: //p" || true)
		[ "$have" = "$ver" ] || missing+=("$spec")
	done
	[ ${#missing[@]} = 0 ] && return
	say "pip install ${missing[*]} (into .venv/)"
	.venv/bin/python -m pip install -q --disable-pip-version-check "${missing[@]}" ||
		die "pip install ${missing[*]} failed"
}

for g in "${groups[@]}"; do
	case $g in
	core) pins="$APT_CORE|$PIP_CORE" ;;
	fpga) pins="${APT_FPGA:-}|${PIP_FPGA:-}" ;;
	*) die "unknown group '$g' (core, fpga)" ;;
	esac
	stamp="$stampdir/$g.ok"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$pins" ] && [ -x .venv/bin/python ]; then
		continue
	fi
	say "checking group '$g'"
	apt_install "${pins%%|*}"
	[ -n "${pins#*|}" ] && pip_install "${pins#*|}"
	printf '%s' "$pins" >"$stamp"
	say "group '$g' ready"
done
