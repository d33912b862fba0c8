package org.creditbank.model.institution;

import java.util.List;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * What an organisation says about itself when it registers. The organisation (MSP id) is never
 * part of it: it is always taken from the caller's identity.
 *
 * <pre>{@code {"name":"广州五金职业学院","type":"SCHOOL","accreditationNote":"省级示范校"}}</pre>
 */
public record InstitutionProfile(String name, InstitutionType type, String accreditationNote) {

    public List<Violation> validate() {
        Violations v = new Violations();
        v.text(name, "name", 200, true);
        v.required(type, "type");
        v.paragraph(accreditationNote, "accreditationNote", 500, false);
        return v.list();
    }
}
