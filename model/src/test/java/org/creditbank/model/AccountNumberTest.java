package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
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

    @Test
    void anOpeningKeyGivesOneValidNumberPerInstitutionWhateverItsCase() {
        String key = "3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f";
        String number = AccountNumber.forOpeningKey("CollegeMSP", key);
        assertThat(AccountNumber.isValid(number)).isTrue();
        assertThat(AccountNumber.forOpeningKey("CollegeMSP", key.toUpperCase(Locale.ROOT))).isEqualTo(number);
        assertThat(AccountNumber.forOpeningKey("UniversityMSP", key)).isNotEqualTo(number);
        assertThat(AccountNumber.forOpeningKey("CollegeMSP", "3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e30")).isNotEqualTo(number);
    }

    @Test
    void anOpeningKeyIsAUuidNotAStudentNumber() {
        assertThat(AccountNumber.isValidOpeningKey("3F2A9C0D-1E4B-4C5D-8E6F-7A8B9C0D1E2F")).isTrue();
        assertThat(AccountNumber.isValidOpeningKey("2024010203")).isFalse();
        assertThat(AccountNumber.isValidOpeningKey("")).isFalse();
        assertThat(AccountNumber.isValidOpeningKey(null)).isFalse();
        assertThat(AccountNumber.isValidOpeningKey("3f2a9c0d-1e4b-4c5d-8e6f-7a8b9c0d1e2f ")).isFalse();
    }
}
