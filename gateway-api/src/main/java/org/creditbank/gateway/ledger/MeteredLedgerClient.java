package org.creditbank.gateway.ledger;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;

/** Wraps a {@link LedgerClient} to count and time every Fabric submit and evaluate, and their failures. */
public final class MeteredLedgerClient implements LedgerClient {

    private final LedgerClient delegate;
    private final Histogram latency;
    private final Counter failures;

    public MeteredLedgerClient(LedgerClient delegate, PrometheusRegistry registry) {
        this.delegate = delegate;
        this.latency = Histogram.builder().name("creditbank_fabric_call_duration_seconds")
                .help("Fabric submit (endorse+order+commit) and evaluate latency")
                .labelNames("kind", "function").register(registry);
        this.failures = Counter.builder().name("creditbank_fabric_call_failures_total")
                .help("Fabric calls that failed, by kind of failure")
                .labelNames("kind", "function", "failure").register(registry);
    }

    @Override
    public LedgerResult submit(String identity, LedgerCall call) {
        return timed("submit", call, () -> delegate.submit(identity, call));
    }

    @Override
    public String evaluate(String identity, LedgerCall call) {
        return timed("evaluate", call, () -> delegate.evaluate(identity, call));
    }

    @Override
    public Simulation simulate(String identity, LedgerCall call) {
        return timed("simulate", call, () -> delegate.simulate(identity, call));
    }

    private <T> T timed(String kind, LedgerCall call, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } catch (LedgerException e) {
            failures.labelValues(kind, call.function(), e.kind().name()).inc();
            throw e;
        } finally {
            latency.labelValues(kind, call.function()).observe((System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
