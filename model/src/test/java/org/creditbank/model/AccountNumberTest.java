package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.creditbank.model.learner.AccountNumber;
import org.junit.jupiter.api.Test;

class AccountNumberTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void randomNumbersAreWellFormedAndDistinct() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String n = AccountNumber.random(random);
            assertThat(n).hasSize(18).startsWith("CB");
            assertThat(AccountNumber.isValid(n)).isTrue();
            seen.add(n);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        String n = AccountNumber.random(new SecureRandom());
        for (int pos = 2; pos < n.length(); pos++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != n.charAt(pos)) {
                    String typo = n.substring(0, pos) + c + n.substring(pos + 1);
                    assertThat(AccountNumber.isValid(typo)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void malformedNumbersAreInvalid() {
        assertThat(AccountNumber.isValid(null)).isFalse();
        assertThat(AccountNumber.isValid("CB123")).isFalse();
        assertThat(AccountNumber.isValid("XX7K2M9QH4TZ1XW8R0")).isFalse();
        assertThat(AccountNumber.isValid("CB7K2M9QH4TZ1XW8RI")).isFalse(); // I is not in the alphabet
    }
}
