#!/bin/sh
# Normalizer golden test: feeds column 1 of tests/golden/normalize.tsv through
# `narrate text --lines -` and compares with column 2; prints a diff and exits
# 1 on any mismatch.  Usage: sh tests/golden/normalize.sh [./narrate]
bin=${1:-./narrate}
root=$(cd "$(dirname "$0")/../.." && pwd)
cases=$root/tests/golden/normalize.tsv
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
grep -v '^#' "$cases" | grep -v '^$' >"$tmp/cases"
cut -f1 "$tmp/cases" | NARRATE_DATADIR=${NARRATE_DATADIR:-$root} "$bin" text --lines - >"$tmp/got" || {
	echo "normalize golden: narrate failed"; exit 1; }
cut -f2 "$tmp/cases" >"$tmp/want"
if diff -u "$tmp/want" "$tmp/got"; then
	echo "normalize golden: $(wc -l <"$tmp/cases") passed"
else
	echo "normalize golden: FAILED"; exit 1
fi
