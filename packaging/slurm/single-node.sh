#!/usr/bin/env bash
# Brings a single-node SLURM cluster up or down on this machine, as root (docs/cluster.md): munge, slurmctld and
# slurmd with this host as controller and only node. For trying cluster sweeps and for the slow test; not for
# production clusters.
#
#   packaging/slurm/single-node.sh up     install slurm-wlm and munge if missing, configure, start, wait for sinfo
#   packaging/slurm/single-node.sh down   stop the daemons this script started
#
# State lives in $NDSW_SLURM_STATE (default /var/spool/slurm-ndsw); the config is /etc/slurm/slurm.conf (a file
# this script did not write is kept as slurm.conf.ndsw-saved and put back by `down`).
set -euo pipefail
state=${NDSW_SLURM_STATE:-/var/spool/slurm-ndsw}
conf=/etc/slurm/slurm.conf
marker="# written by ndsw packaging/slurm/single-node.sh"

die() { echo "single-node.sh: $*" >&2; exit 1; }

install() {
  command -v slurmctld >/dev/null && command -v munged >/dev/null && return
  apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq slurm-wlm munge; } \
    || die "cannot install slurm-wlm and munge with apt-get"
}

configure() {
  host=$(hostname -s)
  cpus=$(nproc --all)
  mem=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  mkdir -p "$state"/ctld "$state"/d "$state"/log /etc/slurm /run/munge /var/lib/munge /var/log/munge /etc/munge
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
  chmod 0400 /etc/munge/munge.key
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    mv "$conf" "$conf.ndsw-saved"
  fi
  cat > "$conf" <<CONF
$marker
ClusterName=ndsw
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
ReturnToService=2
KillWait=60
MaxArraySize=100001
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
DefMemPerCPU=$((mem / cpus))
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  # No cgroup.conf: slurm 22.05 has no "CgroupPlugin=disabled" and its defaults work with the plugins above.
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

up() {
  [ "$(id -u)" -eq 0 ] || die "run me as root (SlurmUser=root, daemons, /etc/slurm)"
  install
  configure
  if ! pgrep -x munged >/dev/null; then
    runuser -u munge -- /usr/sbin/munged 2>/dev/null || /usr/sbin/munged --force
  fi
  running "$state/slurmctld.pid" || slurmctld
  running "$state/slurmd.pid" || slurmd
  host=$(hostname -s)
  for _ in $(seq 1 60); do
    s=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
    case "$s" in
      idle|mix|alloc) echo "single-node SLURM is up: node $host $s"; sinfo; return 0 ;;
      down*|drain*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 1
  done
  die "the node did not become idle within 60 s; see $state/log/slurmctld.log and $state/log/slurmd.log"
}

down() {
  for d in slurmd slurmctld; do
    if running "$state/$d.pid"; then
      pid=$(cat "$state/$d.pid")
      kill "$pid"
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
  done
  if [ -f "$conf" ] && grep -qF "$marker" "$conf"; then
    rm -f "$conf"
    [ -f "$conf.ndsw-saved" ] && mv "$conf.ndsw-saved" "$conf"
  fi
  echo "single-node SLURM is down (munged left running for other users of munge)"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
