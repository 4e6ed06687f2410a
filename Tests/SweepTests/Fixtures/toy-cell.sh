#!/bin/sh
# toy-cell.sh CELL ROUNDS OUT — a deterministic stand-in for one training run of a sweep cell.
#
# Does ROUNDS rounds of SHA-256 chaining seeded by the cell's name (a few seconds for a few
# hundred rounds: each round starts two processes), then writes OUT/result.txt and a record,
# OUT/record.json, listing result.txt's SHA-256 — the shape of a checkpoint and its training
# record. The same CELL and ROUNDS always give the same bytes, wherever they run.
# With TOY_CELL_HOLD set, it first waits while the file "$TOY_CELL_HOLD.CELL" exists (at most
# two minutes): a test's way to catch one cell in the middle of its run.
set -eu
cell=$1 rounds=$2 out=$3
if [ -n "${TOY_CELL_HOLD:-}" ]; then
  waited=0
  while [ -e "$TOY_CELL_HOLD.$cell" ] && [ "$waited" -lt 1200 ]; do
    sleep 0.1
    waited=$((waited + 1))
  done
fi
state=$cell
i=0
while [ "$i" -lt "$rounds" ]; do
  state=$(printf '%s' "$state" | sha256sum | cut -c1-64)
  i=$((i + 1))
done
printf '%s\n' "$state" >"$out/result.txt"
digest=$(sha256sum "$out/result.txt" | cut -c1-64)
printf '{"cell": "%s", "rounds": %s, "sha256": {"result.txt": "%s"}}\n' "$cell" "$rounds" "$digest" >"$out/record.json"
echo "cell $cell: $rounds rounds done"
