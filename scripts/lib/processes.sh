# Background processes of CreditBank, shared by scripts/network, scripts/gateways and
# scripts/consortium (sourced, not run). Each process has a pid file in $PIDS and a log in
# $LOGS; the sourcing script sets both, and defines say() and die() for its messages.
#
# Isolation: when the running consortium says `isolation: namespaces` ($ISOLATION, set by
# load_consortium), every organisation's processes (CA, peer, chaincode service, gateway) and each
# orderer run in a Linux network namespace of their own, with the address the consortium file
# gives them, on a bridge made here ($NETNS_BRIDGE). Nothing then listens on loopback.

pid_of() { cat "$PIDS/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [[ -n $p ]] && kill -0 "$p" 2>/dev/null; }

# port_open [HOST:]PORT: whether something accepts connections there (host default 127.0.0.1).
port_open() {
  local addr=$1 host=127.0.0.1 port=$1
  [[ $addr == *:* ]] && { host=${addr%:*}; port=${addr##*:}; }
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

NETNS_BRIDGE=cb0

# namespace_of NAME: the network namespace a process runs in: one per organisation (its CA, peer,
# chaincode service and gateway) and one per orderer.
namespace_of() {
  local name=$1
  case $name in
    ca.*) echo "cb-${name#ca.}" ;;
    peer[0-9]*.* | gateway.*) echo "cb-${name#*.}" ;;
    chaincode.*) name=${name#chaincode.}; echo "cb-${name%%.*}" ;;
    *) echo "cb-$name" ;;
  esac
}

# netns_up NS IP: the namespace, with IP on a veth pair into the bridge (made once, with the
# subnet's first address); idempotent.
netns_up() {
  local ns=$1 ip=$2 octet=${2##*.} gw=${2%.*}.1
  if ! ip link show "$NETNS_BRIDGE" >/dev/null 2>&1; then
    ip link add "$NETNS_BRIDGE" type bridge
    ip addr add "$gw/24" dev "$NETNS_BRIDGE"
    ip link set "$NETNS_BRIDGE" up
  fi
  ip netns list | grep -qw "^$ns" && return 0
  say "network namespace $ns ($ip)"
  ip netns add "$ns"
  ip link add "cbv${octet}h" type veth peer name "cbv${octet}n"
  ip link set "cbv${octet}n" netns "$ns"
  ip link set "cbv${octet}h" master "$NETNS_BRIDGE"
  ip link set "cbv${octet}h" up
  ip netns exec "$ns" ip addr add "$ip/24" dev "cbv${octet}n"
  ip netns exec "$ns" ip link set "cbv${octet}n" up
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" ip route add default via "$gw"
}

# netns_down: every namespace and link made by netns_up.
netns_down() {
  local ns
  for ns in $(ip netns list 2>/dev/null | awk '$1 ~ /^cb-/ {print $1}'); do ip netns del "$ns"; done
  ip link del "$NETNS_BRIDGE" 2>/dev/null || true
  [[ -n ${ns:-} ]] && say "removed the network namespaces and bridge $NETNS_BRIDGE"
  return 0
}

# start NAME HOST:PORT COMMAND...: runs in the background with its own log (in its namespace when
# isolated), waits until HOST:PORT listens (at most $START_WAIT seconds, default 60), and fails
# with the log's last lines if the process dies or never listens.
start() {
  local name=$1 addr=$2; shift 2
  if alive "$name"; then say "$name already running"; return 0; fi
  local run=()
  if [[ ${ISOLATION:-none} == namespaces ]]; then
    # First, so that the address is routed to the bridge (this machine may route other addresses
    # to a proxy that accepts any connection).
    local ns
    ns=$(namespace_of "$name")
    netns_up "$ns" "${addr%:*}"
    run=(ip netns exec "$ns")
  fi
  port_open "$addr" && die "$addr (for $name) is taken by another process"
  mkdir -p "$LOGS" "$PIDS"
  nohup "${run[@]}" "$@" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
  local wait=${START_WAIT:-60}
  for _ in $(seq 1 $((wait * 2))); do
    port_open "$addr" && { say "$name up on $addr"; return 0; }
    alive "$name" || { tail -n 30 "$LOGS/$name.log" >&2; die "$name exited during start-up (log: $LOGS/$name.log)"; }
    sleep 0.5
  done
  tail -n 30 "$LOGS/$name.log" >&2
  stop "$name"
  die "$name did not listen on $addr within ${wait}s"
}

# stop NAME: stops one process if it runs.
stop() {
  if alive "$1"; then kill "$(pid_of "$1")" && say "stopped $1"; fi
  rm -f "$PIDS/$1.pid"
}
