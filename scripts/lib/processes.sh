# Background processes of CreditBank, shared by scripts/network and scripts/gateways
# (sourced, not run). Each process has a pid file in $PIDS and a log in
# $LOGS; the sourcing script sets both, and defines say() and die() for its messages.

pid_of() { cat "$PIDS/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start NAME PORT COMMAND...: runs in the background with its own log, waits until PORT listens
# (at most $START_WAIT seconds, default 60), and fails with the log's last lines if the process
# dies or never listens.
start() {
  local name=$1 port=$2; shift 2
  if alive "$name"; then say "$name already running"; return 0; fi
  port_open "$port" && die "port $port (for $name) is taken by another process"
  mkdir -p "$LOGS" "$PIDS"
  nohup "$@" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  local wait=${START_WAIT:-60}
  for _ in $(seq 1 $((wait * 2))); do
    port_open "$port" && { say "$name up on 127.0.0.1:$port"; return 0; }
    alive "$name" || { tail -n 30 "$LOGS/$name.log" >&2; die "$name exited during start-up (log: $LOGS/$name.log)"; }
    sleep 0.5
  done
  tail -n 30 "$LOGS/$name.log" >&2
  stop "$name"
  die "$name did not listen on $port within ${wait}s"
}

# stop NAME: stops one process if it runs.
stop() {
  if alive "$1"; then kill "$(pid_of "$1")" && say "stopped $1"; fi
  rm -f "$PIDS/$1.pid"
}
