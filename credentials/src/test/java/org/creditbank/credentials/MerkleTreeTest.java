package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inclusion proofs hold for every position in trees of every shape, and only there. */
class MerkleTreeTest {

    @Test
    void everyLeafProvesItsOwnPositionInTreesOfOneToSeventeenLeaves() {
        for (int size = 1; size <= 17; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, i);
                assertThat(MerkleTree.verify(leaves.get(i), i, size, proof, root)).as("size %d index %d", size, i)
                        .isTrue();
                if (size > 1) {
                    int elsewhere = (i + 1) % size;
                    assertThat(MerkleTree.verify(leaves.get(i), elsewhere, size, proof, root)).isFalse();
                    assertThat(MerkleTree.verify(leaves.get(elsewhere), i, size, proof, root)).isFalse();
                }
            }
        }
    }

    @Test
    void concatenatedChildrenCannotPassForAnEntry() {
        // Without the 0x00/0x01 prefixes, an "entry" whose bytes are two child hashes would hash
        // to their parent and could be shown as a one-entry transcript with the same root.
        List<byte[]> leaves = leaves(2);
        byte[] root = MerkleTree.root(leaves);
        byte[] forgedEntry = new byte[64];
        System.arraycopy(leaves.get(0), 0, forgedEntry, 0, 32);
        System.arraycopy(leaves.get(1), 0, forgedEntry, 32, 32);

        assertThat(MerkleTree.verify(MerkleTree.leafHash(forgedEntry), 0, 1, List.of(), root)).isFalse();
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }
}
