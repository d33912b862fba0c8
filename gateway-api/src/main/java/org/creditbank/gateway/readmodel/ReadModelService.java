package org.creditbank.gateway.readmodel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.LedgerResult;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.ApplicationStatus;
import org.creditbank.model.recognition.RecognitionApplication;

/**
 * The read model's use cases for the HTTP layer: its status, and an issuer's registrar's list of
 * the issuer's outcomes. A gateway serves one institution, so its registrars list only that
 * institution's records; any other issuer is refused, as the chaincode refuses their writes.
 *
 * <p>The lists show this gateway's own writes as soon as they are acknowledged: a list waits until
 * the read model holds the block of the gateway's newest write ({@link #seeingOwnWrites}).
 */
public final class ReadModelService {

    /**
     * How long a list waits for the block of this gateway's newest write. The feed applies a block
     * within milliseconds of its commit, a few seconds under heavy load; a list asked for while the
     * feed is cut off answers after this with what it has (the status route shows the lag).
     */
    static final Duration OWN_WRITES_WAIT = Duration.ofSeconds(5);

    private final ReadModel model;
    private final Analytics analytics;
    private final String mspId;
    /** The newest block a write through this gateway committed in (-1 before the first). */
    private final AtomicLong newestOwnWrite = new AtomicLong(-1);

    private ReadModelService(ReadModel model, Analytics analytics, String mspId) {
        this.model = model;
        this.analytics = analytics;
        this.mspId = mspId;
    }

    public static ReadModelService on(ReadModel model, String mspId) {
        ReadModelAnalytics tables = new ReadModelAnalytics(model);
        return new ReadModelService(model, new Analytics(tables, tables), mspId);
    }

    /** A gateway without a read model ({@code readmodel.url=off}): every call answers READ_MODEL_NOT_CONFIGURED. */
    public static ReadModelService off(String mspId) {
        return new ReadModelService(null, Analytics.NOT_CONFIGURED, mspId);
    }

    /** Analytics over other inputs (a test's), and no lists. */
    public static ReadModelService analyticsOnly(Analytics analytics, String mspId) {
        return new ReadModelService(null, analytics, mspId);
    }

    /**
     * {@code ledger}, remembering the block of every write that commits through it: the lists
     * answered after a write then wait for that block, so a registrar who has just approved an
     * application no longer finds it in the queue, and a new one is there at once.
     */
    public LedgerClient seeingOwnWrites(LedgerClient ledger) {
        return model == null ? ledger : new OwnWrites(ledger, newestOwnWrite);
    }

    /** What the indicators and grade distributions compute over. */
    public Analytics analytics() {
        return analytics;
    }

    public ReadModel.Status status() {
        return model().status();
    }

    /**
     * One page of the issuer's outcomes. Every argument is the query parameter as sent (null when
     * absent); {@code issuer} defaults to this gateway's institution, {@code page} to 0 and
     * {@code size} to {@link ReadModel#MAX_PAGE_SIZE}.
     */
    public ReadModel.Page<Outcome> outcomes(String issuer, String status, String learner, String category, String batch,
                                            String page, String size) {
        ReadModel model = upToOwnWrites();
        String of = blankToNull(issuer) == null ? mspId : issuer.strip();
        if (!of.equals(mspId)) {
            throw new ApiException(ErrorCode.ORG_NOT_ALLOWED, "this gateway lists only " + mspId + "'s outcomes");
        }
        ReadModel.OutcomeFilter filter = new ReadModel.OutcomeFilter(of, status(status, OutcomeStatus.class), blankToNull(learner),
                blankToNull(category), blankToNull(batch));
        return model.outcomes(filter, number(page, "page", 0, 0, Integer.MAX_VALUE),
                number(size, "size", ReadModel.MAX_PAGE_SIZE, 1, ReadModel.MAX_PAGE_SIZE));
    }

    /**
     * One page of the recognition applications made to this institution, oldest first: the
     * registrar's queue ({@code status} PENDING) or every one; parameters as sent, null when absent.
     * The list is the read model's; opening one reads and assesses it on the ledger.
     */
    public ReadModel.Page<RecognitionApplication> applications(String status, String page, String size) {
        ReadModel model = upToOwnWrites();
        return model.applicationsTo(mspId, status(status, ApplicationStatus.class), number(page, "page", 0, 0, Integer.MAX_VALUE),
                number(size, "size", ReadModel.MAX_PAGE_SIZE, 1, ReadModel.MAX_PAGE_SIZE));
    }

    /**
     * This institution's notifications from blocks after {@code afterBlock}: its recognitions whose
     * source outcome is now revoked or suspended, oldest first (see {@link ReadModel#withdrawnSources}).
     */
    public List<ReadModel.WithdrawnSource> withdrawnSources(long afterBlock) {
        return model().withdrawnSources(mspId, afterBlock);
    }

    /** Refuses with READ_MODEL_NOT_CONFIGURED when this gateway keeps no read model. */
    public void requireConfigured() {
        model();
    }

    /** The institution this gateway serves. */
    public String mspId() {
        return mspId;
    }

    /** The read model once it holds this gateway's newest write (or {@link #OWN_WRITES_WAIT} has passed). */
    private ReadModel upToOwnWrites() {
        ReadModel model = model();
        long block = newestOwnWrite.get();
        if (block >= 0) {
            model.awaitBlock(block, OWN_WRITES_WAIT);
        }
        return model;
    }

    private ReadModel model() {
        if (model == null) {
            throw new ApiException(ErrorCode.READ_MODEL_NOT_CONFIGURED, "this gateway keeps no read model");
        }
        return model;
    }

    /** The {@code status} query parameter as one of {@code type}'s values; null when absent, refused when none. */
    private static <E extends Enum<E>> E status(String text, Class<E> type) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_FIELD, "status must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static int number(String text, String name, int absent, int min, int max) {
        String value = blankToNull(text);
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(ErrorCode.INVALID_FIELD, name + " must be a whole number from " + min + " to " + max);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A ledger client that notes the block of each write that commits. */
    private record OwnWrites(LedgerClient ledger, AtomicLong newest) implements LedgerClient {

        @Override
        public LedgerResult submit(String identity, LedgerCall call) {
            LedgerResult result = ledger.submit(identity, call);
            result.commit().ifPresent(commit -> newest.accumulateAndGet(commit.blockNumber(), Math::max));
            return result;
        }

        @Override
        public String evaluate(String identity, LedgerCall call) {
            return ledger.evaluate(identity, call);
        }

        @Override
        public Simulation simulate(String identity, LedgerCall call) {
            return ledger.simulate(identity, call);
        }

        @Override
        public void close() {
            ledger.close();
        }
    }
}
