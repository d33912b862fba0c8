package org.creditbank.gateway.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.Outcome;
import org.creditbank.model.outcome.OutcomeStatus;
import org.creditbank.model.recognition.ApplicationStatus;
import org.creditbank.model.recognition.RecognitionApplication;

/**
 * The read model's use cases for the HTTP layer: its status, and an issuer's registrar's list of
 * the issuer's outcomes. A gateway serves one institution, so its registrars list only that
 * institution's records; any other issuer is refused, as the chaincode refuses their writes.
 */
public final class ReadModelService {

    private final ReadModel model;
    private final Analytics analytics;
    private final String mspId;

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
        ReadModel model = model();
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
        ReadModel model = model();
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
}
