package org.creditbank.credentials;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.outcome.OutcomeStatus;

/**
 * One line of a transcript as the learner holds it: the record (its kind, id, content hash, hashed
 * content and the status it was signed with) and a random salt. The salt makes the leaf hash
 * unguessable, so the hashes shown alongside a disclosed entry reveal nothing about the entries
 * kept back.
 */
public record TranscriptEntry(Map<String, Object> entry, String salt) {

    /**
     * The entry's field for the record's status when the transcript was signed. Only records in
     * force are signed into a transcript, so it is always ACTIVE; an entry without it was signed by
     * an issuer that also signed revoked and suspended records, and proves nothing about its status.
     */
    static final String STATUS = "status";

    public TranscriptEntry {
        entry = Map.copyOf(entry);
    }

    /** The entry for a record in force when signed: {@code {"kind", "recordId", "contentHash", "content", "status"}}. */
    static TranscriptEntry inForce(String kind, String recordId, String contentHash, Object content, String salt) {
        return new TranscriptEntry(Map.of("kind", kind, "recordId", recordId, "contentHash", contentHash,
                "content", CanonicalJson.read(CanonicalJson.toJson(content), new TypeReference<Map<String, Object>>() { }),
                STATUS, OutcomeStatus.ACTIVE.name()), salt);
    }

    /** RFC 6962 leaf hash of the canonical JSON {@code {"entry": ..., "salt": ...}}. */
    byte[] leafHash() {
        return MerkleTree.leafHash(CanonicalJson.toBytes(Map.of("entry", entry, "salt", salt)));
    }
}
