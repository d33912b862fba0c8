package org.creditbank.model.institution;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * What an organisation says about itself when it registers. The organisation (MSP id) is never
 * part of it: it is always taken from the caller's identity.
 *
 * <pre>{@code {"name":"广州五金职业技术学院","englishName":"Guangzhou Hardware Vocational College","type":"SCHOOL","accreditationNote":"高职院校"}}</pre>
 *
 * @param name        the registered display name, as the institution writes it (Chinese)
 * @param englishName the same name in English, for verifiers abroad; optional. Absent, it writes
 *                    no key, so the bytes (and hashes) of profiles stored before it are unchanged
 */
public record InstitutionProfile(String name, InstitutionType type, String accreditationNote, String englishName) {

    /** The most characters of a name, in either language. */
    public static final int MAX_NAME_LENGTH = 200;

    /** A profile without an English name. */
    public InstitutionProfile(String name, InstitutionType type, String accreditationNote) {
        this(name, type, accreditationNote, null);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        v.text(name, "name", MAX_NAME_LENGTH, true);
        v.text(englishName, "englishName", MAX_NAME_LENGTH, false);
        v.required(type, "type");
        v.paragraph(accreditationNote, "accreditationNote", 500, false);
        return v.list();
    }

    /**
     * The name a credential's issuer carries ({@code issuer.name}): {@code 名称 (English name)}, or
     * the name alone without an English one. One string, because Open Badges 3.0 defines
     * {@code Profile.name} as a plain string: a language map or a second property would be dropped
     * or refused by wallets and verifiers that know only OB 3.0, while this reads the same in all of
     * them, in China and abroad. The registered name comes first because it is the legal one.
     */
    public String credentialName() {
        return englishName == null ? name : name + " (" + englishName + ")";
    }
}
