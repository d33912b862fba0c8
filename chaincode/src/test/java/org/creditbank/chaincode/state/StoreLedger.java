package org.creditbank.chaincode.state;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.creditbank.chaincode.Refusal;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.json.CanonicalJson;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A peer-like in-memory ledger for the store tests: each {@link #write} or {@link #reader} is one
 * transaction on a fresh {@link Ledger}, which sees only what earlier transactions committed.
 * Stores are tested below the contracts, so what they write is pinned key by key, byte by byte.
 */
final class StoreLedger {

    final InMemoryLedger memory = InMemoryLedger.withoutShim();

    /** Runs {@code work} in a transaction and commits its writes. */
    void write(Consumer<Ledger> work) {
        ChaincodeStub transaction = memory.transaction();
        Ledger ledger = new Ledger(transaction);
        work.accept(ledger);
        ledger.flush();
        memory.commit(transaction);
    }

    /** A store on a transaction that is never committed: for reading what earlier ones wrote. */
    <S> S reader(Function<Ledger, S> store) {
        return store.apply(new Ledger(memory.transaction()));
    }

    Map<String, String> state() {
        return memory.worldState();
    }

    /** A Fabric composite key exactly as the shim writes it: U+0000, the type, each attribute, each followed by U+0000. */
    static String compositeKey(String type, String... attributes) {
        StringBuilder key = new StringBuilder("\u0000").append(type).append('\u0000');
        for (String attribute : attributes) {
            key.append(attribute).append('\u0000');
        }
        return key.toString();
    }

    static String json(Object value) {
        return CanonicalJson.toJson(value);
    }

    static <T> T parse(Object value, Class<T> type) {
        return CanonicalJson.read(CanonicalJson.toJson(value), type);
    }

    /** Asserts that {@code call} is refused with {@code code}. */
    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class,
                refusal -> org.assertj.core.api.Assertions.assertThat(refusal.code()).isEqualTo(code));
    }
}
