package org.creditbank.credentials.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.apicatalog.jsonld.JsonLd;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The switch that turns the fast path off, and the titanium version the fast path was proven against. */
class CanonicalizerSwitchTest {

    @Test
    void theFastPathIsOnUnlessSwitchedOffAndAnyOtherSettingIsRefused() {
        assertThat(Implementations.forSetting(null)).isSameAs(Canonicalizer.withFastPath());
        assertThat(Implementations.forSetting("")).isSameAs(Canonicalizer.withFastPath());
        assertThat(Implementations.forSetting("true")).isSameAs(Canonicalizer.withFastPath());
        assertThat(Implementations.forSetting(" FALSE ")).isSameAs(Canonicalizer.titanium());
        assertThatThrownBy(() -> Implementations.forSetting("off"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(Canonicalizer.FAST_PATH_PROPERTY);
    }

    @Test
    void theConfiguredCanonicalizerFollowsTheSystemProperty() {
        // The titanium-only surefire run sets the property to false (credentials/pom.xml).
        boolean off = "false".equals(System.getProperty(Canonicalizer.FAST_PATH_PROPERTY));
        assertThat(Canonicalizer.configured())
                .isSameAs(off ? Canonicalizer.titanium() : Canonicalizer.withFastPath());
    }

    /**
     * The fast path uses titanium-json-ld classes outside its documented API
     * ({@link FastPathCanonicalizer}); an upgrade must re-run {@code CanonicalizationEquivalenceTest}
     * on purpose and then move {@link FastPathCanonicalizer#TITANIUM_JSON_LD}.
     */
    @Test
    void theFastPathWasProvenAgainstTheTitaniumOnTheClasspath() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = JsonLd.class.getResourceAsStream(
                "/META-INF/maven/com.apicatalog/titanium-json-ld/pom.properties")) {
            assertThat(in).as("titanium-json-ld's pom.properties").isNotNull();
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).isEqualTo(FastPathCanonicalizer.TITANIUM_JSON_LD);
    }
}
