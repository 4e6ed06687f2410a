#!/usr/bin/env bash
# single-node-slurm.sh — a private one-node Slurm cluster living in one folder, for the sweep's
# integration test and for trying `repro sweep submit` on a laptop.
#
#   single-node-slurm.sh install        install Debian's slurmctld, slurmd, slurm-client and munge if
#                                       missing (needs root and apt-get; exit 77 if impossible)
#   single-node-slurm.sh run DIR [PID]  start munged, slurmctld and slurmd with every file in DIR (an
#                                       empty folder) and stay in the foreground as their parent;
#                                       DIR/run/ready appears once the node is idle. Stops them after
#                                       `down`, on SIGTERM, SIGINT or SIGHUP, or when process PID ends.
#   single-node-slurm.sh up DIR         the same in the background; prints SLURM_CONF=DIR/slurm.conf
#   single-node-slurm.sh down DIR       cancel its jobs, stop its daemons by PID, wait until gone
#
# Nothing outside DIR is used: munge's key and socket, Slurm's state, spool, logs and PID files
# are all in DIR, and the ports are free ones chosen at start-up, so the cluster cannot disturb
# (or be disturbed by) a system-wide munge or Slurm. One node with this machine's CPUs and
# memory as `slurmd -C` reports them; select/cons_tres, proctrack/linuxproc, no cgroups, no
# accounting (so `sacct` says it is disabled, and `repro sweep` falls back to the files).
# The supervisor (`run`) is the daemons' parent and reaps them, so nothing is left behind — not
# even a zombie where PID 1 does not reap orphans (a container without an init).
set -euo pipefail

die() { echo "single-node-slurm: $*" >&2; exit 1; }
daemons=(slurmd slurmctld munged)

install() {
  local missing=()
  command -v slurmctld >/dev/null 2>&1 || [ -x /usr/sbin/slurmctld ] || missing+=(slurmctld)
  command -v slurmd >/dev/null 2>&1 || [ -x /usr/sbin/slurmd ] || missing+=(slurmd)
  command -v sbatch >/dev/null 2>&1 || missing+=(slurm-client)
  command -v munged >/dev/null 2>&1 || [ -x /usr/sbin/munged ] || missing+=(munge)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "Slurm is not installed (${missing[*]} missing) and cannot be installed here (needs root and apt-get)"
    exit 77
  fi
  # Debian starts a service on installation unless policy-rc.d says no: we want only the
  # daemons we start (and stop) ourselves. Containers usually have this file already.
  local policy=/usr/sbin/policy-rc.d added="" log
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added=1
  fi
  log=$(mktemp)
  local status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge; } \
    >"$log" 2>&1 || status=$?
  if [ -n "$added" ]; then rm -f "$policy"; fi
  if [ $status -ne 0 ]; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    die "apt-get install slurmctld slurmd slurm-client munge failed (above)"
  fi
  rm -f "$log"
}

# A TCP port nobody listens on (checked by connecting; the range avoids Slurm's defaults).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free TCP port found"
}

# Whether the process whose PID is in file $1 runs (a zombie waiting for its parent does not).
alive() {
  local pid
  pid=$(cat "$1" 2>/dev/null) && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && [ "$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]
}

write_config() {
  local dir=$1 host=$2 node
  node=$(/usr/sbin/slurmd -C | head -n 1 | sed 's/^NodeName=[^ ]* //')
  [ -n "$node" ] || die "slurmd -C printed nothing"
  cat >"$dir/slurm.conf" <<CONF
# A private one-node cluster written by single-node-slurm.sh; everything lives in $dir.
ClusterName=sweeptest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.daemon.pid
SlurmdPidFile=$dir/run/slurmd.daemon.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
KillWait=2
MailProg=/bin/true
NodeName=$host NodeAddr=127.0.0.1 $node State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
}

# Stops what `run` started, then fails with a message.
abort() {
  local dir=$1
  shift
  down "$dir" || true
  wait || true
  die "$@"
}

run() {
  local dir=$1 watch=${2:-}
  [ -d "$dir" ] || die "$dir is not a folder"
  dir=$(cd "$dir" && pwd)
  # Descriptors we inherited stay open, in the daemons too: a parent that learns of our exit
  # from one closing (Foundation's Process does) then hears of it once we and they are gone.
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
  rm -f "$dir/run/ready"
  # munged refuses a socket whose folders are not searchable by all, or writable by others.
  chmod 755 "$dir" "$dir/munge"
  if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile="$dir/munge/munge.key"
  else
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  fi
  chmod 400 "$dir/munge/munge.key"
  local host
  host=$(hostname -s)
  write_config "$dir" "$host"
  export SLURM_CONF="$dir/slurm.conf"
  cd "$dir" # the daemons' working folder: nothing of theirs outside DIR
  echo $$ >"$dir/run/supervisor.pid"
  touch "$dir/run/supervising"
  trap 'rm -f "$dir/run/supervising"' TERM INT HUP

  # Each daemon in the foreground as a background job of ours: $! is its own PID.
  /usr/sbin/munged --foreground --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/run/munged.daemon.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" \
    </dev/null >"$dir/log/munged.out" 2>&1 &
  echo $! >"$dir/run/munged.pid"
  for _ in $(seq 1 50); do
    [ -S "$dir/munge/munge.socket" ] && break
    sleep 0.1
  done
  if [ ! -S "$dir/munge/munge.socket" ]; then
    cat "$dir/log/munged.out" >&2
    abort "$dir" "munged did not start"
  fi
  /usr/sbin/slurmctld -D -i </dev/null >"$dir/log/slurmctld.out" 2>&1 &
  echo $! >"$dir/run/slurmctld.pid"
  /usr/sbin/slurmd -D -N "$host" </dev/null >"$dir/log/slurmd.out" 2>&1 &
  echo $! >"$dir/run/slurmd.pid"

  local state="" daemon
  for _ in $(seq 1 120); do
    for daemon in "${daemons[@]}"; do
      if ! alive "$dir/run/$daemon.pid"; then
        tail -n 20 "$dir/log/$daemon.out" >&2
        abort "$dir" "$daemon exited during start-up"
      fi
    done
    state=$(sinfo --noheader --format=%T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 0.25
  done
  if [ "$state" != idle ]; then
    tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2
    abort "$dir" "the node is '$state', not idle, after 30 s"
  fi
  touch "$dir/run/ready"
  echo "SLURM_CONF=$dir/slurm.conf"

  # Supervise until `down` removes run/supervising, a signal does, or the watched process ends.
  while [ -e "$dir/run/supervising" ] && { [ -z "$watch" ] || kill -0 "$watch" 2>/dev/null; }; do
    sleep 0.5 &
    wait $! || true
  done
  down "$dir"
  wait # reap the daemons
}

up() {
  local dir=$1
  [ -d "$dir" ] || die "$dir is not a folder"
  dir=$(cd "$dir" && pwd)
  mkdir -p "$dir/log"
  # Close what we inherited beyond stdin, stdout and stderr before leaving a supervisor behind:
  # a parent may learn that we exited from a descriptor closing (Foundation's Process does).
  local fd
  for fd in $(ls "/proc/$$/fd"); do
    if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
  setsid bash "$(readlink -f "$0")" run "$dir" </dev/null >"$dir/log/supervisor.out" 2>&1 &
  local supervisor=$!
  for _ in $(seq 1 240); do
    if [ -e "$dir/run/ready" ]; then
      echo "SLURM_CONF=$dir/slurm.conf"
      return 0
    fi
    kill -0 "$supervisor" 2>/dev/null || break
    sleep 0.25
  done
  cat "$dir/log/supervisor.out" >&2
  die "the cluster did not start"
}

# The PIDs of the processes below process $1: children, grandchildren, …
descendants() {
  local p ppid
  for p in /proc/[0-9]*; do
    ppid=$(sed 's/.*) //' "$p/stat" 2>/dev/null | cut -d' ' -f2)
    if [ "$ppid" = "$1" ]; then
      echo "${p#/proc/}"
      descendants "${p#/proc/}"
    fi
  done
}

# Cancels the jobs and stops the daemons, by PID; quick if they are already gone.
stop_daemons() {
  local dir=$1 daemon pid
  export SLURM_CONF="$dir/slurm.conf"
  if alive "$dir/run/slurmctld.pid"; then
    scancel --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 1 60); do
      [ -z "$(squeue --noheader 2>/dev/null)" ] && break
      sleep 0.25
    done
  fi
  for daemon in "${daemons[@]}"; do
    if alive "$dir/run/$daemon.pid"; then kill -TERM "$(cat "$dir/run/$daemon.pid")" 2>/dev/null || true; fi
    for _ in $(seq 1 60); do
      alive "$dir/run/$daemon.pid" || break
      sleep 0.25
    done
    if alive "$dir/run/$daemon.pid"; then
      kill -KILL "$(cat "$dir/run/$daemon.pid")" 2>/dev/null || true
      sleep 0.2
    fi
  done
  # A job step outliving slurmd (slurmstepd is built to survive slurmd restarts) still has our
  # slurmd's log open: it goes, with the job's processes below it.
  for pid in /proc/[0-9]*; do
    [ "$(cat "$pid/comm" 2>/dev/null)" = slurmstepd ] || continue
    if ls -l "$pid/fd" 2>/dev/null | grep -qF -- "-> $dir/"; then
      # shellcheck disable=SC2046
      kill -KILL "${pid#/proc/}" $(descendants "${pid#/proc/}") 2>/dev/null || true
    fi
  done
}

down() {
  local dir=$1
  [ -d "$dir" ] || return 0
  dir=$(cd "$dir" && pwd)
  rm -f "$dir/run/ready"
  local watched=("${daemons[@]}")
  if [ "$(cat "$dir/run/supervisor.pid" 2>/dev/null)" != $$ ]; then
    watched+=(supervisor)
    # A running supervisor stops its daemons itself (two of us at once would make Slurm's
    # commands wait on a controller that is shutting down): ask it, and wait.
    if alive "$dir/run/supervisor.pid"; then
      rm -f "$dir/run/supervising"
      for _ in $(seq 1 240); do
        alive "$dir/run/supervisor.pid" || break
        sleep 0.25
      done
    fi
  fi
  rm -f "$dir/run/supervising"
  stop_daemons "$dir"
  local left=() daemon
  for daemon in "${watched[@]}"; do
    if alive "$dir/run/$daemon.pid"; then left+=("$daemon $(cat "$dir/run/$daemon.pid")"); fi
  done
  [ ${#left[@]} -eq 0 ] || die "still running: ${left[*]}"
}

case "${1:-}" in
  install) install ;;
  run) [ $# -ge 2 ] || die "usage: $0 run DIR [PID]"; run "$2" "${3:-}" ;;
  up) [ $# -ge 2 ] || die "usage: $0 up DIR"; up "$2" ;;
  down) [ $# -ge 2 ] || die "usage: $0 down DIR"; down "$2" ;;
  *) die "usage: $0 install | run DIR [PID] | up DIR | down DIR" ;;
esac
