#!/usr/bin/env bash
# Output digests for speed work (issue 15): the first 16 hex digits of the sha256 of
# `whimbrel extract --workers 1` over the demo corpus, the GVC documents and 300 generated
# articles (seed 0, ~600 words). A speed change must leave all three unchanged.
#
#   benchmarks/digest.sh [SHARED_DIR]     # run from the repository root; SHARED_DIR defaults to ../shared
set -euo pipefail
shared="${1:-../shared}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python benchmarks/gvc_jsonl.py "$work/gvc.jsonl" --gvc "$shared/eval/gvc" > /dev/null
python -m benchmarks.corpus 300 --words 600 --seed 0 -o "$work/gen300.jsonl" > /dev/null
for f in whimbrel/demo/corpus.jsonl "$work/gvc.jsonl" "$work/gen300.jsonl"; do
  { python -m whimbrel extract --workers 1 "$f" 2> /dev/null || [ $? -eq 3 ]; } | sha256sum | cut -c1-16  # exit 3: some input skipped
done | paste -sd' '
