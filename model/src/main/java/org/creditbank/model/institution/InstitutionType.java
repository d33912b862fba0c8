package org.creditbank.model.institution;

/** What kind of member an organisation is; it decides what the institution may issue and recognise. */
public enum InstitutionType {
    /** A college or university: issues any outcome, publishes rules and qualifications, recognises credit. */
    SCHOOL,
    /** A company: issues training, work experience, skill certificates, micro-credentials and awards. */
    ENTERPRISE,
    /** A credit-bank authority or skills body: like a school, but usually issues no courses of its own. */
    AUTHORITY;

    /** Whether this type may publish recognition rules and qualifications and recognise credit. */
    public boolean awardsCredit() {
        return this != ENTERPRISE;
    }
}
