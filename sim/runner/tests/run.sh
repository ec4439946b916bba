#!/bin/sh
# run.sh - builds the runner, runs every scenario twice, and checks that the two traces are
# identical and that every printed result equals the scenario's expected result.
# tests/*.trace must run (exit 0); tests/bad-input/*.trace must be rejected (exit 2, file:line:col);
# tests/unavailable/*.trace must be skipped (exit 4); tests/runner-error/*.trace must stop with a
# runner error (exit 3) under a short per-event timeout.
here=$(cd "$(dirname "$0")" && pwd)
runner="$here/../runner"
make -s -C "$here/.." runner || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

# Prints "line<TAB>expected-or-printed result" for every event line of a file.
results() {
	awk '
	/^[ \t]*#/ || /^[ \t]*$/ { next }
	{
		line = $0
		sub(/[ \t]+#[^"]*$/, "", line)
		i = 0; n = 0
		while ((j = index(substr(line, i + 1), ") = ")) > 0) { i += j; n = i }
		r = substr(line, n + 4)
		if (r ~ /^-1 E/) { split(r, t, " "); r = t[1] " " t[2] }
		print r
	}' "$1"
}

# Compares expected results with printed ones: "?" matches anything; a value without a note
# matches on the value alone.
compare() {
	results "$1" > "$tmp/want"
	results "$2" > "$tmp/got"
	paste -d '\t' "$tmp/want" "$tmp/got" | awk -F '\t' -v f="$3" '
	{
		w = $1; g = $2; k = NR
		if (w == "?") next
		if (w !~ /\(/ && w !~ /^-1 /) { split(g, t, " "); g = t[1] }
		if (w != g) { printf "%s: event %d: expected %s, got %s\n", f, k, w, $2; bad = 1 }
	}
	END { exit bad }' || return 1
	[ "$(wc -l < "$tmp/want")" -eq "$(wc -l < "$tmp/got")" ] || { echo "$3: event counts differ"; return 1; }
}

for f in "$here"/*.trace; do
	name=$(basename "$f" .trace)
	"$runner" "$f" > "$tmp/a" 2> "$tmp/err"; rc=$?
	"$runner" "$f" > "$tmp/b" 2>> "$tmp/err"; rc2=$?
	if [ $rc -ne 0 ] || [ $rc2 -ne 0 ]; then bad "$name" "exit $rc/$rc2: $(head -3 "$tmp/err")"; continue; fi
	if ! cmp -s "$tmp/a" "$tmp/b"; then bad "$name" "two runs differ: $(diff "$tmp/a" "$tmp/b" | head -5)"; continue; fi
	if ! out=$(compare "$f" "$tmp/a" "$name"); then bad "$name" "$out"; continue; fi
	ok
done

for f in "$here"/bad-input/*.trace; do
	[ -e "$f" ] || continue
	"$runner" "$f" > /dev/null 2> "$tmp/err"; rc=$?
	if [ $rc -eq 2 ] && grep -q "^$f:[0-9]*:[0-9]*: error: " "$tmp/err"; then ok; else bad "$(basename "$f")" "exit $rc: $(cat "$tmp/err")"; fi
done

for f in "$here"/unavailable/*.trace; do
	[ -e "$f" ] || continue
	"$runner" "$f" > /dev/null 2> "$tmp/err"; rc=$?
	if [ $rc -eq 4 ] && grep -q "^runner: cannot provide setup" "$tmp/err"; then ok; else bad "$(basename "$f")" "exit $rc: $(cat "$tmp/err")"; fi
done

for f in "$here"/runner-error/*.trace; do
	[ -e "$f" ] || continue
	"$runner" -t 0.3 "$f" > /dev/null 2> "$tmp/err"; rc=$?
	if [ $rc -eq 3 ] && grep -q "^$f:[0-9]*: runner error: " "$tmp/err"; then ok; else bad "$(basename "$f")" "exit $rc: $(cat "$tmp/err")"; fi
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
