#!/bin/bash
# Job array of sweep 'mini-train': 3 cells, one array task each; task i runs line i+1 of
# /lab/vlm/mini/cells/.sweep/arrays/001/cells.txt.
# Written by `repro sweep submit` (or `repro mini train --slurm`); their `status` and `collect` read what it produces.
#SBATCH --job-name=mini-train
#SBATCH --array=0-2%2
#SBATCH --output=/lab/vlm/mini/cells/.sweep/arrays/001/logs/%A_%a.out
#SBATCH --partition=cpu
#SBATCH --time=30
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --account=vision
set -euo pipefail

line=$((SLURM_ARRAY_TASK_ID + 1))
cell=$(sed -n "${line}p" '/lab/vlm/mini/cells/.sweep/arrays/001/cells.txt')
task="${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
staging='/lab/vlm/mini/cells/.sweep/staging'/"$cell.$task"
landed='/lab/vlm/mini/cells/.sweep/landed'/"$cell"

case "$cell" in
  'reasoning-pool-d32l2-v1-s0') command=('python3' '-m' 'minivlm.train' '--config' '/lab/vlm/mini/cells/.sweep/arrays/001/configs/reasoning-pool-d32l2-v1-s0.json' '--out' "$staging" '--tag=reasoning-pool-d32l2-v1-s0:0' 'it'\''s') ;;
  'reasoning-pool-d32l2-v16-s0') command=('python3' '-m' 'minivlm.train' '--config' '/lab/vlm/mini/cells/.sweep/arrays/001/configs/reasoning-pool-d32l2-v16-s0.json' '--out' "$staging" '--tag=reasoning-pool-d32l2-v16-s0:0' 'it'\''s') ;;
  'ocr-pool-d64l3-v144-s1') command=('python3' '-m' 'minivlm.train' '--config' '/lab/vlm/mini/cells/.sweep/arrays/001/configs/ocr-pool-d64l3-v144-s1.json' '--out' "$staging" '--tag=ocr-pool-d64l3-v144-s1:1' 'it'\''s') ;;
  *) echo "error: line $line of the cell list names no cell of this array: '$cell'" >&2; exit 2 ;;
esac

export OMP_NUM_THREADS='1'
export PYTHONHASHSEED='0'
cd '/lab/vlm/Training'
echo "sweep mini-train: cell $cell, array task $task on $(hostname)"
rm -rf "$staging"
mkdir -p "$staging" "$(dirname "$landed")"
"${command[@]}"
# Complete: one rename makes the cell visible to collect (it fails if an earlier result waits there).
mv -T "$staging" "$landed"
echo "sweep mini-train: cell $cell landed"
