#!/usr/bin/env bash
# The console's catalogues are current: lupdate over today's sources changes neither .ts file (a
# message added, changed or moved to another class without `update_translations` would show in
# English to a German operator), German translates every message and English gives the plural
# forms of every message with a count.
#   translations-current.sh LUPDATE SOURCES.lst TRANSLATIONS_DIR
set -u
lupdate=$1 sources=$2 dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$dir"/arbor_de.ts "$dir"/arbor_en.ts "$work"/
# Its warnings (tr() in a namespace "lacks Q_OBJECT") are shown only if it fails.
if ! "$lupdate" -silent -no-obsolete -locations none "@$sources" -ts "$work"/arbor_de.ts "$work"/arbor_en.ts 2> "$work"/lupdate.err; then
    cat "$work"/lupdate.err >&2
    echo "lupdate failed" >&2
    exit 1
fi
status=0
for ts in arbor_de.ts arbor_en.ts; do
    if ! diff -u "$dir/$ts" "$work/$ts" > "$work/$ts.diff"; then
        echo "translations/$ts is not current with the sources: run cmake --build build/tests --target update_translations," >&2
        echo "translate what it adds (German) and commit both files. What lupdate changes:" >&2
        head -n 60 "$work/$ts.diff" >&2
        status=1
    fi
done
# Messages German leaves untranslated, each with its source text.
unfinished=$(grep -c 'type="unfinished"' "$work"/arbor_de.ts)
if [ "$unfinished" -gt 0 ]; then
    echo "translations/arbor_de.ts: $unfinished message(s) without a German translation:" >&2
    grep -B1 'type="unfinished"' "$work"/arbor_de.ts | grep '<source>' | head -n 20 >&2
    status=1
fi
# English carries only plural forms: each must be given ("1 block", not "1 block(s)").
plurals=$(awk '/<message numerus="yes">/ { inside = 1; source = "" }
               inside && /<source>/ { source = $0 }
               inside && /type="unfinished"/ { print source; inside = 0 }
               /<\/message>/ { inside = 0 }' "$work"/arbor_en.ts)
if [ -n "$plurals" ]; then
    echo "translations/arbor_en.ts: plural forms missing (\"%n item(s)\" shows as written):" >&2
    echo "$plurals" | head -n 20 >&2
    status=1
fi
[ "$status" -eq 0 ] && echo "arbor_de.ts and arbor_en.ts are current; German translates every message, English gives every plural form"
exit "$status"
