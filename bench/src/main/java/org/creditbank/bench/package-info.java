/**
 * The load client behind {@code scripts/bench} and {@code scripts/drill}: throughput and latency of
 * the gateway and the raw Fabric Gateway SDK, offline verification against another build's verifier,
 * and fault drills that audit every acknowledged write afterwards. It runs against a network that is
 * already up and is never part of the product.
 */
package org.creditbank.bench;
