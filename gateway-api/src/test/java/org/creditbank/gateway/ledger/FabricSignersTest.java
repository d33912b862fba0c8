package org.creditbank.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.hyperledger.fabric.client.identity.Signer;
import org.junit.jupiter.api.Test;

class FabricSignersTest {

    @Test
    void signaturesFromTheConvertedKeyVerifyWithTheOriginalPublicKeyAndAreLowS() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        BigInteger halfOrder = ((ECPrivateKey) pair.getPrivate()).getParams().getOrder().shiftRight(1);
        Signer signer = FabricSigners.of(pair.getPrivate());

        for (int i = 0; i < 20; i++) {
            byte[] message = ("proposal " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = signer.sign(MessageDigest.getInstance("SHA-256").digest(message));

            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertThat(verifier.verify(signature)).isTrue();
            // Fabric refuses high-S signatures; the SDK's normalisation must still apply.
            BigInteger s = ((ASN1Integer) ASN1Sequence.getInstance(signature).getObjectAt(1)).getValue();
            assertThat(s).isLessThanOrEqualTo(halfOrder);
        }
    }
}
