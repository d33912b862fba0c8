package org.creditbank.chaincode.access;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * Who sent the transaction: organisation (MSP id), a stable identity string for audit, and role.
 * Everything the contract decides about the caller comes from here, never from arguments.
 */
public record Caller(String mspId, String id, CertifiedRole role) {

    public static Caller of(Context ctx) {
        ClientIdentity identity = ctx.getClientIdentity();
        return new Caller(identity.getMSPID(), identity.getId(), roleOf(identity));
    }

    private static CertifiedRole roleOf(ClientIdentity identity) {
        if (isAdmin(identity)) {
            return CertifiedRole.ADMIN;
        }
        String value = identity.getAttributeValue(CertifiedRole.ATTRIBUTE);
        if ("registrar".equals(value)) {
            return CertifiedRole.REGISTRAR;
        }
        if ("verifier".equals(value)) {
            return CertifiedRole.VERIFIER;
        }
        return CertifiedRole.NONE;
    }

    private static boolean isAdmin(ClientIdentity identity) {
        try {
            LdapName subject = new LdapName(identity.getX509Certificate().getSubjectX500Principal().getName());
            for (Rdn rdn : subject.getRdns()) {
                if ("OU".equalsIgnoreCase(rdn.getType()) && "admin".equals(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            return false;
        }
    }

    /** Refuses unless the caller may write (registrar or admin). */
    public Caller mustWrite() {
        if (!role.canWrite()) {
            throw Refusal.of(ErrorCode.ROLE_NOT_ALLOWED,
                    "only a registrar or admin may do this; the caller's role is " + role);
        }
        return this;
    }

    /** Refuses unless the caller has any CreditBank role. */
    public Caller mustRead() {
        if (!role.canRead()) {
            throw Refusal.of(ErrorCode.ROLE_NOT_ALLOWED, "the caller's certificate carries no creditbank.role");
        }
        return this;
    }

    /** Refuses unless the caller is an org admin. */
    public Caller mustBeAdmin() {
        if (role != CertifiedRole.ADMIN) {
            throw Refusal.of(ErrorCode.ROLE_NOT_ALLOWED, "only an org admin may do this; the caller's role is " + role);
        }
        return this;
    }

    /** Refuses unless {@code owner} is the caller's own organisation. */
    public void mustOwn(String owner, String what) {
        if (!mspId.equals(owner)) {
            throw Refusal.of(ErrorCode.ORG_NOT_ALLOWED,
                    what + " belongs to " + owner + "; " + mspId + " may not change it");
        }
    }
}
