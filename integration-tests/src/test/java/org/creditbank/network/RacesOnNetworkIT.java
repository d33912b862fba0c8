package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a double click, a client retry or two overlapping uploads do on the real network: requests
 * for the same record at the same moment. Each must get the answer it would get alone (one 201,
 * then 200 for the identical ones, 409 for different content), never a 5xx; and an identical
 * request that finds its record already there must not cut a block.
 */
class RacesOnNetworkIT {

    private static final String RUN = "RACE" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final int AT_ONCE = 6;

    private static Gateway college;

    @BeforeAll
    static void gateways() {
        college = RunningGateways.of("college");
    }

    @Test
    void identicalIssuancesAtTheSameMomentGiveOne201AndThe200sOfARetry() {
        String learner = college.openAccount();
        for (int round = 1; round <= 3; round++) {
            Map<String, Object> draft = Drafts.course(RUN + "-SAME-" + round, learner);
            List<Reply> replies = atOnce(i -> college.post("/api/v1/outcomes", college.registrarToken(), draft));

            assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsOnly(201, 200);
            assertThat(replies).filteredOn(r -> r.status() == 201).as(bodies(replies)).hasSize(1);
            assertThat(replies).extracting(r -> r.json().at("/record/id").asText()).containsOnly("CollegeMSP:" + RUN
                    + "-SAME-" + round);
        }
    }

    @Test
    void differentContentUnderOneLocalIdAtTheSameMomentGivesOne201AndConflicts() {
        String learner = college.openAccount();
        String localId = RUN + "-DIFF";
        List<Reply> replies = atOnce(i -> {
            Map<String, Object> draft = Drafts.course(localId, learner);
            draft.put("result", Map.of("scale", "PERCENTAGE", "value", Integer.toString(70 + i)));
            return college.post("/api/v1/outcomes", college.registrarToken(), draft);
        });

        assertThat(replies).extracting(Reply::status).as(bodies(replies)).containsOnly(201, 409);
        assertThat(replies).filteredOn(r -> r.status() == 201).as(bodies(replies)).hasSize(1);
        replies.stream().filter(r -> r.status() == 409).forEach(r -> r.assertProblem(409, "CONFLICT"));
        String winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow()
                .json().at("/record/draft/result/value").asText();
        assertThat(college.get("/api/v1/outcomes/CollegeMSP:" + localId, college.registrarToken()).json()
                .at("/draft/result/value").asText()).as("the ledger holds the content that got the 201").isEqualTo(winner);
    }

    @Test
    void aRepeatedIdenticalIssuanceWritesNoTransaction() {
        String learner = college.openAccount();
        Map<String, Object> first = Drafts.course(RUN + "-REPEAT-1", learner);
        Reply created = college.post("/api/v1/outcomes", college.registrarToken(), first);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long block = created.json().get("blockNumber").asLong();

        Reply repeated = college.post("/api/v1/outcomes", college.registrarToken(), first);
        assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
        assertThat(repeated.json().has("txId")).as("nothing was written, so there is no transaction: %s",
                repeated.body()).isFalse();
        assertThat(repeated.json().at("/record/awardTxId").asText()).isEqualTo(created.json().get("txId").asText());

        Reply next = college.post("/api/v1/outcomes", college.registrarToken(), Drafts.course(RUN + "-REPEAT-2", learner));
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("blockNumber").asLong()).as("the repeat cut no block").isEqualTo(block + 1);
    }

    /** {@value #AT_ONCE} requests released together; their answers in order. */
    private static List<Reply> atOnce(IntFunction<Reply> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> calls = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                final int n = i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return request.apply(n);
                }, threads));
            }
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static String bodies(List<Reply> replies) {
        return String.join("\n", replies.stream().map(r -> r.status() + " " + r.body()).toList());
    }
}
