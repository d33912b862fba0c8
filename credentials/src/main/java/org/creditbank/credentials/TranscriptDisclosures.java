package org.creditbank.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditbank.credentials.VerificationReport.Check;
import org.creditbank.credentials.VerificationReport.CheckResult;
import org.creditbank.credentials.VerificationReport.Status;
import org.creditbank.model.json.CanonicalJson;

/**
 * The {@code DISCLOSED_ENTRIES} check of a transcript presentation: every disclosed entry hashes,
 * through its inclusion proof, to the Merkle root the issuer signed, and the presentation carries
 * nothing but those entries (so a careless wallet cannot leak the rest of the transcript).
 */
final class TranscriptDisclosures {

    private static final Set<String> PRESENTATION_FIELDS = Set.of("transcript", "disclosures");
    private static final Set<String> DISCLOSURE_FIELDS = Set.of("index", "entry", "salt", "proof");
    private static final Set<String> TRANSCRIPT_SUBJECT_FIELDS = Set.of("id", "type", "entriesRoot", "entryCount");

    private TranscriptDisclosures() {
    }

    static CheckResult check(ObjectNode presentation, ObjectNode envelope) {
        JsonNode subject = envelope.path("credentialSubject");
        if (!CredentialVerifier.contains(envelope.path("type"), "ClrCredential")
                || !subject.path("entriesRoot").isTextual() || !subject.path("entryCount").canConvertToInt()) {
            return rejected("the transcript has no signed entriesRoot and entryCount");
        }
        String extra = extraField(presentation, PRESENTATION_FIELDS);
        if (extra == null) {
            extra = extraField(subject, TRANSCRIPT_SUBJECT_FIELDS);
        }
        if (extra != null) {
            return rejected("the presentation reveals more than the chosen entries: " + extra);
        }
        byte[] root;
        try {
            root = HexFormat.of().parseHex(subject.path("entriesRoot").asText());
        } catch (IllegalArgumentException e) {
            return rejected("entriesRoot is not hex");
        }
        int size = subject.path("entryCount").asInt();
        Set<Integer> seen = new HashSet<>();
        List<String> accepted = new ArrayList<>();
        for (JsonNode disclosure : presentation.path("disclosures")) {
            String problem = extraField(disclosure, DISCLOSURE_FIELDS);
            if (problem != null) {
                return rejected("a disclosure carries an unexpected field: " + problem);
            }
            int index = disclosure.path("index").asInt(-1);
            String recordId = disclosure.path("entry").path("recordId").asText();
            if (!seen.add(index) || !included(disclosure, index, size, root)) {
                return rejected("entry " + index + " (" + recordId
                        + ") is not in the signed transcript");
            }
            accepted.add(recordId);
        }
        if (accepted.isEmpty()) {
            return rejected("the presentation discloses no entries");
        }
        return new CheckResult(Check.DISCLOSED_ENTRIES, Status.PASSED, accepted.size() + " of " + size
                + " entries disclosed, each in the signed transcript: " + String.join(", ", accepted));
    }

    private static boolean included(JsonNode disclosure, int index, int size, byte[] root) {
        try {
            Map<String, Object> entry = CanonicalJson.read(CredentialJson.write(disclosure.path("entry")),
                    new TypeReference<Map<String, Object>>() { });
            TranscriptEntry claimed = new TranscriptEntry(entry, disclosure.path("salt").asText());
            List<byte[]> path = new ArrayList<>();
            for (JsonNode hash : disclosure.path("proof")) {
                path.add(HexFormat.of().parseHex(hash.asText()));
            }
            return MerkleTree.verify(claimed.leafHash(), index, size, path, root);
        } catch (CanonicalJson.MalformedJsonException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String extraField(JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return name;
            }
        }
        return null;
    }

    private static CheckResult rejected(String reason) {
        return new CheckResult(Check.DISCLOSED_ENTRIES, Status.FAILED, reason);
    }
}
