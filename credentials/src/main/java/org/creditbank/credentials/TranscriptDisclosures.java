package org.creditbank.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.outcome.Validity;

/**
 * The {@code DISCLOSED_ENTRIES} check of a transcript presentation: every disclosed entry hashes,
 * through its inclusion proof, to the Merkle root the issuer signed, and the presentation carries
 * nothing but those entries (so a careless wallet cannot leak the rest of the transcript). Each entry
 * must also say it was ACTIVE when signed ({@link TranscriptEntry#STATUS}): an entry without it
 * comes from an issuer that signed revoked and suspended records too, so it proves nothing about its
 * record. And an outcome past its last valid day ({@code validUntil} in its signed content) is
 * expired here as on the ledger. What changed after signing only the ledger can say.
 */
final class TranscriptDisclosures {

    private static final Set<String> PRESENTATION_FIELDS = Set.of("transcript", "disclosures");
    private static final Set<String> DISCLOSURE_FIELDS = Set.of("index", "entry", "salt", "proof");
    private static final Set<String> TRANSCRIPT_SUBJECT_FIELDS = Set.of("id", "type", "entriesRoot", "entryCount");

    private TranscriptDisclosures() {
    }

    static CheckResult check(ObjectNode presentation, ObjectNode envelope, Instant at) {
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
            String notInForce = notInForce(disclosure.path("entry"), at);
            if (notInForce != null) {
                return rejected("entry " + index + " (" + recordId + ") " + notInForce);
            }
            accepted.add(recordId);
        }
        if (accepted.isEmpty()) {
            return rejected("the presentation discloses no entries");
        }
        return new CheckResult(Check.DISCLOSED_ENTRIES, Status.PASSED, accepted.size() + " of " + size
                + " entries disclosed, each in the signed transcript and in force when it was signed: "
                + String.join(", ", accepted));
    }

    /** Why a signed entry does not stand at {@code at} by what it says itself, or null when it does. */
    private static String notInForce(JsonNode entry, Instant at) {
        JsonNode status = entry.path(TranscriptEntry.STATUS);
        if (!status.isTextual()) {
            return "does not say it was in force when the transcript was signed: an issuer from before inactive"
                    + " records were left out of transcripts signed it, maybe after it was revoked; ask for a fresh"
                    + " transcript";
        }
        if (!OutcomeStatus.ACTIVE.name().equals(status.asText())) {
            return "was " + status.asText() + " when the transcript was signed";
        }
        JsonNode validUntil = entry.path("content").path("draft").path("validUntil");
        if ("outcome".equals(entry.path("kind").asText()) && validUntil.isTextual()) {
            Instant endsAt;
            try {
                endsAt = Validity.endsAt(validUntil.asText());
            } catch (DateTimeParseException e) {
                return "has a validUntil that is not a date: " + validUntil.asText();
            }
            if (!Validity.inForceAt(endsAt, at)) {
                return "expired at " + endsAt + " (its last valid day was " + validUntil.asText() + ")";
            }
        }
        return null;
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
