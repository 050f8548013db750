#!/bin/sh
# Runs every tests/e2e/t_*.sh against the narrate binary given as $1.
# Each test gets NARRATE (absolute path), SHARED (../shared), a fresh TMPDIR,
# and the repository root as working directory; exit 0 passes, 77 skips.
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
SHARED=$(cd "$root/../shared" 2>/dev/null && pwd)
export NARRATE="$bin" SHARED
pass=0 fail=0 skip=0
for t in tests/e2e/t_*.sh; do
	dir=$(mktemp -d)
	start=$(date +%s)
	TMPDIR=$dir sh "$t" >"$dir.log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - start ))
	case $rc in
	0) pass=$((pass + 1)); echo "ok   $t (${secs}s)" ;;
	77) skip=$((skip + 1)); echo "skip $t: $(tail -n 1 "$dir.log")" ;;
	*) fail=$((fail + 1)); echo "FAIL $t (exit $rc)"; sed 's/^/     /' "$dir.log" | tail -n 30 ;;
	esac
	rm -rf "$dir" "$dir.log"
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
