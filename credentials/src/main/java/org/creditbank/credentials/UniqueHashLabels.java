package org.creditbank.credentials;

import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RDFC-1.0 for the common case where every blank node's first-degree hash is unique (section
 * 4.4.3: each blank node is then labelled {@code c14n<i>} in the order of its hash, and the
 * N-degree hashing is never needed), which is the case of CreditBank's credentials: their few
 * blank nodes (criteria, result, proof options, ...) all differ in content. Titanium's general
 * implementation costed a third of verifying a credential. Lines are written by titanium's
 * N-Quads writer and sorted as titanium sorts them ({@link String#compareTo}), so the output is
 * titanium's; any repeated hash returns null, for the caller to use titanium's RDFC-1.0.
 */
final class UniqueHashLabels {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private UniqueHashLabels() {
    }

    /** The canonical N-Quads of a default-graph dataset, or null when two blank nodes share a first-degree hash. */
    static String canonicalNQuads(Collection<KnownTermsToRdf.Quad> quads) {
        Map<String, List<KnownTermsToRdf.Quad>> mentions = new LinkedHashMap<>();
        for (KnownTermsToRdf.Quad quad : quads) {
            if (isBlank(quad.subject())) {
                mentions.computeIfAbsent(quad.subject(), b -> new ArrayList<>()).add(quad);
            }
            if (quad.datatype() == null && isBlank(quad.object()) && !quad.object().equals(quad.subject())) {
                mentions.computeIfAbsent(quad.object(), b -> new ArrayList<>()).add(quad);
            }
        }
        TreeMap<String, String> byHash = new TreeMap<>();
        for (Map.Entry<String, List<KnownTermsToRdf.Quad>> blank : mentions.entrySet()) {
            if (byHash.put(firstDegreeHash(blank.getKey(), blank.getValue()), blank.getKey()) != null) {
                return null;
            }
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String blank : byHash.values()) {
            canonical.put(blank, "_:c14n" + canonical.size());
        }
        List<String> lines = new ArrayList<>(quads.size());
        for (KnownTermsToRdf.Quad quad : quads) {
            lines.add(line(quad, canonical.getOrDefault(quad.subject(), quad.subject()),
                    quad.datatype() == null ? canonical.getOrDefault(quad.object(), quad.object()) : quad.object()));
        }
        lines.sort(null);
        return String.join("", lines);
    }

    /** Hash First Degree Quads (4.6): the blank node's quads with itself as {@code _:a}, others as {@code _:z}. */
    private static String firstDegreeHash(String blank, List<KnownTermsToRdf.Quad> quads) {
        List<String> lines = new ArrayList<>(quads.size());
        for (KnownTermsToRdf.Quad quad : quads) {
            lines.add(line(quad, relabel(quad.subject(), blank),
                    quad.datatype() == null ? relabel(quad.object(), blank) : quad.object()));
        }
        lines.sort(null);
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        for (String line : lines) {
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String relabel(String term, String blank) {
        if (!isBlank(term)) {
            return term;
        }
        return term.equals(blank) ? "_:a" : "_:z";
    }

    private static String line(KnownTermsToRdf.Quad quad, String subject, String object) {
        return NQuadsWriter.nquad(subject, quad.predicate(), object, quad.datatype(), null, null, null);
    }

    private static boolean isBlank(String term) {
        return term.startsWith("_:");
    }
}
