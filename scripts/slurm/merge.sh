#!/usr/bin/env bash
# The last job of submit.sh, after every array task succeeded: adds up the
# shards' summaries (summary --merge) into $HN_OUT/summary.json, .txt and .html,
# and lists the rows the tasks skipped, by the export's line numbers, in
# $HN_OUT/skipped-rows.txt.
#SBATCH --job-name=healing-notes-merge
set -euo pipefail

summaries=("$HN_OUT"/summaries/shard-*.json)
for format in json text html; do
  ext=$format; [ "$format" = text ] && ext=txt
  "$HN_NODE" "$HN_CLI" summary --merge --format "$format" --output "$HN_OUT/summary.$ext" "${summaries[@]}"
done

# "healing-notes: <shard>: line 7: skipped: <reason>" → "line <7 + the shard's first line - 1>: <reason>".
: > "$HN_OUT/skipped-rows.txt"
while read -r shard first; do
  log="$HN_OUT/logs/check-${shard#shard-}"
  log="${log%.jsonl}.log"
  [ -f "$log" ] || continue
  sed -n -e 's/^healing-notes: .*: lines \([0-9]*\)-\([0-9]*\): skipped: \(.*\)$/\1 \2 \3/p' \
    -e 's/^healing-notes: .*: line \([0-9]*\): skipped: \(.*\)$/\1 \1 \2/p' "$log" |
    while read -r from to reason; do
      from=$((from + first - 1)) to=$((to + first - 1))
      if [ "$from" = "$to" ]; then echo "line $from: $reason"; else echo "lines $from-$to: $reason"; fi
    done
done < "$HN_OUT/shards/first-lines.txt" >> "$HN_OUT/skipped-rows.txt"

echo "merge.sh: ${#summaries[@]} shard summaries added up into $HN_OUT/summary.json"
skipped=$(grep -c . "$HN_OUT/skipped-rows.txt" || true)
[ "$skipped" = 0 ] || echo "merge.sh: $skipped rows skipped (listed in $HN_OUT/skipped-rows.txt)"
