package org.creditbank.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creditbank.model.json.CanonicalJson;

/**
 * The running consortium as scripts/network generated it ({@code consortium.json} in the network
 * folder, from the consortium file), so that the drill knows the members and their ports without a
 * list of its own.
 */
record Consortium(String channel, List<Member> members, List<Orderer> orderers) {

    /** A member organisation: its key (folder name), MSP id, kind, and peer address. */
    record Member(String key, String mspId, String type, String host, int peerPort) {
        int peerOperationsPort() {
            return peerPort + 10000;
        }

        boolean enterprise() {
            return type.equals("ENTERPRISE");
        }
    }

    /** A Raft orderer and its address. */
    record Orderer(String name, String host, int port) {
        int operationsPort() {
            return port + 10000;
        }
    }

    static Consortium of(Path networkDir) throws IOException {
        JsonNode doc = CanonicalJson.read(Files.readString(networkDir.resolve("consortium.json")), JsonNode.class);
        List<Member> members = new ArrayList<>();
        doc.path("members").forEach(m -> members.add(new Member(m.path("key").asText(), m.path("msp").asText(),
                m.at("/profile/type").asText(), m.path("host").asText(), m.at("/ports/peer").asInt())));
        List<Orderer> orderers = new ArrayList<>();
        doc.at("/orderers/nodes").forEach(n -> orderers.add(new Orderer(n.path("name").asText(), n.path("host").asText(),
                n.path("port").asInt())));
        return new Consortium(doc.path("channel").asText(), List.copyOf(members), List.copyOf(orderers));
    }

    Optional<Member> member(String key) {
        return members.stream().filter(m -> m.key().equals(key)).findFirst();
    }
}
