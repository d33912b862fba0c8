package org.creditbank.credentials.canonical;

import com.apicatalog.rdf.nquads.NQuadsAlphabet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * RDFC-1.0 for the common case where every blank node's first-degree hash is unique (section
 * 4.4.3: each blank node is then labelled {@code c14n<i>} in the order of its hash, and the
 * N-degree hashing is never needed), which is the case of CreditBank's credentials: their few
 * blank nodes (criteria, result, proof options, ...) all differ in content. Titanium's general
 * implementation cost a third of verifying a credential. Lines are written as titanium's N-Quads
 * writer writes them (its escaping; each quad's predicate and object written once, not once per
 * line that mentions them) and sorted as titanium sorts them ({@link String#compareTo}), so the
 * output is titanium's; any repeated hash returns nothing, for the caller to use titanium's RDFC-1.0.
 */
final class UniqueHashLabels {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });

    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";

    /**
     * A quad with its predicate and object (unless a blank node) already in N-Quads form. Its IRIs
     * are plain ones ({@link KnownTermsToRdf} emits no other), which N-Quads writes as they are.
     */
    private record Written(KnownTermsToRdf.Quad quad, String predicate, String object) {

        static Written of(KnownTermsToRdf.Quad quad) {
            String object;
            if (quad.datatype() != null) {
                object = "\"" + NQuadsAlphabet.escape(quad.object()) + "\""
                        + (XSD_STRING.equals(quad.datatype()) ? "" : "^^<" + quad.datatype() + ">");
            } else {
                object = isBlank(quad.object()) ? null : "<" + quad.object() + ">";
            }
            return new Written(quad, "<" + quad.predicate() + ">", object);
        }

        /** The line with {@code subject} and, when the object is a blank node, {@code blankObject} as labels. */
        String line(String subject, String blankObject) {
            return subject + " " + predicate + " " + (object != null ? object : blankObject) + " .\n";
        }

        String subjectTerm() {
            return isBlank(quad.subject()) ? quad.subject() : "<" + quad.subject() + ">";
        }
    }

    private UniqueHashLabels() {
    }

    /** The canonical N-Quads of a default-graph dataset; empty when two blank nodes share a first-degree hash. */
    static Optional<String> canonicalNQuads(Collection<KnownTermsToRdf.Quad> quads) {
        List<Written> written = new ArrayList<>(quads.size());
        Map<String, List<Written>> mentions = new LinkedHashMap<>();
        for (KnownTermsToRdf.Quad quad : quads) {
            Written w = Written.of(quad);
            written.add(w);
            if (isBlank(quad.subject())) {
                mentions.computeIfAbsent(quad.subject(), b -> new ArrayList<>()).add(w);
            }
            if (w.object() == null && !quad.object().equals(quad.subject())) {
                mentions.computeIfAbsent(quad.object(), b -> new ArrayList<>()).add(w);
            }
        }
        TreeMap<String, String> byHash = new TreeMap<>();
        for (Map.Entry<String, List<Written>> blank : mentions.entrySet()) {
            if (byHash.put(firstDegreeHash(blank.getKey(), blank.getValue()), blank.getKey()) != null) {
                return Optional.empty();
            }
        }
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String blank : byHash.values()) {
            canonical.put(blank, "_:c14n" + canonical.size());
        }
        List<String> lines = new ArrayList<>(written.size());
        for (Written w : written) {
            lines.add(w.line(canonical.getOrDefault(w.quad().subject(), w.subjectTerm()),
                    w.object() == null ? canonical.get(w.quad().object()) : null));
        }
        lines.sort(null);
        return Optional.of(String.join("", lines));
    }

    /** Hash First Degree Quads (4.6): the blank node's quads with itself as {@code _:a}, others as {@code _:z}. */
    private static String firstDegreeHash(String blank, List<Written> quads) {
        List<String> lines = new ArrayList<>(quads.size());
        for (Written w : quads) {
            lines.add(w.line(isBlank(w.quad().subject()) ? relabel(w.quad().subject(), blank) : w.subjectTerm(),
                    w.object() == null ? relabel(w.quad().object(), blank) : null));
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

    private static boolean isBlank(String term) {
        return term.startsWith("_:");
    }
}
