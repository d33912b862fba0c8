package org.creditbank.credentials;

import java.util.Map;
import org.creditbank.model.json.CanonicalJson;

/**
 * One line of a transcript as the learner holds it: the record (its kind, id, content hash and
 * hashed content) and a random salt. The salt makes the leaf hash unguessable, so the hashes
 * shown alongside a disclosed entry reveal nothing about the entries kept back.
 */
public record TranscriptEntry(Map<String, Object> entry, String salt) {

    public TranscriptEntry {
        entry = Map.copyOf(entry);
    }

    /** RFC 6962 leaf hash of the canonical JSON {@code {"entry": ..., "salt": ...}}. */
    byte[] leafHash() {
        return MerkleTree.leafHash(CanonicalJson.toBytes(Map.of("entry", entry, "salt", salt)));
    }
}
