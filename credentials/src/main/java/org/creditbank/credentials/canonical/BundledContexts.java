package org.creditbank.credentials.canonical;

import java.util.List;

/**
 * The JSON-LD contexts a {@link Canonicalizer} knows: served from this jar, never fetched. A
 * verifier that fetched contexts from the web could be made to accept a credential whose terms
 * mean something else than what was signed, and would not work offline.
 */
public final class BundledContexts {

    /** W3C Verifiable Credentials Data Model 2.0. */
    public static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    /** 1EdTech Open Badges 3.0.3. */
    public static final String OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** CreditBank's own terms (src/main/resources/org/creditbank/credentials/contexts/creditbank-v1.jsonld). */
    public static final String CREDITBANK_V1 = "https://creditbank.example/ns/credentials/v1";
    /** The {@code @context} of every document CreditBank issues, in this order. */
    public static final List<String> CREDITBANK_DOCUMENTS = List.of(VC_V2, OB_V3, CREDITBANK_V1);

    private BundledContexts() {
    }
}
