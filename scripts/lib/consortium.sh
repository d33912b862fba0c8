# The running consortium's description, for the scripts (sourced, not run; needs $ROOT and $RUN).
#
# The consortium as it runs is $RUN/consortium.yaml: copied from network/consortium.yaml (or
# $CREDITBANK_CONSORTIUM) when the network is first made, and grown by
# `scripts/consortium add-institution`. Loading it defines CHANNEL, CC_NAME, CC_VERSION,
# CC_SEQUENCE, CC_POLICY, ORDERER_MSP, ORDERER_CA_HOST, ORDERER_CA_PORT, ORDERERS ("name host
# port"), MEMBERS ("key msp host ca-port peer-port gateway-port type") and PROFILES[key].

CONSORTIUM_TOOL=$ROOT/scripts/lib/consortium.py

consortium_file() {
  if [[ -f $RUN/consortium.yaml ]]; then echo "$RUN/consortium.yaml"
  else echo "${CREDITBANK_CONSORTIUM:-$ROOT/network/consortium.yaml}"; fi
}

# load_consortium [FILE]: the variables above, from FILE, else the running consortium (or the
# source file before the first up).
load_consortium() {
  local vars
  vars=$(python3 "$CONSORTIUM_TOOL" "${1:-$(consortium_file)}" shell) || exit 2
  eval "$vars"
}

# member KEY: sets M_KEY M_MSP M_HOST M_CA M_PEER M_GATEWAY M_TYPE M_PEERS for one member
# (M_PEER is its first peer's port; peer n listens on M_PEER + PEER_PORT_STEP * n).
member() {
  local m
  for m in "${MEMBERS[@]}"; do
    read -r M_KEY M_MSP M_HOST M_CA M_PEER M_GATEWAY M_TYPE M_PEERS <<<"$m"
    [[ $M_KEY == "$1" ]] && return 0
  done
  die "no member '$1' in $(consortium_file)"
}

member_keys() { local m; for m in "${MEMBERS[@]}"; do echo "${m%% *}"; done; }

# peer_port KEY N: the port of the member's peer N.
peer_port() { member "$1"; echo $((M_PEER + PEER_PORT_STEP * $2)); }

# all_peers: "key n" for every peer of every member.
all_peers() {
  local m key peers n
  for m in "${MEMBERS[@]}"; do
    read -r key _ _ _ _ _ _ peers <<<"$m"
    for ((n = 0; n < peers; n++)); do echo "$key $n"; done
  done
}
