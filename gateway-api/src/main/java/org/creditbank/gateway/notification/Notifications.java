package org.creditbank.gateway.notification;

import java.util.List;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.outcome.OutcomeStatus;

/**
 * What a recognising institution must hear of: a source outcome of one of its recognitions was
 * revoked or suspended by its issuer after the recognition was decided (学分互认 stands on its
 * sources). Read from the read model, which the peer's block events feed, so a notification is
 * there as soon as the block is applied; the ledger stays the truth (the recognition's own view
 * shows each source's current status). The same list feeds the registrar's page, the event stream
 * and the webhook, each resuming after the last block it saw.
 */
public final class Notifications {

    /**
     * One change.
     *
     * @param id          stable and unique: the recognition, the source, its new status and the block
     * @param blockNumber the block that changed the source: the cursor of every consumer
     */
    public record Notification(String id, String institution, String recognitionId, String outcomeId,
                               OutcomeStatus status, String reason, String changedAt, long blockNumber) {
    }

    private final ReadModelService readModel;

    public Notifications(ReadModelService readModel) {
        this.readModel = readModel;
    }

    /** Notifications from blocks after {@code afterBlock} (-1: all), oldest first. */
    public List<Notification> after(long afterBlock) {
        return readModel.withdrawnSources(afterBlock).stream().map(this::notification).toList();
    }

    /** Refuses with READ_MODEL_NOT_CONFIGURED when this gateway keeps no read model. */
    void requireAvailable() {
        readModel.requireConfigured();
    }

    /** {@link #after} for a query parameter or Last-Event-ID as sent: absent is everything. */
    public List<Notification> after(String afterBlock) {
        return after(cursor(afterBlock));
    }

    /** The cursor a client sent, or -1 when it sent none. */
    static long cursor(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        try {
            long block = Long.parseLong(text.strip());
            if (block >= -1) {
                return block;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ApiException(ErrorCode.INVALID_FIELD, "after must be a block number (or -1 for everything)");
    }

    private Notification notification(ReadModel.WithdrawnSource w) {
        return new Notification(w.recognitionId() + "/" + w.outcomeId() + "/" + w.status() + "@" + w.blockNumber(),
                readModel.mspId(), w.recognitionId(), w.outcomeId(), w.status(), w.reason(), w.changedAt(), w.blockNumber());
    }
}
