#!/bin/sh
# `narrate lexicon check` on bad lexicons: each case must fail with exit 1
# and the exact file:line:col message, quickly, without a crash.
set -u
N=${NARRATE:-./narrate}
export NARRATE_DATADIR="${NARRATE_DATADIR:-$PWD}"
T=${TMPDIR:-/tmp}/t_lexicon_check.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
fails=0
bad() { echo "t_lexicon_check: $*"; fails=$((fails + 1)); }

# case name | file content (printf format) | expected message (after "narrate: error: ")
while IFS='|' read -r name content want; do
	[ -n "$name" ] || continue
	printf -- "$content" > "$name.yaml"
	want=$(printf -- "$want")
	out=$(timeout 20 "$N" lexicon check "$name.yaml" 2>&1)
	rc=$?
	[ "$rc" -eq 1 ] || bad "$name: exit $rc, want 1 ($out)"
	printf '%s\n' "$out" | grep -qxF "narrate: error: $name.yaml:$want" ||
		bad "$name: want '$name.yaml:$want', got: $out"
done <<'CASES'
unclosed|Tokayev: { say: "x"\n|2:1: did not find expected ',' or '}' while parsing a flow mapping
badindent|Tokayev:\n  say: a\n say: b\n|3:2: did not find expected key while parsing a block mapping
dupfield|Tokayev:\n  say: toe\n  say: tow\n|3:3: duplicate key 'say' (first at line 2)
dupfold|Tokayev: toe\nTOKAYEV: { say: tow, case: any }\n|2:1: entry 'TOKAYEV' collides with entry 'Tokayev' at line 1
aliascoll|Tokayev: { say: toe, aliases: [Putin] }\nPutin: poo-tin\n|2:1: entry 'Putin' collides with alias 'Putin' at line 1
aliasalias|Abc: { say: a, aliases: [Xyz] }\nBcd: { say: b, aliases: [xyz] }\n|2:26: alias 'xyz' collides with alias 'Xyz' at line 1
circular|Abc: { same-as: Bcd }\nBcd: { same-as: Abc }\n|1:17: circular alias: 'Abc' is same-as 'Bcd' (line 2), which never reaches an entry
dangling|Abc: { same-as: Nobody }\n|1:17: same-as 'Nobody' is not an entry
badphoneme|Tokayev: { phonemes: "t0kQQ" }\n|1:26: unknown phoneme at 'QQ' (the known ones are in lexicon-data/phonemes.yaml)
badipa|Tokayev: { ipa: "tok\342\230\203" }\n|1:21: unknown IPA symbol '\342\230\203'
emptysay|Tokayev: { say: "" }\n|1:17: 'say' is empty
brackets|Tokayev: { say: "a [[x]]" }\n|1:20: 'say' may not contain brackets
control|Tokayev: { say: "a\\x01b" }\n|1:19: 'say' may not contain control characters
wrongtype|Tokayev: { say: [a, b] }\n|1:17: 'say' must be a string, not a list
notmap|- Tokayev\n|1:1: a lexicon is a map of words to pronunciations, not a list
unknownfield|Tokayev: { sya: toe }\n|1:12: unknown field 'sya' (expected say, phonemes, ipa, same-as, aliases, case or note)
badcase|Tokayev: { say: a, case: maybe }\n|1:26: 'case' must be 'exact' or 'any'
badkey|St. Louis: saint\n|1:1: key 'St. Louis' must be words of letters and digits, joined by - or ', with single spaces between words
anchor|a: &x [1, 2]\nb: *x\n|1:4: anchors (&x) are not allowed here
tag|a: !!python/object:os.system x\n|1:4: tags (tag:yaml.org,2002:python/object:os.system) are not allowed here
badutf8|Tokayev: \377\n|1:10: invalid leading UTF-8 octet
CASES

# an alias/anchor bomb (billion laughs): refused at the first anchor
{
	printf 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n'
	i=1
	while [ $i -le 16 ]; do
		p=$((i - 1))
		printf 'a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n' $i $i $p $p $p $p $p $p $p $p $p
		i=$((i + 1))
	done
} > bomb.yaml
out=$(timeout 10 "$N" lexicon check bomb.yaml 2>&1)
[ $? -eq 1 ] && printf '%s' "$out" | grep -q 'bomb.yaml:1:5: anchors' || bad "bomb: $out"

# deep nesting: refused before libyaml's quadratic scan
awk 'BEGIN { s = "a: "; for (i = 0; i < 100000; i++) s = s "["; print s }' > deep.yaml
out=$(timeout 10 "$N" lexicon check deep.yaml 2>&1)
[ $? -eq 1 ] && printf '%s' "$out" | grep -q 'deep.yaml:1:20: nested deeper than 16 levels' || bad "deep: $out"

# a 10 MB file
awk 'BEGIN { for (i = 0; i < 330000; i++) printf "Name%d: { say: \"name %d\" }\n", i, i }' > big.yaml
out=$(timeout 10 "$N" lexicon check big.yaml 2>&1)
[ $? -eq 1 ] && printf '%s' "$out" | grep -q 'big.yaml: file is larger than 8 MiB' || bad "10 MB: $out"

# a long phoneme string never reaches espeak-ng
awk 'BEGIN { s = ""; for (i = 0; i < 800; i++) s = s "a"; printf "Tokayev: { phonemes: \"%s\" }\n", s }' > long.yaml
out=$(timeout 10 "$N" lexicon check long.yaml 2>&1)
[ $? -eq 1 ] && printf '%s' "$out" | grep -q "long.yaml:1:22: 'phonemes' is longer than 100 bytes" || bad "long: $out"

# several problems in one file are all reported
printf 'A: { say: "" }\nB: { phonemes: "QQ" }\nC: { say: [x] }\n' > many.yaml
n=$("$N" lexicon check many.yaml 2>&1 | grep -c 'many.yaml:')
[ "$n" -eq 3 ] || bad "many: $n problems reported, want 3"

# a good file passes, and the shipped lexicon passes
printf 'Quorvani: { say: kor-vah-nee, aliases: [Quorvany] }\n' > good.yaml
"$N" lexicon check good.yaml > /dev/null 2>&1 || bad "good file refused"
"$N" lexicon check > /dev/null 2>&1 || bad "shipped lexicon refused"

# a newsroom file may replace shipped entries: fine, and check says so
printf 'putin: { say: poo-teen }\n' > news.yaml
out=$("$N" lexicon check news.yaml 2>&1) || bad "news.yaml refused: $out"
printf '%s' "$out" | grep -q "news.yaml:1:1: 'putin' replaces 'Putin' from .*names.yaml:[0-9]" ||
	bad "no note that news.yaml replaces Putin: $out"

[ $fails -eq 0 ] || exit 1
echo "t_lexicon_check: ok"
