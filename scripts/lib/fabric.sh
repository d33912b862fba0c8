# Bringing up and operating the CreditBank Fabric network as native processes (sourced by
# scripts/network and scripts/consortium; needs ROOT, RUN, say and die). Every organisation,
# port and policy comes from the consortium file (scripts/lib/consortium.sh).

PIDS=$RUN/pids
LOGS=$RUN/logs
# shellcheck source=processes.sh
source "$ROOT/scripts/lib/processes.sh"
# shellcheck source=consortium.sh
source "$ROOT/scripts/lib/consortium.sh"

fabric_bin() {
  if [[ -n ${FABRIC_BIN:-} ]]; then echo "$FABRIC_BIN"; else "$ROOT/scripts/install-fabric" | tail -n 1; fi
}

use_fabric() {
  local bin b
  bin=$(fabric_bin) || die "no Fabric binaries (see docs/network.md)"
  export PATH=$bin:$PATH
  for b in fabric-ca-server fabric-ca-client configtxgen configtxlator orderer osnadmin peer; do
    command -v "$b" >/dev/null || die "$b not found in $bin"
  done
}

stop_all() {
  [[ -d $RUN/pids ]] || return 0
  for f in "$RUN"/pids/*.pid; do
    [[ -e $f ]] || continue
    stop "$(basename "$f" .pid)"
  done
}

# render_consortium: the files generated from the running consortium (configtx.yaml, collections,
# consortium.json for tests and tools) and the peers' and orderers' configuration.
render_consortium() {
  mkdir -p "$RUN/config" "$RUN/logs"
  if [[ ! -f $RUN/consortium.yaml ]]; then
    if [[ ${CREDITBANK_TOPOLOGY:-loopback} == namespaces ]]; then
      python3 "$CONSORTIUM_TOOL" "$(consortium_file)" isolate "$RUN/consortium.yaml" || die "the consortium file is not valid"
      say "topology: every organisation and orderer in its own network namespace"
    else
      cp "$(consortium_file)" "$RUN/consortium.yaml"
    fi
  fi
  python3 "$CONSORTIUM_TOOL" "$RUN/consortium.yaml" render "$RUN" || die "the consortium file is not valid"
  sed "s|@BUILDERS@|$ROOT/network/builders|" "$ROOT/network/core.yaml" >"$RUN/config/core.yaml"
  cp "$ROOT/network/orderer.yaml" "$RUN/config/orderer.yaml"
  load_consortium
}

orderer_address() { read -r _ host port <<<"${ORDERERS[0]}"; echo "$host:$port"; }
orderer_tls=() # set by orderer_flags
orderer_flags() {
  orderer_tls=(-o "$(orderer_address)" --tls --cafile "$RUN/organizations/orderer/msp/tlscacerts/ca.pem")
}

# ---------------------------------------------------------------- certificate authorities

ca_start() { # key host port
  local key=$1 host=$2 port=$3 home=$RUN/ca/$1
  mkdir -p "$home"
  [[ -f $home/bootstrap-secret ]] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$home/bootstrap-secret")
  start "ca.$key" "$host:$port" fabric-ca-server start -H "$home" -b "admin:$(cat "$home/bootstrap-secret")" \
    --port "$port" --tls.enabled --ca.name "ca-$key" --csr.cn "ca.$key.creditbank.local" \
    --csr.hosts "localhost,127.0.0.1,$host,ca.$key.creditbank.local" --operations.listenaddress "$host:$((port + 1))"
}

# NodeOUs: an identity's role (client, peer, admin, orderer) is the OU its CA put in the certificate.
write_node_ous() { # msp-dir
  cat >"$1/config.yaml" <<YAML
NodeOUs:
  Enable: true
  ClientOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: client}
  PeerOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: peer}
  AdminOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: admin}
  OrdererOUIdentifier: {Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: orderer}
YAML
}

# enroll_identity key ca-host ca-port name type dir [attrs] [tls-hosts]: registers and enrolls one
# identity into dir/msp (and dir/tls when tls-hosts is given). Identity secrets are random and used once.
enroll_identity() {
  local key=$1 host=$2 port=$3 name=$4 type=$5 dir=$6 attrs=${7:-} hosts=${8:-}
  local tlsca=$RUN/ca/$key/tls-cert.pem secret url=https://$2:$3
  secret=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  local register=(register --caname "ca-$key" --id.name "$name" --id.secret "$secret" --id.type "$type"
    --tls.certfiles "$tlsca" -u "$url")
  [[ -n $attrs ]] && register+=(--id.attrs "$attrs")
  FABRIC_CA_CLIENT_HOME=$RUN/organizations/$key/ca-admin fabric-ca-client "${register[@]}" >/dev/null 2>&1 \
    || die "cannot register $name at ca-$key"
  fabric-ca-client enroll -u "https://$name:$secret@$host:$port" --caname "ca-$key" -M "$dir/msp" \
    --tls.certfiles "$tlsca" >/dev/null 2>&1 || die "cannot enroll $name at ca-$key"
  mkdir -p "$dir/msp/cacerts-tmp" && mv "$dir"/msp/cacerts/* "$dir/msp/cacerts-tmp/" \
    && mv "$dir"/msp/cacerts-tmp/* "$dir/msp/cacerts/ca.pem" && rmdir "$dir/msp/cacerts-tmp"
  write_node_ous "$dir/msp"
  if [[ -n $hosts ]]; then
    fabric-ca-client enroll -u "https://$name:$secret@$host:$port" --caname "ca-$key" -M "$dir/tls" \
      --enrollment.profile tls --csr.hosts "$hosts" --tls.certfiles "$tlsca" >/dev/null 2>&1 \
      || die "cannot enroll TLS for $name at ca-$key"
    cp "$dir"/tls/signcerts/*.pem "$dir/tls/server.crt"
    cp "$dir"/tls/keystore/*_sk "$dir/tls/server.key"
    cp "$dir"/tls/tlscacerts/*.pem "$dir/tls/ca.crt"
  fi
}

# enroll_ca_admin key host port: the org's MSP folder (one CA per org issues enrollment and TLS
# certificates) and its CA admin. Returns 1 when the org was enrolled before.
enroll_ca_admin() {
  local key=$1 host=$2 port=$3 dir=$RUN/organizations/$1
  [[ -f $dir/.done ]] && return 1
  say "enrolling identities of $key"
  rm -rf "$dir" && mkdir -p "$dir/msp/cacerts" "$dir/msp/tlscacerts"
  FABRIC_CA_CLIENT_HOME=$dir/ca-admin fabric-ca-client enroll \
    -u "https://admin:$(cat "$RUN/ca/$key/bootstrap-secret")@$host:$port" --caname "ca-$key" \
    --tls.certfiles "$RUN/ca/$key/tls-cert.pem" >/dev/null 2>&1 || die "cannot enroll the CA admin of $key"
  cp "$dir"/ca-admin/msp/cacerts/*.pem "$dir/msp/cacerts/ca.pem"
  cp "$dir/msp/cacerts/ca.pem" "$dir/msp/tlscacerts/ca.pem"
  write_node_ous "$dir/msp"
}

enroll_orderers() {
  local dir=$RUN/organizations/orderer o name host
  enroll_ca_admin orderer "$ORDERER_CA_HOST" "$ORDERER_CA_PORT" || return 0
  for o in "${ORDERERS[@]}"; do
    read -r name host _ <<<"$o"
    enroll_identity orderer "$ORDERER_CA_HOST" "$ORDERER_CA_PORT" "$name" orderer "$dir/orderers/$name" "" \
      "127.0.0.1,localhost,$host,$name.creditbank.local"
  done
  enroll_identity orderer "$ORDERER_CA_HOST" "$ORDERER_CA_PORT" ordereradmin admin "$dir/users/admin" "" "127.0.0.1,localhost"
  touch "$dir/.done"
}

# enroll_member key: the member's MSP, its peer, admin, registrar, verifier, gateway and
# chaincode-service identities.
enroll_member() {
  member "$1"
  local dir=$RUN/organizations/$M_KEY h=$M_HOST p=$M_CA
  if enroll_ca_admin "$M_KEY" "$h" "$p"; then
    local n
    for ((n = 0; n < M_PEERS; n++)); do
      enroll_identity "$M_KEY" "$h" "$p" "peer$n" peer "$dir/peers/peer$n" "" "127.0.0.1,localhost,$h,peer$n.$M_KEY.creditbank.local"
    done
    enroll_identity "$M_KEY" "$h" "$p" orgadmin admin "$dir/users/admin"
    enroll_identity "$M_KEY" "$h" "$p" registrar1 client "$dir/users/registrar1" "creditbank.role=registrar:ecert"
    enroll_identity "$M_KEY" "$h" "$p" verifier1 client "$dir/users/verifier1" "creditbank.role=verifier:ecert"
    enroll_identity "$M_KEY" "$h" "$p" gateway client "$dir/users/gateway" "creditbank.role=verifier:ecert"
    enroll_identity "$M_KEY" "$h" "$p" norole client "$dir/users/norole"
    # The TLS server certificate of the member's chaincode service (its peer presents its own TLS
    # certificate as the client).
    enroll_identity "$M_KEY" "$h" "$p" chaincode client "$dir/chaincode" "" "127.0.0.1,localhost,$h,chaincode.$M_KEY.creditbank.local"
    touch "$dir/.done"
  fi
}

# ---------------------------------------------------------------- orderers and peers

genesis_block() {
  [[ -f $RUN/channel/genesis.block ]] && return 0
  say "creating the genesis block of channel $CHANNEL (${#MEMBERS[@]} members)"
  mkdir -p "$RUN/channel"
  FABRIC_CFG_PATH=$RUN configtxgen -profile CreditBank -outputBlock "$RUN/channel/genesis.block" \
    -channelID "$CHANNEL" >"$RUN/logs/configtxgen.log" 2>&1 || { cat "$RUN/logs/configtxgen.log" >&2; die "configtxgen failed"; }
}

orderer_start() { # name host port
  local name=$1 host=$2 port=$3 dir=$RUN/organizations/orderer/orderers/$1 data=$RUN/data/$1
  mkdir -p "$data"
  start "$name" "$host:$port" env FABRIC_CFG_PATH="$RUN/config" \
    ORDERER_GENERAL_LISTENADDRESS="$host" ORDERER_GENERAL_LISTENPORT="$port" \
    ORDERER_GENERAL_LOCALMSPID="$ORDERER_MSP" ORDERER_GENERAL_LOCALMSPDIR="$dir/msp" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$dir/tls/server.key" ORDERER_GENERAL_TLS_CERTIFICATE="$dir/tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$dir/tls/server.crt" ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$dir/tls/server.key" \
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_FILELEDGER_LOCATION="$data/ledger" ORDERER_CONSENSUS_WALDIR="$data/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$data/etcdraft/snapshot" \
    ORDERER_ADMIN_LISTENADDRESS="$host:$((port + 3))" ORDERER_ADMIN_TLS_CERTIFICATE="$dir/tls/server.crt" \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$dir/tls/server.key" ORDERER_ADMIN_TLS_ROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$dir/tls/ca.crt]" \
    ORDERER_OPERATIONS_LISTENADDRESS="$host:$((port + 10000))" \
    orderer
}

orderer_join() { # name host port
  local name=$1 host=$2 port=$3 admin=$RUN/organizations/orderer/users/admin/tls
  local osn=(-o "$host:$((port + 3))" --ca-file "$admin/ca.crt" --client-cert "$admin/server.crt" --client-key "$admin/server.key")
  # The admin endpoint opens after the main port start() waited for; asking earlier fails, which
  # read as "not joined" and made a restarted orderer try to join again.
  for _ in $(seq 1 60); do port_open "$host:$((port + 3))" && break; sleep 0.5; done
  port_open "$host:$((port + 3))" || die "$name's admin endpoint ($host:$((port + 3))) did not open within 30s"
  if osnadmin channel list "${osn[@]}" 2>/dev/null | grep -q "\"$CHANNEL\""; then return 0; fi
  say "$name joins channel $CHANNEL"
  osnadmin channel join "${osn[@]}" --channelID "$CHANNEL" --config-block "$RUN/channel/genesis.block" \
    >>"$RUN/logs/osnadmin.log" 2>&1 || { tail -n 5 "$RUN/logs/osnadmin.log" >&2; die "$name could not join $CHANNEL"; }
}

# peer_start key [n]: the member's peer n (default 0). Peers of one member find each other through
# the first one (gossip bootstrap); other members learn each from its external endpoint.
peer_start() {
  member "$1"
  local n=${2:-0} port
  port=$(peer_port "$1" "$n")
  local dir=$RUN/organizations/$M_KEY/peers/peer$n data=$RUN/data/peer$n.$M_KEY a=$M_HOST:$port
  mkdir -p "$data"
  start "peer$n.$M_KEY" "$a" env FABRIC_CFG_PATH="$RUN/config" \
    CORE_PEER_ID="peer$n.$M_KEY" CORE_PEER_LISTENADDRESS="$a" CORE_PEER_ADDRESS="$a" \
    CORE_PEER_CHAINCODELISTENADDRESS="$M_HOST:$((port + 1))" CORE_PEER_CHAINCODEADDRESS="$M_HOST:$((port + 1))" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$M_HOST:$M_PEER" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$a" CORE_PEER_GOSSIP_ENDPOINT="$a" \
    CORE_PEER_LOCALMSPID="$M_MSP" CORE_PEER_MSPCONFIGPATH="$dir/msp" \
    CORE_PEER_TLS_CERT_FILE="$dir/tls/server.crt" CORE_PEER_TLS_KEY_FILE="$dir/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$dir/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="$data" CORE_LEDGER_SNAPSHOTS_ROOTDIR="$data/snapshots" \
    CORE_OPERATIONS_LISTENADDRESS="$M_HOST:$((port + 10000))" \
    peer node start
}

# as_admin key COMMAND...: runs a peer CLI command as the member's admin against its first peer.
as_admin() { local key=$1; shift; as_admin_on "$key" 0 "$@"; }

# as_admin_on key n COMMAND...: the same against the member's peer n.
as_admin_on() {
  member "$1"
  local n=$2 port
  port=$(peer_port "$1" "$n"); shift 2
  env FABRIC_CFG_PATH="$RUN/config" CORE_PEER_LOCALMSPID="$M_MSP" \
    CORE_PEER_MSPCONFIGPATH="$RUN/organizations/$M_KEY/users/admin/msp" CORE_PEER_ADDRESS="$M_HOST:$port" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$RUN/organizations/$M_KEY/peers/peer$n/tls/ca.crt" "$@"
}

# peer_join key [n]: joins the member's peer n to the channel from the genesis block (a peer that
# comes later replays the chain).
peer_join() {
  local key=$1 n=${2:-0} block=$RUN/channel/genesis.block
  if as_admin_on "$key" "$n" peer channel list 2>/dev/null | grep -qx "$CHANNEL"; then return 0; fi
  say "peer$n.$key joins channel $CHANNEL"
  for _ in $(seq 1 20); do
    as_admin_on "$key" "$n" peer channel join -b "$block" >>"$RUN/logs/peer-cli.log" 2>&1 && return 0
    sleep 1
  done
  tail -n 5 "$RUN/logs/peer-cli.log" >&2
  die "peer$n.$key could not join $CHANNEL"
}

# peers_flags: --peerAddresses/--tlsRootCertFiles for the given members' peers.
peer_flags=()
peers_flags() {
  peer_flags=()
  local key
  for key in "$@"; do
    member "$key"
    peer_flags+=(--peerAddresses "$M_HOST:$M_PEER" --tlsRootCertFiles "$RUN/organizations/$M_KEY/peers/peer0/tls/ca.crt")
  done
}

# ---------------------------------------------------------------- chaincode as a service

# chaincode_port key [version]: where the member's chaincode service of a version listens. Two
# slots, peer + 5 and peer + 6, alternating with the version, so that a new version's service
# runs beside the old one until the new definition is committed (scripts/consortium upgrade-chaincode).
chaincode_port() {
  member "$1"
  echo $((M_PEER + 5 + (${2:-$CC_VERSION} + 1) % 2))
}

# package_chaincode key: a byte-reproducible package for the member's own chaincode service, so its
# package id is the same on every run. connection.json holds only public data (the address and the
# CA that signed the service's TLS certificate); the peer's own TLS key pair, which it presents as
# client, is added by the builder's release step on the peer (network/builders).
package_chaincode() {
  member "$1"
  local dir=$RUN/chaincode/$M_KEY/v$CC_VERSION
  mkdir -p "$dir/src"
  python3 - "$M_HOST:$(chaincode_port "$1")" "$RUN/organizations/$M_KEY/msp/tlscacerts/ca.pem" >"$dir/src/connection.json" <<'PY'
import json, sys
print(json.dumps({"address": sys.argv[1], "dial_timeout": "10s", "tls_required": True,
                  "client_auth_required": True, "root_cert": open(sys.argv[2]).read()}, sort_keys=True))
PY
  printf '{"type":"ccaas","label":"%s_%s"}\n' "$CC_NAME" "$CC_VERSION" >"$dir/src/metadata.json"
  local tarflags=(--sort=name --mtime=2026-01-01T00:00:00Z --owner=0 --group=0 --numeric-owner)
  tar "${tarflags[@]}" -C "$dir/src" -cf - connection.json | gzip -n >"$dir/code.tar.gz"
  tar "${tarflags[@]}" -C "$dir" -cf - --transform 's|^src/||' src/metadata.json code.tar.gz | gzip -n >"$dir/$CC_NAME.tar.gz"
  FABRIC_CFG_PATH=$RUN/config peer lifecycle chaincode calculatepackageid "$dir/$CC_NAME.tar.gz"
}

# chaincode_jar: the jar the services of the current version run (jars/creditbank-<version>.jar),
# their own copy of the build, taken whenever the build is newer and replaced by a rename, so that
# a rebuild never changes the classes under a running service: the next start picks it up.
chaincode_jar() {
  local build=$ROOT/chaincode/target/creditbank-chaincode.jar jar=$RUN/chaincode/jars/creditbank-$CC_VERSION.jar
  [[ -f $build ]] || (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl chaincode -am package >&2)
  if [[ ! -f $jar || $build -nt $jar ]]; then
    mkdir -p "$(dirname "$jar")" && cp "$build" "$jar.$BASHPID.tmp" && mv "$jar.$BASHPID.tmp" "$jar"
  fi
  echo "$jar"
}

# chaincode_start key package-id [process-name]: the member's chaincode service of the current
# version (chaincode_jar), TLS with its own certificate, accepting only clients with a certificate
# from the member's CA (ChaincodeService).
chaincode_start() {
  member "$1"
  local package_id=$2 name=${3:-chaincode.$1} tls=$RUN/organizations/$M_KEY/chaincode/tls jar port
  port=$(chaincode_port "$1")
  alive "$name" && { say "$name already running"; return 0; }
  jar=$(chaincode_jar)
  # The shim serves with the PEM files (*_FILE); for every peer connection it also builds a client
  # TLS context it does not use in server mode, from base64-encoded PEM files (*_PATH).
  (umask 077; base64 -w0 "$tls/server.key" >"$tls/server.key.b64"; base64 -w0 "$tls/server.crt" >"$tls/server.crt.b64")
  # -Dfile.encoding=UTF-8: without LANG, Java 17 takes ASCII as the default charset, and every log
  # line with a Chinese name reads ??? (our code and the shim name UTF-8 wherever bytes become text).
  # The contract API scans the whole jar twice for annotations before it listens: about 6 s on an
  # idle 2-core machine, several times that under load, hence the longer wait.
  START_WAIT=180 start "$name" "$M_HOST:$port" env CHAINCODE_SERVER_ADDRESS="$M_HOST:$port" \
    CORE_CHAINCODE_ID_NAME="$package_id" CORE_CHAINCODE_LOGGING_LEVEL=WARNING \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$tls/ca.crt" \
    CORE_TLS_CLIENT_KEY_FILE="$tls/server.key" CORE_TLS_CLIENT_CERT_FILE="$tls/server.crt" \
    CORE_TLS_CLIENT_KEY_PATH="$tls/server.key.b64" CORE_TLS_CLIENT_CERT_PATH="$tls/server.crt.b64" \
    java -Dfile.encoding=UTF-8 ${CHAINCODE_JAVA_OPTS:--Xmx1g} -jar "$jar"
}

# install_package key: the member's package on each of its peers (they all dial the member's one
# chaincode service); prints the package id.
install_package() {
  local key=$1 package_id n
  package_id=$(package_chaincode "$key")
  member "$key"
  for ((n = 0; n < M_PEERS; n++)); do
    if ! as_admin_on "$key" "$n" peer lifecycle chaincode queryinstalled 2>/dev/null | grep -q "$package_id"; then
      say "installing $package_id on peer$n.$key" >&2
      as_admin_on "$key" "$n" peer lifecycle chaincode install "$RUN/chaincode/$key/v$CC_VERSION/$CC_NAME.tar.gz" \
        >>"$RUN/logs/peer-cli.log" 2>&1 || { tail -n 5 "$RUN/logs/peer-cli.log" >&2; die "install failed on peer$n.$key"; }
    fi
    member "$key"
  done
  echo "$package_id"
}

# install_chaincode key [process-name]: the member's package on its peers and its service running;
# prints the package id.
install_chaincode() {
  local package_id
  package_id=$(install_package "$1")
  chaincode_start "$1" "$package_id" "${2:-chaincode.$1}" >&2
  echo "$package_id"
}

# install_chaincodes [suffix]: every member's package on its peers, then the members' services
# started side by side, as many at a time as the machine has cores (processes chaincode.KEY<suffix>);
# sets PACKAGE_IDS[KEY]. A service spends its start-up scanning its jar, on one core: one after the
# other under load that took about a minute each; more at once than cores only slows the peers and
# gateways serving the load (docs/operations.md).
install_chaincodes() {
  local suffix=${1:-} key finished failed=0 cores running=() left p
  cores=$(nproc 2>/dev/null || echo 1)
  declare -gA PACKAGE_IDS=()
  for key in $(member_keys); do PACKAGE_IDS[$key]=$(install_package "$key"); done
  chaincode_jar >/dev/null # once, before the services that run it start
  for key in $(member_keys); do
    while ((${#running[@]} >= cores)); do
      wait -n -p finished "${running[@]}" || failed=1
      left=(); for p in "${running[@]}"; do [[ $p == "$finished" ]] || left+=("$p"); done; running=("${left[@]}")
    done
    chaincode_start "$key" "${PACKAGE_IDS[$key]}" "chaincode.$key$suffix" >&2 &
    running+=($!)
  done
  for p in "${running[@]}"; do wait "$p" || failed=1; done
  [[ $failed == 0 ]] || die "not every chaincode service started (the reasons are above; logs: $LOGS/chaincode.*.log)"
}

definition_flags() {
  definition=(--channelID "$CHANNEL" --name "$CC_NAME" --version "$CC_VERSION" --sequence "$CC_SEQUENCE"
    --signature-policy "$CC_POLICY" --collections-config "$RUN/collections.json")
}

# committed_sequence: the sequence of the chaincode definition on the channel (0 if none).
committed_sequence() {
  local key
  key=$(member_keys | head -n 1)
  as_admin "$key" peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" -O json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["sequence"])' 2>/dev/null || echo 0
}

# approve key package-id: the member's admin approves the definition in the consortium file.
approve() {
  local definition orderer_tls msp
  definition_flags; orderer_flags
  member "$1"; msp=$M_MSP
  if as_admin "$1" peer lifecycle chaincode checkcommitreadiness "${definition[@]}" -O json 2>/dev/null \
      | python3 -c "import json,sys; sys.exit(0 if json.load(sys.stdin)['approvals'].get('$msp') else 1)" 2>/dev/null; then
    return 0
  fi
  say "approving $CC_NAME sequence $CC_SEQUENCE for $1 (its package $2)"
  as_admin "$1" peer lifecycle chaincode approveformyorg "${orderer_tls[@]}" "${definition[@]}" --package-id "$2" \
    >>"$RUN/logs/peer-cli.log" 2>&1 || { tail -n 5 "$RUN/logs/peer-cli.log" >&2; die "approve failed for $1"; }
}

# approvals_agree KEY...: waits (at most 60 s) until the peers of the given members report the same
# approvals of the definition. Each approval is a block of its own, and a peer that has not yet
# committed the last one reads older versions of the lifecycle keys: its endorsement of the commit
# then differs from the others' and the CLI refuses with "ProposalResponsePayloads do not match"
# (seen under load, when peers trail each other by a few blocks).
approvals_agree() {
  local key view seen=()
  for _ in $(seq 1 120); do
    seen=()
    for key in "$@"; do
      view=$(as_admin "$key" peer lifecycle chaincode checkcommitreadiness "${definition[@]}" -O json 2>/dev/null \
        | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin)['approvals'], sort_keys=True))" 2>/dev/null) \
        || view="unreadable at $key"
      seen+=("$view")
    done
    [[ $(printf '%s\n' "${seen[@]}" | sort -u | wc -l) -eq 1 && ${seen[0]} != unreadable* ]] && return 0
    sleep 0.5
  done
  say "the peers still disagree on the approvals after 60 s: ${seen[*]}"
  return 1
}

# commit_definition [KEY...]: commits the definition in the consortium file, endorsed by the
# peers of the given members (default: every member), once they agree on the approvals; a commit
# whose endorsements still differ (a block arrived at one peer in between) is tried again.
commit_definition() {
  local definition orderer_tls keys=("$@") attempt
  definition_flags; orderer_flags
  [[ ${#keys[@]} -gt 0 ]] || mapfile -t keys < <(member_keys)
  peers_flags "${keys[@]}"
  for attempt in 1 2 3; do
    approvals_agree "${keys[@]}" || true
    say "committing $CC_NAME sequence $CC_SEQUENCE (endorsement: $CC_ENDORSING_MEMBERS of ${#MEMBERS[@]} members; attempt $attempt of 3)"
    if as_admin "${keys[0]}" peer lifecycle chaincode commit "${orderer_tls[@]}" "${definition[@]}" "${peer_flags[@]}" \
        >>"$RUN/logs/peer-cli.log" 2>&1; then
      return 0
    fi
    tail -n 3 "$RUN/logs/peer-cli.log" | cut -c1-300 >&2
    # A commit that reached the orderer before the CLI gave up is not sent again.
    [[ $(committed_sequence) -ge $CC_SEQUENCE ]] && return 0
    tail -n 5 "$RUN/logs/peer-cli.log" | grep -q "ProposalResponsePayloads do not match" || break
  done
  die "commit failed"
}

deploy_chaincode() {
  local key
  install_chaincodes
  if [[ $(committed_sequence) -ge $CC_SEQUENCE ]]; then
    say "chaincode $CC_NAME sequence $CC_SEQUENCE already committed"
    return 0
  fi
  for key in $(member_keys); do approve "$key" "${PACKAGE_IDS[$key]}"; done
  commit_definition
}

# invoke_as_admin key ARGS-JSON: a transaction as the member's admin, endorsed by its own peer and
# the next members' in the file (as many as the chaincode policy needs), waiting for its commit.
invoke_as_admin() {
  local key=$1 args=$2 others orderer_tls
  mapfile -t others < <(member_keys | grep -vx "$key")
  orderer_flags
  peers_flags "$key" "${others[@]:0:$((CC_ENDORSING_MEMBERS - 1))}"
  as_admin "$key" peer chaincode invoke "${orderer_tls[@]}" -C "$CHANNEL" -n "$CC_NAME" -c "$args" "${peer_flags[@]}" \
    --waitForEvent --waitForEventTimeout 60s >>"$RUN/logs/peer-cli.log" 2>&1
}

# query_as_admin key FUNCTION ARG...: a query of the chaincode as the member's admin.
query_as_admin() {
  local key=$1; shift
  as_admin "$key" peer chaincode query -C "$CHANNEL" -n "$CC_NAME" \
    -c "$(python3 -c 'import json,sys; print(json.dumps({"Args": sys.argv[1:]}))' "$@")" 2>/dev/null
}

# register_institution key: the member registers its institution profile (as its admin) unless it has.
register_institution() {
  local key=$1 args
  member "$key"
  query_as_admin "$key" institution:get "$M_MSP" >/dev/null && return 0
  say "registering the institution profile of $M_MSP"
  args=$(python3 -c 'import json,sys; print(json.dumps({"Args": ["institution:register", sys.argv[1]]}))' "${PROFILES[$key]}")
  invoke_as_admin "$key" "$args" || { tail -n 5 "$RUN/logs/peer-cli.log" >&2; die "could not register $M_MSP"; }
}

# register_signing_key key: the Ed25519 key the member's gateway signs eddsa-rdfc-2022 proofs with
# (made once, kept with the gateway's files, readable by its owner only), registered on the ledger
# by the member's admin: the gateway has no admin identity, and verifiers trust only registered keys.
register_signing_key() {
  local key=$1 dir=$RUN/gateways/$1 jar=$ROOT/gateway-api/target/creditbank-gateway.jar multikey
  member "$key"
  mkdir -p "$dir"
  if [[ ! -f $dir/eddsa-key.multikey ]]; then
    [[ -f $jar ]] || (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl gateway-api -am package)
    local command=generate
    [[ -f $dir/eddsa-key.pem ]] && command=show
    java -Dfile.encoding=UTF-8 -cp "$jar" org.creditbank.gateway.credential.SigningKeyCommand "$command" "$dir/eddsa-key.pem" \
      >"$dir/eddsa-key.multikey" || die "cannot make the Ed25519 key of $M_MSP"
  fi
  multikey=$(cat "$dir/eddsa-key.multikey")
  query_as_admin "$key" signingkey:listOf "$M_MSP" | grep -q "$multikey" && return 0
  say "registering the Ed25519 signing key of $M_MSP ($multikey)"
  invoke_as_admin "$key" "{\"Args\":[\"signingkey:register\",\"$multikey\"]}" \
    || { tail -n 5 "$RUN/logs/peer-cli.log" >&2; die "could not register the signing key of $M_MSP"; }
}

# The trust bundle outside verifiers need, exported from the channel itself: each member
# organisation's root CA certificates as the channel configuration holds them, and the Ed25519
# keys the ledger lists for it (retired ones too: credentials signed before still verify).
export_trust_bundle() {
  fetch_config "$RUN/channel/config.json"
  query_as_admin "$(member_keys | head -n 1)" signingkey:list >"$RUN/channel/signing-keys.json" || echo '[]' >"$RUN/channel/signing-keys.json"
  python3 - "$RUN/channel/config.json" "$RUN/channel/signing-keys.json" >"$RUN/trust-bundle.json" <<'PY'
import base64, json, sys
groups = json.load(open(sys.argv[1]))["channel_group"]["groups"]
keys = json.load(open(sys.argv[2]))
bundle = {}
for msp_id, org in sorted(groups["Application"]["groups"].items()):
    config = org["values"]["MSP"]["value"]["config"]
    bundle[config["name"]] = {
        "caCertificates": [base64.b64decode(c).decode() for c in config["root_certs"]],
        "signingKeys": [k for k in keys if k["mspId"] == config["name"]],
    }
print(json.dumps(bundle, sort_keys=True, separators=(",", ":")))
PY
  say "trust bundle of channel $CHANNEL: $RUN/trust-bundle.json"
}

# fetch_config out.json: the channel's current configuration (the config of its last config block).
fetch_config() {
  local block=$RUN/channel/config.block orderer_tls
  orderer_flags
  as_admin "$(member_keys | head -n 1)" peer channel fetch config "$block" "${orderer_tls[@]}" -c "$CHANNEL" \
    >>"$RUN/logs/peer-cli.log" 2>&1 || { tail -n 5 "$RUN/logs/peer-cli.log" >&2; die "cannot fetch the channel configuration"; }
  configtxlator proto_decode --input "$block" --type common.Block \
    | python3 -c 'import json,sys; json.dump(json.load(sys.stdin)["data"]["data"][0]["payload"]["data"]["config"], sys.stdout)' >"$1"
}

# metric host:port name [label-filter]: one value from a Prometheus operations endpoint ("" if none).
metric() {
  curl -sf --max-time 2 "http://$1/metrics" 2>/dev/null \
    | awk -v name="$2" -v filter="${3:-}" '($1 == name || index($1, name "{") == 1) && index($1, filter) {print $2; exit}' || true
}

# Submitting needs peers of several members, which a peer's gateway learns through gossip some
# seconds after a start; until then a write fails with "no combination of peers". Wait for it.
wait_for_gossip() {
  local want key n known=0 port
  want=$(( $(all_peers | wc -l) - 1 ))
  while read -r key n; do
    member "$key"; port=$(peer_port "$key" "$n")
    for _ in $(seq 1 120); do
      known=$(metric "$M_HOST:$((port + 10000))" gossip_membership_total_peers_known "channel=\"$CHANNEL\"")
      [[ ${known:-0} -ge $want ]] && break
      sleep 0.5
    done
    [[ ${known:-0} -ge $want ]] || die "peer$n.$key knows ${known:-0} of the $want other peers after 60s (log: $RUN/logs/peer$n.$key.log)"
  done < <(all_peers)
  say "gossip: every peer knows the other $want"
}
