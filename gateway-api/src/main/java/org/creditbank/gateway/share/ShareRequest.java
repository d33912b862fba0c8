package org.creditbank.gateway.share;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditbank.model.RecordId;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * Body of {@code POST /api/v1/shares}: which of the learner's records to disclose, for whom, until
 * when. The limits of a share are defined here and nowhere else.
 *
 * @param outcomeIds     outcomes to disclose (ids of this institution's outcomes on the learner's account)
 * @param recognitionIds recognitions to disclose (this institution's, of the learner)
 * @param recipient      who it is for, as the learner will see it in their list; optional
 * @param expiresAt      ISO-8601 instant after which the link stops answering; optional (then until withdrawn)
 */
public record ShareRequest(List<String> outcomeIds, List<String> recognitionIds, String recipient, String expiresAt) {

    /** At most this many records in one share: a document an HR person reads, and a bound on the signing work. */
    public static final int MAX_RECORDS = 20;
    /** The longest recipient label, in characters. */
    public static final int MAX_RECIPIENT_LENGTH = 100;
    /** The furthest expiry a learner may set. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(366);

    public ShareRequest {
        outcomeIds = outcomeIds == null ? List.of() : List.copyOf(outcomeIds);
        recognitionIds = recognitionIds == null ? List.of() : List.copyOf(recognitionIds);
    }

    /** Every rule this request breaks at {@code now}. */
    public List<Violation> validate(Instant now) {
        Violations v = new Violations();
        int count = outcomeIds.size() + recognitionIds.size();
        v.check(count > 0, "outcomeIds", "a share discloses at least one record: give outcomeIds or recognitionIds");
        v.check(count <= MAX_RECORDS, "outcomeIds", "a share discloses at most " + MAX_RECORDS + " records, not " + count);
        Set<String> seen = new HashSet<>();
        ids(v, outcomeIds, "outcomeIds", RecordId.Kind.OUTCOME, seen);
        ids(v, recognitionIds, "recognitionIds", RecordId.Kind.RECOGNITION, seen);
        v.text(recipient, "recipient", MAX_RECIPIENT_LENGTH, false);
        if (expiresAt != null) {
            try {
                Instant at = Instant.parse(expiresAt);
                v.check(at.isAfter(now), "expiresAt", "expiresAt must be in the future");
                v.check(!at.isAfter(now.plus(MAX_LIFETIME)), "expiresAt",
                        "expiresAt must be at most " + MAX_LIFETIME.toDays() + " days from now");
            } catch (DateTimeParseException e) {
                v.check(false, "expiresAt", "expiresAt must be an ISO-8601 instant such as 2027-01-31T23:59:59Z");
            }
        }
        return v.list();
    }

    private static void ids(Violations v, List<String> ids, String field, RecordId.Kind kind, Set<String> seen) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String at = field + "[" + i + "]";
            v.recordId(id, at);
            if (id != null && RecordId.parse(id).isPresent()) {
                v.check(RecordId.parse(id).get().kind() == kind, at, at + " must be the id of " + (kind == RecordId.Kind.OUTCOME
                        ? "an outcome" : "a recognition") + ", not " + id);
                v.check(seen.add(id), at, at + " repeats " + id);
            }
        }
    }

    /** The expiry as an instant; null when none was given. Only after {@link #validate}. */
    Instant expiry() {
        return expiresAt == null ? null : Instant.parse(expiresAt);
    }
}
