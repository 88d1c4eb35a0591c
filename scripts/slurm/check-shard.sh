#!/usr/bin/env bash
# One task of the array job of submit.sh: checks shard $SLURM_ARRAY_TASK_ID.
# Its summary goes to $HN_OUT/summaries/, each note's line (with HN_PER_NOTE=1)
# to $HN_OUT/results/, and the CLI's exit code to $HN_OUT/logs/check-N.exit.
# The task fails (so the merge does not run) only on a usage or input error
# (exit 2): findings (1) and skipped rows (3) are results.
#SBATCH --job-name=healing-notes-check
set -euo pipefail

n=$(printf '%04d' "$SLURM_ARRAY_TASK_ID")
shard="$HN_OUT/shards/shard-$n.jsonl"
table=(--input-format jsonl --text-field "$HN_TEXT_FIELD" --id-field "$HN_ID_FIELD" --jobs "${SLURM_CPUS_PER_TASK:-1}" --quiet)
[ -z "${HN_RULES:-}" ] || table+=(--rules "$HN_RULES")
code=0
if [ "${HN_PER_NOTE:-0}" = 1 ]; then
  # One pass: each note's line, and the shard's summary beside it.
  "$HN_NODE" "$HN_CLI" check "${table[@]}" --format jsonl --output "$HN_OUT/results/shard-$n.jsonl" \
    --summary-json "$HN_OUT/summaries/shard-$n.json" "$shard" || code=$?
else
  "$HN_NODE" "$HN_CLI" summary "${table[@]}" --format json --output "$HN_OUT/summaries/shard-$n.json" "$shard" || code=$?
fi
echo "$code" > "$HN_OUT/logs/check-$n.exit"
case "$code" in
  0|1|3) exit 0 ;;
  *) echo "check-shard.sh: shard $n failed (exit $code)" >&2; exit "$code" ;;
esac
