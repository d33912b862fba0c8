package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The consortium file is the one description of the consortium: the channel that runs has exactly
 * its members (read back from the channel configuration, not from the file), each registered the
 * profile the file gives it, and the members the tests act as are members under the same MSP ids.
 */
class ConsortiumFileIT {

    private static final LiveNetwork NETWORK = new LiveNetwork();

    @AfterAll
    static void close() {
        NETWORK.close();
    }

    @Test
    void theChannelHasExactlyTheMembersOfTheConsortiumFile() throws IOException {
        List<String> inFile = new ArrayList<>();
        LiveNetwork.consortium().path("members").forEach(m -> inFile.add(m.path("msp").asText()));
        // scripts/network exports the trust bundle from the channel's own configuration block.
        JsonNode bundle = CanonicalJson.read(Files.readString(LiveNetwork.DIR.resolve("trust-bundle.json")), JsonNode.class);
        List<String> onChannel = new ArrayList<>();
        bundle.fieldNames().forEachRemaining(onChannel::add);
        assertThat(onChannel).containsExactlyInAnyOrderElementsOf(inFile);
        assertThat(inFile).contains("EduDeptMSP");
    }

    @Test
    void everyMemberRegisteredTheProfileTheFileGivesIt() {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> registered = new TreeMap<>();
        for (JsonNode m : LiveNetwork.consortium().path("members")) {
            String msp = m.path("msp").asText();
            // The whole profile, as written (name, englishName, type, accreditationNote).
            expected.put(msp, CanonicalJson.toJson(m.path("profile")));
            JsonNode profile = Calls.evaluate(NETWORK.as(LiveNetwork.Org.COLLEGE, "verifier1"), "institution:get", msp);
            registered.put(msp, CanonicalJson.toJson(profile.path("profile")));
        }
        assertThat(registered).isEqualTo(expected);
        assertThat(expected.get("EduDeptMSP")).contains("\"type\":\"AUTHORITY\"");
    }

    @Test
    void theMembersTheTestsActAsAreMembersUnderTheSameMspIds() {
        for (LiveNetwork.Org org : LiveNetwork.Org.values()) {
            assertThat(LiveNetwork.consortiumMember(org.dir).path("msp").asText()).as(org.name()).isEqualTo(org.mspId);
        }
    }
}
