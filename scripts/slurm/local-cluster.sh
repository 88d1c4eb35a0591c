#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, from Debian's packages, for trying
# the array job (and for its test, scripts/test-slurm.mjs). Everything it starts
# and writes lives in one folder: its own munge key and socket, slurm.conf (read
# through SLURM_CONF, so /etc/slurm is not touched), state, logs and ports.
#
#   local-cluster.sh install              apt-get install slurm-wlm munge (root), if missing
#   local-cluster.sh start <dir> [ctld-port] [slurmd-port]
#                                         starts munged, slurmctld and slurmd; waits for the
#                                         node to be idle; prints the line to source:
#                                         export SLURM_CONF=<dir>/slurm.conf
#   local-cluster.sh stop <dir>           stops them, by the PIDs in their pid files
#
# Runs as root (slurmd starts jobs as their user). Ports default to 16817/16818.
set -euo pipefail

command=${1:-}
die() { echo "local-cluster: $*" >&2; exit 2; }

case "$command" in
install)
  missing=()
  for tool in slurmctld slurmd sbatch munged mungekey; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && exit 0
  [ "$(id -u)" -eq 0 ] || die "not root: cannot install slurm-wlm and munge (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine may have no package lists yet.
  apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq slurm-wlm munge >/dev/null; }
  ;;
start)
  dir=${2:?usage: local-cluster.sh start <dir> [ctld-port] [slurmd-port]}
  ctld_port=${3:-16817}
  slurmd_port=${4:-16818}
  mkdir -p "$dir/spool" "$dir/state" "$dir/munge"
  dir=$(cd "$dir" && pwd)
  chmod 700 "$dir/munge"
  [ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key"
  munged --force --socket="$dir/munge/munge.sock" --key-file="$dir/munge/munge.key" \
    --log-file="$dir/munge/munged.log" --pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed"
  host=$(hostname -s)
  cat > "$dir/slurm.conf" <<CONF
ClusterName=healingnotes
SlurmctldHost=$host
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SlurmUser=$(id -un)
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmdSpoolDir=$dir/spool
StateSaveLocation=$dir/state
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld
  slurmd
  for _ in $(seq 1 60); do
    state=$(sinfo --noheader --format=%T 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && { echo "export SLURM_CONF=$dir/slurm.conf"; exit 0; }
    sleep 0.5
  done
  die "the node did not become idle in 30 s (state '${state:-none}'); see $dir/slurmctld.log and $dir/slurmd.log"
  ;;
stop)
  dir=${2:?usage: local-cluster.sh stop <dir>}
  stopped=0
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
      stopped=$((stopped + 1))
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; [ -r "/proc/$pid/stat" ] && grep -q ') Z ' "/proc/$pid/stat" && break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  done
  echo "local-cluster: stopped $stopped daemons"
  ;;
*)
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
  ;;
esac
