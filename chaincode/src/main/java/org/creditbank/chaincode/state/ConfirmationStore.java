package org.creditbank.chaincode.state;

import java.util.List;
import java.util.Optional;
import org.creditbank.chaincode.Refusal;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.RecordId;
import org.creditbank.model.history.HistoryEntry;
import org.creditbank.model.points.SchoolConfirmation;

/**
 * Schools' confirmations in world state: the record under (school, localId) and a guard under the
 * confirmed fact's identity ({@link org.creditbank.model.points.ConfirmationRequest#factIdentity})
 * naming the confirmation that holds it, so the same hire or co-teaching cannot be confirmed twice
 * under two numbers. The only place these keys are built. Both can be endorsed only by the school's
 * peers: only the school can withdraw what it confirmed.
 */
public final class ConfirmationStore {

    private final Ledger ledger;

    ConfirmationStore(Ledger ledger) {
        this.ledger = ledger;
    }

    public Optional<SchoolConfirmation> find(String id) {
        return keyOf(id).flatMap(key -> ledger.get(key, SchoolConfirmation.class));
    }

    /** The confirmation, or a NOT_FOUND refusal (also for an id that is no confirmation id). */
    public SchoolConfirmation require(String id) {
        return find(id).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "no confirmation " + id));
    }

    /** The id of the confirmation that already holds this fact, if any. */
    public Optional<String> holding(List<String> factIdentity) {
        return ledger.indexValue(guardKey(factIdentity));
    }

    public List<HistoryEntry> history(String id) {
        require(id);
        return ledger.history(keyOf(id).orElseThrow());
    }

    /** Writes a new confirmation and its fact guard, both endorsable only by the school's peers. */
    public void add(SchoolConfirmation confirmation) {
        String key = keyOf(confirmation.id()).orElseThrow();
        ledger.put(key, confirmation);
        ledger.restrictEndorsementTo(key, confirmation.school());
        String guard = guardKey(confirmation.request().factIdentity());
        ledger.putIndex(guard, confirmation.id());
        ledger.restrictEndorsementTo(guard, confirmation.school());
    }

    /** Writes a new version (a withdrawal); the guard stays, so the fact is not confirmed again. */
    public void update(SchoolConfirmation confirmation) {
        ledger.put(keyOf(confirmation.id()).orElseThrow(), confirmation);
    }

    private Optional<String> keyOf(String id) {
        return RecordId.parse(id).filter(r -> r.kind() == RecordId.Kind.CONFIRMATION)
                .map(r -> ledger.key(Keys.CONFIRMATION, r.institution(), r.localId()));
    }

    private String guardKey(List<String> factIdentity) {
        return ledger.key(Keys.CONFIRMED_FACT, factIdentity.toArray(String[]::new));
    }
}
