package org.creditbank.credentials.canonical;

import java.util.Locale;

/** The shared {@link Canonicalizer}s: each processes the bundled contexts once per JVM. */
final class Implementations {

    static final TitaniumCanonicalizer TITANIUM = new TitaniumCanonicalizer();
    static final FastPathCanonicalizer FAST_PATH = new FastPathCanonicalizer(TITANIUM);

    private Implementations() {
    }

    /** The implementation a setting of the switch names; anything but true, false or unset is refused. */
    static Canonicalizer forSetting(String setting) {
        if (setting == null || setting.isBlank()) {
            return FAST_PATH;
        }
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> FAST_PATH;
            case "false" -> TITANIUM;
            default -> throw new IllegalStateException(Canonicalizer.FAST_PATH_PROPERTY + " (or "
                    + Canonicalizer.FAST_PATH_ENV + ") must be true or false, not '" + setting + "'");
        };
    }
}
