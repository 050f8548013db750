#!/bin/sh
# make fuzz: builds each libFuzzer target (clang, ASan+UBSan) with every
# src/*.c but main.c, then runs each for SECONDS on both cores, keeping its
# corpus in build/fuzz/corpus-NAME (seeded from tests/fuzz/seeds-NAME if any).
# usage: run.sh SECONDS tests/fuzz/fuzz_X.c...
secs=$1; shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
pkgs="espeak-ng sndfile yaml-0.1 libebur128 soxr libxml-2.0 libutf8proc libxxhash"
flags="-std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Isrc $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lm"
srcs=$(ls src/*.c | grep -v '^src/main.c$')
mkdir -p build/fuzz
export NARRATE_DATADIR="$root"
status=0
for t in "$@"; do
	name=$(basename "$t" .c)
	echo "== $name: building"
	clang $flags -DNARRATE_DATADIR="\"$root\"" -o "build/fuzz/$name" "$t" $srcs $libs || { status=1; continue; }
	corpus=build/fuzz/corpus-$name; mkdir -p "$corpus"
	seeds=tests/fuzz/seeds-${name#fuzz_}
	[ -d "$seeds" ] && cp -n "$seeds"/* "$corpus"/ 2>/dev/null
	echo "== $name: running ${secs}s"
	"build/fuzz/$name" -max_total_time="$secs" -jobs=2 -workers=2 -print_final_stats=1 \
		-artifact_prefix="build/fuzz/$name-" "$corpus" >"build/fuzz/$name.log" 2>&1
	rc=$?
	tail -n 3 "build/fuzz/$name.log"
	if [ $rc -ne 0 ] || ls build/fuzz/"$name"-crash-* >/dev/null 2>&1; then
		echo "== $name: FINDING (see build/fuzz/$name.log)"; status=1
	else
		echo "== $name: no finding in ${secs}s"
	fi
done
exit $status
