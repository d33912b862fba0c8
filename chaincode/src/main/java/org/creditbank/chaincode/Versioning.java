package org.creditbank.chaincode;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;

/**
 * The rule of every versioned publication (a points policy, a major, the warning thresholds, a
 * grading rule): versions are 1, 2, 3, … without gaps, a published version never changes, and
 * publishing the same version with the same terms again (a retry) returns it and writes nothing.
 */
public final class Versioning {

    private Versioning() {
    }

    /**
     * The stored version when {@code version} is already published with the same terms; empty when
     * {@code version} is the next one; refused otherwise (CONFLICT for other terms under a published
     * version, INVALID_FIELD for a gap). {@code published} holds versions 1 … n in order.
     */
    public static <T> Optional<T> publishedOrNext(List<T> published, int version, Predicate<T> sameTerms, String what) {
        if (version >= 1 && version <= published.size()) {
            T same = published.get(version - 1);
            if (sameTerms.test(same)) {
                return Optional.of(same);
            }
            throw Refusal.of(ErrorCode.CONFLICT, what + " version " + version
                    + " is already published with different terms; publish version " + (published.size() + 1));
        }
        if (version != published.size() + 1) {
            throw Refusal.invalid(List.of(new Violation(ErrorCode.INVALID_FIELD, "version",
                    "the next version of " + what + " must be " + (published.size() + 1))));
        }
        return Optional.empty();
    }
}
