package org.creditbank.gateway.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Request counts and latencies by route and status, exposed in Prometheus text format at /metrics. */
public final class Metrics {

    private final PrometheusRegistry registry;
    private final Counter requests;
    private final Histogram latency;

    public Metrics(PrometheusRegistry registry) {
        this.registry = registry;
        this.requests = Counter.builder().name("creditbank_http_requests_total")
                .help("HTTP requests by route template, method and status")
                .labelNames("route", "method", "status").register(registry);
        this.latency = Histogram.builder().name("creditbank_http_request_duration_seconds")
                .help("HTTP request latency by route template and method")
                .labelNames("route", "method").register(registry);
    }

    void record(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route, method).observe(seconds);
    }

    String scrape() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
