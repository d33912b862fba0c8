package org.creditbank.credentials;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * A signed transcript and the salted entries under its Merkle root: what the learner keeps. The
 * signed part ({@link #credential()}) carries only the root and the number of entries; {@link
 * #present} makes what the learner sends to one verifier.
 */
public record SignedTranscript(String credential, List<TranscriptEntry> entries) {

    public SignedTranscript {
        entries = List.copyOf(entries);
    }

    /**
     * A presentation revealing only the entries at {@code indices}, each with its inclusion proof:
     * {@code {"transcript": <signed credential>, "disclosures": [{"index", "entry", "salt", "proof"}]}}.
     */
    public String present(Collection<Integer> indices) {
        List<byte[]> leaves = entries.stream().map(TranscriptEntry::leafHash).toList();
        ObjectNode presentation = CredentialJson.object();
        presentation.set("transcript", CredentialJson.parseObject(credential, "transcript"));
        ArrayNode disclosures = presentation.putArray("disclosures");
        for (int index : new TreeSet<>(indices)) {
            if (index < 0 || index >= entries.size()) {
                throw new IllegalArgumentException("the transcript has no entry " + index);
            }
            TranscriptEntry entry = entries.get(index);
            ObjectNode disclosure = disclosures.addObject();
            disclosure.put("index", index);
            disclosure.set("entry", CredentialJson.tree(entry.entry()));
            disclosure.put("salt", entry.salt());
            ArrayNode proof = disclosure.putArray("proof");
            MerkleTree.inclusionProof(leaves, index).forEach(h -> proof.add(HexFormat.of().formatHex(h)));
        }
        return CredentialJson.write(presentation);
    }
}
