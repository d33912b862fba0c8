package org.creditbank.gateway.share;

import java.time.Instant;
import java.util.List;

/**
 * One share as the store keeps it: what a learner disclosed, to whom, until when, and how often the
 * link was opened. The credentials are the ones signed when the learner shared, so a record revoked
 * since then is shown as revoked (its verdict is taken when the link is opened), not left out.
 *
 * @param id          the short id of the link, drawn at random ({@link ShareService#newId})
 * @param learner     the account whose records these are (the only one that may list or withdraw it)
 * @param recipient   who the learner says it is for ("某某公司 HR"); null when not given
 * @param expiresAt   when the link stops answering; null for never (until withdrawn)
 * @param withdrawnAt when the learner withdrew it; null while it stands
 * @param openCount   how many times the link's document was opened
 * @param lastOpenedAt the last time; null while never opened
 */
public record Share(String id, String learner, String recipient, Instant createdAt, Instant expiresAt,
                    Instant withdrawnAt, int openCount, Instant lastOpenedAt, List<Disclosed> records) {

    public Share {
        records = List.copyOf(records);
    }

    /** One disclosed record and the credential this gateway signed for it when it was shared. */
    public record Disclosed(String recordId, Kind kind, String credential) {
    }

    /** The two kinds of record a learner can share. */
    public enum Kind {
        OUTCOME, RECOGNITION
    }

    /** Whether whoever holds the link may still see it at {@code now}. */
    public boolean openAt(Instant now) {
        return withdrawnAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
