package org.creditbank.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Misconfigured issuers are refused at start-up, not discovered when credentials fail to verify. */
class IssuerIdentityTest {

    private final TestInstitution college = TestInstitution.create("Org1MSP", "College", "college.example");
    private final TestInstitution other = TestInstitution.create("Org1MSP", "College", "college.example");

    @Test
    void keyMustMatchItsCertificate() {
        IssuerIdentity good = college.identity;

        assertThatThrownBy(() -> new IssuerIdentity(good.mspId(), good.name(), good.id(), good.statusListBase(),
                other.identity.signingKey(), good.certificateChain()))
                .isInstanceOf(CredentialException.class)
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void printingAnIdentityNeverShowsThePrivateKey() {
        String printed = college.identity.toString();

        assertThat(printed).contains("Org1MSP").doesNotContain(college.identity.signingKey().getS().toString())
                .doesNotContainIgnoringCase("private");
    }

    @Test
    void renewedCertificateGetsANewVerificationMethodId() {
        assertThat(college.identity.verificationMethodId()).startsWith("did:web:college.example#key-")
                .isNotEqualTo(other.identity.verificationMethodId());
    }
}
