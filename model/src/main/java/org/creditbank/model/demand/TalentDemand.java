package org.creditbank.model.demand;

/**
 * A talent demand on the ledger, as it stands now. An update writes the next {@code version} of the
 * same record (its history keeps the earlier ones); a withdrawal ends it.
 *
 * @param id          {@code <enterprise MSP>:dem:<localId>}, see {@link org.creditbank.model.RecordId}
 * @param publishedAt when version 1 was written (ledger time)
 * @param updatedAt   when this version was written (ledger time)
 * @param txId        the transaction that wrote this version
 */
public record TalentDemand(
        String id,
        String enterprise,
        DemandRequest request,
        int version,
        DemandStatus status,
        String publishedAt,
        String updatedAt,
        String txId,
        String statusReason,
        String changedBy) {

    public static TalentDemand published(String id, String enterprise, DemandRequest request, String at, String txId,
                                         String by) {
        return new TalentDemand(id, enterprise, request, 1, DemandStatus.OPEN, at, at, txId, null, by);
    }

    public TalentDemand updated(DemandRequest next, String at, String tx, String by) {
        return new TalentDemand(id, enterprise, next, version + 1, status, publishedAt, at, tx, null, by);
    }

    public TalentDemand withdrawn(String reason, String at, String tx, String by) {
        return new TalentDemand(id, enterprise, request, version + 1, DemandStatus.WITHDRAWN, publishedAt, at, tx, reason, by);
    }
}
