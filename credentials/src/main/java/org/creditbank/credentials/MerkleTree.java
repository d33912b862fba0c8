package org.creditbank.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over transcript entries, built as in RFC 6962 (Certificate Transparency): leaves
 * are hashed with a 0x00 prefix and inner nodes with 0x01, so an inner node can never pass for an
 * entry, and trees of any size split at the largest power of two. An inclusion proof is the list
 * of sibling hashes from the leaf up.
 */
final class MerkleTree {

    private MerkleTree() {
    }

    static byte[] leafHash(byte[] entry) {
        return DataIntegrityProof.sha256(prefixed((byte) 0x00, entry));
    }

    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a transcript needs at least one entry");
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = split(leaves.size());
        return node(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** Sibling hashes proving that leaf {@code index} is in the tree of {@code leaves}. */
    static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        List<byte[]> path = new ArrayList<>();
        collectPath(leaves, index, path);
        return path;
    }

    /** Whether {@code leaf} at {@code index} of a tree of {@code size} leaves hashes up to {@code root}. */
    static boolean verify(byte[] leaf, int index, int size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        byte[] computed = rootFromPath(leaf, index, size, path, path.size());
        return computed != null && Arrays.equals(computed, root);
    }

    private static void collectPath(List<byte[]> leaves, int index, List<byte[]> path) {
        if (leaves.size() == 1) {
            return;
        }
        int k = split(leaves.size());
        if (index < k) {
            collectPath(leaves.subList(0, k), index, path);
            path.add(root(leaves.subList(k, leaves.size())));
        } else {
            collectPath(leaves.subList(k, leaves.size()), index - k, path);
            path.add(root(leaves.subList(0, k)));
        }
    }

    /** Mirrors {@link #collectPath}: the path is consumed from its end, the top of the tree. */
    private static byte[] rootFromPath(byte[] leaf, int index, int size, List<byte[]> path, int remaining) {
        if (size == 1) {
            return remaining == 0 ? leaf : null;
        }
        if (remaining == 0) {
            return null;
        }
        int k = split(size);
        byte[] sibling = path.get(remaining - 1);
        if (index < k) {
            byte[] left = rootFromPath(leaf, index, k, path, remaining - 1);
            return left == null ? null : node(left, sibling);
        }
        byte[] right = rootFromPath(leaf, index - k, size - k, path, remaining - 1);
        return right == null ? null : node(sibling, right);
    }

    private static byte[] node(byte[] left, byte[] right) {
        byte[] both = Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, both, left.length, right.length);
        return DataIntegrityProof.sha256(prefixed((byte) 0x01, both));
    }

    /** The largest power of two smaller than {@code n} (n >= 2). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] prefixed(byte prefix, byte[] bytes) {
        byte[] out = new byte[bytes.length + 1];
        out[0] = prefix;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }
}
