package org.creditbank.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a ledger record: the one place that formats, parses and validates every kind of id.
 * <ul>
 *   <li>an outcome: {@code <issuer MSP>:<localId>}, e.g. {@code CollegeMSP:2026-CNC-0001};</li>
 *   <li>a recognition: {@code <recogniser MSP>:rec:<localId>}, e.g. {@code UniversityMSP:rec:R-7};</li>
 *   <li>a school's confirmation of an enterprise's contribution (education-responsibility points):
 *       {@code <school MSP>:conf:<localId>}, e.g. {@code CollegeMSP:conf:CT-2026-1};</li>
 *   <li>an enterprise's application to redeem points: {@code <enterprise MSP>:red:<localId>}, e.g.
 *       {@code HardwareCoMSP:red:2026-01};</li>
 *   <li>an enterprise's talent demand: {@code <enterprise MSP>:dem:<localId>}, e.g.
 *       {@code HardwareCoMSP:dem:2027-WELD}.</li>
 * </ul>
 * The institution is the MSP id of the organisation that made the record and {@code localId} is
 * that institution's own number for it ({@link Violations#CODE}, so it never holds a colon). The id
 * follows from the two, so a retried issuance finds the record it already made. Record JSON keeps
 * ids as plain strings; this type is for reading and making them.
 */
public record RecordId(Kind kind, String institution, String localId) {

    /** Which kind of record an id names. */
    public enum Kind {
        OUTCOME(null), RECOGNITION("rec"), CONFIRMATION("conf"), REDEMPTION("red"), DEMAND("dem"), APPLICATION("app");

        /** The middle part of a three-part id; an outcome id has none. */
        private final String mark;

        Kind(String mark) {
            this.mark = mark;
        }
    }

    private static final String SEPARATOR = ":";
    private static final Pattern INSTITUTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Refuses parts that would not parse back to the same id. */
    public RecordId {
        if (kind == null || !isInstitution(institution) || !isLocalId(localId)) {
            throw new IllegalArgumentException("not the parts of a record id: " + kind + ", " + institution + ", " + localId);
        }
    }

    public static RecordId outcome(String issuer, String localId) {
        return new RecordId(Kind.OUTCOME, issuer, localId);
    }

    public static RecordId recognition(String recogniser, String localId) {
        return new RecordId(Kind.RECOGNITION, recogniser, localId);
    }

    public static RecordId confirmation(String school, String localId) {
        return new RecordId(Kind.CONFIRMATION, school, localId);
    }

    public static RecordId redemption(String enterprise, String localId) {
        return new RecordId(Kind.REDEMPTION, enterprise, localId);
    }

    public static RecordId demand(String enterprise, String localId) {
        return new RecordId(Kind.DEMAND, enterprise, localId);
    }

    public static RecordId application(String institution, String localId) {
        return new RecordId(Kind.APPLICATION, institution, localId);
    }

    /** The record id {@code text} is, or empty when it is none. */
    public static Optional<RecordId> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(SEPARATOR, -1);
        if (parts.length == 2 && isInstitution(parts[0]) && isLocalId(parts[1])) {
            return Optional.of(outcome(parts[0], parts[1]));
        }
        if (parts.length == 3 && isInstitution(parts[0]) && isLocalId(parts[2])) {
            for (Kind kind : Kind.values()) {
                if (parts[1].equals(kind.mark)) {
                    return Optional.of(new RecordId(kind, parts[0], parts[2]));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code text} is the id of an outcome. */
    public static boolean isOutcomeId(String text) {
        return isKind(text, Kind.OUTCOME);
    }

    /** Whether {@code text} is the id of a record of this kind. */
    public static boolean isKind(String text, Kind kind) {
        return parse(text).filter(id -> id.kind() == kind).isPresent();
    }

    /**
     * An institution's MSP id: letters, digits, '.', '_' and '-', at most 64, as consortium
     * members name their MSPs. Fabric itself sets no rule, but a NUL or U+10FFFF in a name would
     * break the ledger's composite keys, and anything else in one is a mistake or an attack.
     */
    public static boolean isInstitution(String text) {
        return text != null && INSTITUTION.matcher(text).matches();
    }

    /** The violation for {@code field} when it is not an institution's MSP id; empty when it is. */
    public static Optional<Violation> institutionViolation(String field, String text) {
        return isInstitution(text) ? Optional.empty() : Optional.of(new Violation(ErrorCode.INVALID_FIELD, field,
                field + " must be an institution's MSP id (letters, digits, '.', '_', '-'; at most 64)"));
    }

    private static boolean isLocalId(String text) {
        return text != null && Violations.CODE.matcher(text).matches();
    }

    /** The id as it is written in records, keys and URLs. */
    @Override
    public String toString() {
        return kind == Kind.OUTCOME ? institution + SEPARATOR + localId
                : institution + SEPARATOR + kind.mark + SEPARATOR + localId;
    }
}
