#!/usr/bin/env python3
"""The consortium file (network/consortium.yaml) and everything generated from it.

    consortium.py FILE check                 validate the file, print a one-line summary
    consortium.py FILE shell                 bash assignments for scripts/network and scripts/gateways
    consortium.py FILE render DIR            DIR/configtx.yaml, DIR/collections.json, DIR/consortium.json
    consortium.py FILE add ENTRY OUT         OUT = FILE plus the member in ENTRY, chaincode sequence + 1
    consortium.py FILE upgrade OUT           OUT = FILE with chaincode version + 1 and sequence + 1
    consortium.py FILE isolate OUT           OUT = FILE with each organisation and orderer at its own
                                             address in 10.77.0.0/24, run in its own network namespace

Why one generator: the organisations, their ports and the chaincode definition used to be written
in the bash of two scripts, configtx.yaml and collections.json, and drifted. Now they are written
once, and every other file is derived here.
"""
import json
import re
import sys

import yaml

MSP_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")  # the rule of model RecordId.isInstitution
KEY = re.compile(r"^[a-z][a-z0-9]{0,15}$")
TYPES = ("SCHOOL", "ENTERPRISE", "AUTHORITY")


class Invalid(Exception):
    pass


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    validate(doc)
    return doc


def validate(doc):
    for field in ("channel", "chaincode", "orderers", "members"):
        if field not in doc:
            raise Invalid(f"missing '{field}'")
    if doc.get("isolation", "none") not in ("none", "namespaces"):
        raise Invalid("isolation must be none or namespaces")
    cc = doc["chaincode"]
    if not isinstance(cc.get("sequence"), int) or cc["sequence"] < 1:
        raise Invalid("chaincode.sequence must be a whole number from 1")
    members = doc["members"]
    if not members:
        raise Invalid("the consortium needs at least one member")
    if not 1 <= cc.get("endorsingMembers", 0) <= len(members):
        raise Invalid(f"chaincode.endorsingMembers must be between 1 and the {len(members)} members")
    seen_keys, seen_msps, seen_ports = set(), set(), {}

    def port(owner, host, number):
        if not isinstance(number, int) or not 1024 <= number <= 65535 - 10000:
            raise Invalid(f"{owner}: port {number} must be a number from 1024 to 55535")
        if (host, number) in seen_ports:
            raise Invalid(f"{owner}: port {host}:{number} is already used by {seen_ports[(host, number)]}")
        seen_ports[(host, number)] = owner

    o = doc["orderers"]
    if not MSP_ID.match(o.get("msp", "")):
        raise Invalid("orderers.msp must be an MSP id")
    seen_msps.add(o["msp"])
    port("orderer CA", o["ca"]["host"], o["ca"]["port"])
    port("orderer CA operations", o["ca"]["host"], o["ca"]["port"] + 1)
    if len(o["nodes"]) < 3:
        raise Invalid("Raft needs at least three orderers to survive the loss of one")
    for n in o["nodes"]:
        for offset, what in ((0, ""), (3, " admin"), (10000, " operations")):
            port(n["name"] + what, n["host"], n["port"] + offset)
    for m in members:
        key, msp = m.get("key", ""), m.get("msp", "")
        if not KEY.match(key):
            raise Invalid(f"member key '{key}' must be lower-case letters and digits (at most 16)")
        if not MSP_ID.match(msp):
            raise Invalid(f"{key}: msp '{msp}' must be letters, digits, '.', '_', '-' (at most 64)")
        if key in seen_keys or msp in seen_msps:
            raise Invalid(f"{key}: key or MSP id {msp} appears twice")
        seen_keys.add(key)
        seen_msps.add(msp)
        profile = m.get("profile", {})
        if profile.get("type") not in TYPES or not profile.get("name"):
            raise Invalid(f"{key}: profile needs a name and a type ({', '.join(TYPES)})")
        p, host = m["ports"], m["host"]
        port(f"ca.{key}", host, p["ca"])
        port(f"ca.{key} operations", host, p["ca"] + 1)
        if m.get("peers", 1) not in (1, 2, 3):
            raise Invalid(f"{key}: peers must be 1, 2 or 3")
        for offset, what in ((5, " chaincode service"), (6, " chaincode service (next version)")):
            port(f"chaincode.{key}{what}", host, p["peer"] + offset)
        for n in range(m.get("peers", 1)):
            base = p["peer"] + PEER_PORT_STEP * n
            for offset, what in ((0, ""), (1, " chaincode listener"), (10000, " operations")):
                port(f"peer{n}.{key}{what}", host, base + offset)
        port(f"gateway.{key}", host, p["gateway"])


def endorsement_policy(doc):
    members = doc["members"]
    peers = ",".join(f"'{m['msp']}.peer'" for m in members)
    return f"OutOf({doc['chaincode']['endorsingMembers']},{peers})"


def org_section(m):
    msp = m["msp"]
    return {
        "Name": msp,
        "ID": msp,
        "MSPDir": f"organizations/{m['key']}/msp",
        "Policies": {
            "Readers": {"Type": "Signature", "Rule": f"OR('{msp}.admin', '{msp}.peer', '{msp}.client')"},
            "Writers": {"Type": "Signature", "Rule": f"OR('{msp}.admin', '{msp}.client')"},
            "Admins": {"Type": "Signature", "Rule": f"OR('{msp}.admin')"},
            "Endorsement": {"Type": "Signature", "Rule": f"OR('{msp}.peer')"},
        },
        "AnchorPeers": [{"Host": m["host"], "Port": m["ports"]["peer"]}],
    }


def configtx(doc):
    """The channel for configtxgen: profile CreditBank with every member; the policies that govern it."""
    o = doc["orderers"]
    meta = lambda rule: {"Type": "ImplicitMeta", "Rule": rule}  # noqa: E731
    orderer_org = {
        "Name": o["msp"], "ID": o["msp"], "MSPDir": "organizations/orderer/msp",
        "Policies": {
            "Readers": {"Type": "Signature", "Rule": f"OR('{o['msp']}.member')"},
            "Writers": {"Type": "Signature", "Rule": f"OR('{o['msp']}.member')"},
            "Admins": {"Type": "Signature", "Rule": f"OR('{o['msp']}.admin')"},
        },
        "OrdererEndpoints": [f"{n['host']}:{n['port']}" for n in o["nodes"]],
    }
    application = {
        "Organizations": [org_section(m) for m in doc["members"]],
        "Policies": {
            "Readers": meta("ANY Readers"), "Writers": meta("ANY Writers"),
            # Changing the channel (adding a member) takes a majority of the members' admins;
            # approving a chaincode definition takes a majority of their peers.
            "Admins": meta("MAJORITY Admins"),
            "LifecycleEndorsement": meta("MAJORITY Endorsement"),
            "Endorsement": meta("MAJORITY Endorsement"),
        },
        "Capabilities": {"V2_5": True},  # _lifecycle and purgePrivateData
    }
    orderer = {
        "OrdererType": "etcdraft",
        # A block every 100 ms at most, or earlier when full (tuning log: docs/performance.md).
        "BatchTimeout": "100ms",
        "BatchSize": {"MaxMessageCount": 200, "AbsoluteMaxBytes": "10 MB", "PreferredMaxBytes": "2 MB"},
        "EtcdRaft": {"Consenters": [
            {"Host": n["host"], "Port": n["port"],
             "ClientTLSCert": f"organizations/orderer/orderers/{n['name']}/tls/server.crt",
             "ServerTLSCert": f"organizations/orderer/orderers/{n['name']}/tls/server.crt"}
            for n in o["nodes"]]},
        "Organizations": [orderer_org],
        "Policies": {"Readers": meta("ANY Readers"), "Writers": meta("ANY Writers"),
                     "Admins": meta("MAJORITY Admins"), "BlockValidation": meta("ANY Writers")},
        "Capabilities": {"V2_0": True},
    }
    channel = {
        "Policies": {"Readers": meta("ANY Readers"), "Writers": meta("ANY Writers"), "Admins": meta("MAJORITY Admins")},
        "Capabilities": {"V3_0": True},
    }
    return {
        "Organizations": [orderer_org] + application["Organizations"],
        "Profiles": {"CreditBank": {**channel, "Orderer": orderer, "Application": application}},
    }


def collections(doc):
    """One personal-data collection per member, stored only on that member's peers."""
    return [{
        "name": f"PII_{m['msp']}",
        "policy": f"OR('{m['msp']}.member')",
        "requiredPeerCount": 0,
        "maxPeerCount": 0,
        "blockToLive": 0,
        "memberOnlyRead": True,
        "memberOnlyWrite": True,
        "endorsementPolicy": {"signaturePolicy": f"OR('{m['msp']}.peer')"},
    } for m in doc["members"]]


def summary(doc):
    """What programs other than these scripts need (tests, the drill): members, their addresses, the definition."""
    return {
        "channel": doc["channel"],
        "chaincode": {**doc["chaincode"], "policy": endorsement_policy(doc)},
        "orderers": doc["orderers"],
        "members": doc["members"],
    }


def q(value):
    """A bash single-quoted word."""
    return "'" + str(value).replace("'", "'\\''") + "'"


def shell(doc):
    cc, o = doc["chaincode"], doc["orderers"]
    lines = [
        f"CHANNEL={q(doc['channel'])}",
        f"CC_NAME={q(cc['name'])}",
        f"CC_VERSION={q(cc['version'])}",
        f"CC_SEQUENCE={q(cc['sequence'])}",
        f"CC_POLICY={q(endorsement_policy(doc))}",
        f"CC_ENDORSING_MEMBERS={q(cc['endorsingMembers'])}",
        f"ISOLATION={q(doc.get('isolation', 'none'))}",
        f"ORDERER_MSP={q(o['msp'])}",
        f"ORDERER_CA_HOST={q(o['ca']['host'])}",
        f"ORDERER_CA_PORT={q(o['ca']['port'])}",
        "ORDERERS=(" + " ".join(q(f"{n['name']} {n['host']} {n['port']}") for n in o["nodes"]) + ")",
        # key msp host ca-port peer-port gateway-port type peers
        "MEMBERS=(" + " ".join(q(f"{m['key']} {m['msp']} {m['host']} {m['ports']['ca']} {m['ports']['peer']} "
                                 f"{m['ports']['gateway']} {m['profile']['type']} {m.get('peers', 1)}")
                               for m in doc["members"]) + ")",
        f"PEER_PORT_STEP={PEER_PORT_STEP}",
        "declare -gA PROFILES=(" + " ".join(
            f"[{m['key']}]={q(json.dumps(m['profile'], ensure_ascii=False, sort_keys=True))}" for m in doc["members"]) + ")",
    ]
    return "\n".join(lines)


SUBNET = "10.77.0"
# Peer n of a member listens on its first peer's port + PEER_PORT_STEP * n (and + 1, + 10000).
PEER_PORT_STEP = 100


def isolate(doc):
    """Every organisation (CA, peer, chaincode service, gateway) and every orderer at an address of
    its own; scripts/lib/processes.sh runs each in a network namespace with that address."""
    o = doc["orderers"]
    nodes = [{**n, "host": f"{SUBNET}.{3 + i}"} for i, n in enumerate(o["nodes"])]
    members = [{**m, "host": f"{SUBNET}.{10 + i}"} for i, m in enumerate(doc["members"])]
    return {**doc, "isolation": "namespaces", "members": members,
            "orderers": {**o, "ca": {**o["ca"], "host": f"{SUBNET}.2"}, "nodes": nodes}}


def next_free_address(doc):
    used = {m["host"] for m in doc["members"]}
    return next(f"{SUBNET}.{i}" for i in range(10, 250) if f"{SUBNET}.{i}" not in used)


def add(doc, entry):
    member = entry.get("member", entry)
    if any(m["key"] == member.get("key") for m in doc["members"]):
        raise Invalid(f"{member.get('key')} is already a member")
    if doc.get("isolation") == "namespaces":
        # An isolated consortium gives the newcomer a namespace address of its own.
        member = {**member, "host": next_free_address(doc)}
    grown = {**doc, "members": doc["members"] + [member],
             "chaincode": {**doc["chaincode"], "sequence": doc["chaincode"]["sequence"] + 1}}
    validate(grown)
    return grown


def main(argv):
    path, command = argv[1], argv[2]
    try:
        doc = load(path)
        if command == "check":
            print(f"{len(doc['members'])} members ({', '.join(m['msp'] for m in doc['members'])}), "
                  f"{len(doc['orderers']['nodes'])} orderers, channel {doc['channel']}, "
                  f"chaincode {doc['chaincode']['name']} sequence {doc['chaincode']['sequence']}")
        elif command == "shell":
            print(shell(doc))
        elif command == "render":
            out = argv[3]
            with open(f"{out}/configtx.yaml", "w", encoding="utf-8") as f:
                f.write("# Generated by scripts/lib/consortium.py from the consortium file; do not edit.\n")
                yaml.safe_dump(configtx(doc), f, allow_unicode=True, sort_keys=False)
            with open(f"{out}/collections.json", "w", encoding="utf-8") as f:
                json.dump(collections(doc), f, indent=2, sort_keys=True)
            with open(f"{out}/consortium.json", "w", encoding="utf-8") as f:
                json.dump(summary(doc), f, ensure_ascii=False, indent=2, sort_keys=True)
        elif command == "isolate":
            with open(argv[3], "w", encoding="utf-8") as f:
                f.write("# The consortium as it runs, each organisation and orderer in its own network namespace.\n")
                yaml.safe_dump(isolate(doc), f, allow_unicode=True, sort_keys=False)
        elif command == "upgrade":
            cc = doc["chaincode"]
            if not str(cc["version"]).isdigit():
                raise Invalid("chaincode.version must be a whole number to be raised")
            upgraded = {**doc, "chaincode": {**cc, "version": str(int(cc["version"]) + 1), "sequence": cc["sequence"] + 1}}
            with open(argv[3], "w", encoding="utf-8") as f:
                f.write("# The consortium as it runs; written by scripts/consortium upgrade-chaincode.\n")
                yaml.safe_dump(upgraded, f, allow_unicode=True, sort_keys=False)
        elif command == "add":
            with open(argv[3], encoding="utf-8") as f:
                entry = yaml.safe_load(f)
            grown = add(doc, entry)
            with open(argv[4], "w", encoding="utf-8") as f:
                f.write("# The consortium as it runs; written by scripts/consortium add-institution.\n")
                yaml.safe_dump(grown, f, allow_unicode=True, sort_keys=False)
        else:
            raise Invalid(f"unknown command {command}")
    except (Invalid, KeyError, TypeError) as e:
        print(f"consortium: {path}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
