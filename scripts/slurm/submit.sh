#!/usr/bin/env bash
# Checks a JSONL export of notes on a Slurm cluster: splits it into shards,
# checks each shard in a task of an array job, and adds up the shards'
# summaries in a job that runs when every task has succeeded.
#
#   scripts/slurm/submit.sh [options] <notes.jsonl> [-- <sbatch options>...]
#
#   --shards <n>        shards, one array task each (default 8)
#   --cpus <n>          cores per task, its --jobs (default 2)
#   --out <dir>         where shards, results and summaries go; on storage every node
#                       sees (default ./healing-notes-run)
#   --text-field <f>    the JSONL field with the note's text (default text)
#   --id-field <f>      the field with the note's id (default id)
#   --rules <pack>      a rule-pack file for every task (an absolute path, or relative to here)
#   --per-note          also write each note's statuses and findings (check --format jsonl)
#                       to <out>/results/shard-NNNN.jsonl; otherwise a summary per shard only
#   --wait              return when the merge job has ended (sbatch --wait), with its exit code
#   --cli <path>        the healing-notes CLI (default: dist/cli.js of this checkout, else
#                       healing-notes on PATH)
#   --node <path>       node on the compute nodes (default: node on PATH)
#   after --             options for both sbatch calls (--partition, --account, --time ...)
#
# Writes <out>/summary.json, summary.txt and summary.html (summary --merge),
# <out>/skipped-rows.txt (rows that could not be read, by the export's line
# numbers), <out>/logs/ (a log and an exit code per task: 0 clean, 1 error
# findings, 3 rows skipped) and, with --per-note, <out>/results/. No note text is written
# anywhere but the shards, which are the export's own lines.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
shards=8 cpus=2 out=healing-notes-run text_field=text id_field=id rules='' per_note=0 wait=0
cli='' node_bin=node input=''
sbatch_args=()
die() { echo "submit.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --shards) shards=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --text-field) text_field=$2; shift 2 ;;
    --id-field) id_field=$2; shift 2 ;;
    --rules) rules=$2; shift 2 ;;
    --per-note) per_note=1; shift ;;
    --wait) wait=1; shift ;;
    --cli) cli=$2; shift 2 ;;
    --node) node_bin=$2; shift 2 ;;
    --) shift; sbatch_args=("$@"); break ;;
    -h|--help) sed -n '2,29p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option '$1' (try --help)" ;;
    *) [ -z "$input" ] || die "one JSONL file at a time"; input=$1; shift ;;
  esac
done
[ -n "$input" ] || die "needs a JSONL file of notes (try --help)"
[ -f "$input" ] || die "cannot read '$input': not a file"
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || die "--shards needs a whole number from 1"
[[ "$cpus" =~ ^[1-9][0-9]*$ ]] || die "--cpus needs a whole number from 1"
if [ -z "$cli" ]; then
  if [ -f "$here/../../dist/cli.js" ]; then cli="$here/../../dist/cli.js"
  elif command -v healing-notes >/dev/null; then cli=$(command -v healing-notes)
  else die "no healing-notes CLI: build this checkout (npm run build) or give --cli"; fi
fi
cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
[ -z "$rules" ] || rules=$(cd "$(dirname "$rules")" && pwd)/$(basename "$rules")
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -rf "$out/shards" "$out/summaries" "$out/results" "$out/logs" "$out"/summary.{json,txt,html} "$out/skipped-rows.txt"
mkdir -p "$out/shards" "$out/summaries" "$out/logs"
[ "$per_note" = 0 ] || mkdir -p "$out/results"

# Whole lines only, in order: shard-0000.jsonl holds the first lines, and so on.
split --number="l/$shards" --numeric-suffixes --suffix-length=4 --additional-suffix=.jsonl "$input" "$out/shards/shard-"
# The export's line each shard starts at: merge.sh reports skipped rows by the export's line numbers.
line=1
for shard in "$out"/shards/shard-*.jsonl; do
  echo "$(basename "$shard") $line"
  line=$((line + $(wc -l < "$shard")))
done > "$out/shards/first-lines.txt"

export HN_OUT="$out" HN_CLI="$cli" HN_NODE="$node_bin" HN_TEXT_FIELD="$text_field" HN_ID_FIELD="$id_field" HN_RULES="$rules" HN_PER_NOTE="$per_note"
array=$(sbatch --parsable --job-name=healing-notes-check --array="0-$((shards - 1))" --cpus-per-task="$cpus" \
  --output="$out/logs/check-%4a.log" --export=ALL ${sbatch_args[@]+"${sbatch_args[@]}"} "$here/check-shard.sh")
array=${array%%;*}
echo "submit.sh: array job $array checks $shards shards of $input"
merge_args=(--parsable --job-name=healing-notes-merge --dependency="afterok:$array" --kill-on-invalid-dep=yes --output="$out/logs/merge.log" --export=ALL)
[ "$wait" = 0 ] || merge_args+=(--wait)
merge=$(sbatch "${merge_args[@]}" ${sbatch_args[@]+"${sbatch_args[@]}"} "$here/merge.sh") || true
merge=${merge%%;*}
[ -n "$merge" ] || die "the merge job could not be submitted"
echo "submit.sh: merge job $merge writes $out/summary.json, summary.txt and summary.html"
if [ "$wait" = 1 ]; then
  # A merge job cancelled because a task failed ends sbatch --wait with 0 too: its output tells.
  if [ ! -f "$out/summary.json" ]; then
    failed=$( (grep -L -x '[013]' "$out"/logs/check-*.exit 2>/dev/null || true) | wc -l)
    echo "submit.sh: no summary: $failed of $shards tasks failed, or the merge did; see $out/logs/" >&2
    exit 1
  fi
  cat "$out/logs/merge.log"
fi
