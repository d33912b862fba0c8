package org.creditbank.model;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one test of "is this a well-formed absolute IRI": what a signed credential's node ids must
 * be, because JSON-LD's RDF step drops a node whose id is not (and with it the node's properties
 * from the signature). Used by the credential canonicaliser and by the outcome rules for the
 * addresses that become such ids.
 */
public final class Iris {

    private Iris() {
    }

    public static boolean isWellFormedAbsolute(String iri) {
        try {
            return new URI(iri).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
