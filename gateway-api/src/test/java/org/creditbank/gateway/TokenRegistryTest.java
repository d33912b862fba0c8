package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.model.learner.AccountNumber;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    @Test
    void tokensAreStoredOnlyAsHashesAndSurviveARestart() throws IOException {
        Path file = Files.createTempDirectory("tokens").resolve("tokens.json");
        String secret = TokenRegistry.open(file).create(TokenRole.REGISTRAR, "registrar1", null, "教务处");

        assertThat(Files.readString(file)).doesNotContain(secret).doesNotContain(secret.substring(3));
        Principal who = TokenRegistry.open(file).authenticate(secret).orElseThrow();
        assertThat(who.role()).isEqualTo(TokenRole.REGISTRAR);
        assertThat(who.identity()).isEqualTo("registrar1");
        assertThat(TokenRegistry.open(file).authenticate(secret + "x")).isEmpty();
    }

    @Test
    void aRevokedTokenNoLongerAuthenticates() throws IOException {
        TokenRegistry tokens = TokenRegistry.open(Files.createTempDirectory("tokens").resolve("t.json"));
        String secret = tokens.create(TokenRole.VERIFIER, "verifier1", null, null);
        String id = tokens.authenticate(secret).orElseThrow().tokenId();
        assertThat(tokens.revoke(id)).isTrue();
        assertThat(tokens.authenticate(secret)).isEmpty();
        assertThat(tokens.revoke(id)).isFalse();
        assertThat(tokens.describe().get(0)).contains(id, "REVOKED");
    }

    @Test
    void learnerTokensAreBoundToExactlyOneValidAccount() throws IOException {
        TokenRegistry tokens = TokenRegistry.open(Files.createTempDirectory("tokens").resolve("t.json"));
        String account = AccountNumber.random(new java.security.SecureRandom());
        assertThat(tokens.authenticate(tokens.create(TokenRole.LEARNER, "gateway", account, null)).orElseThrow().learner())
                .isEqualTo(account);
        assertThatThrownBy(() -> tokens.create(TokenRole.LEARNER, "gateway", null, null)).hasMessageContaining("account");
        assertThatThrownBy(() -> tokens.create(TokenRole.REGISTRAR, "r", account, null)).hasMessageContaining("account");
        assertThatThrownBy(() -> tokens.create(TokenRole.LEARNER, "gateway", "CB123", null)).hasMessageContaining("not a valid");
    }
}
