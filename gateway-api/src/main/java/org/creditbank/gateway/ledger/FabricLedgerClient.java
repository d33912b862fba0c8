package org.creditbank.gateway.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.creditbank.model.RefusalBody;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * {@link LedgerClient} on the Fabric Gateway SDK. One gRPC connection to the institution's peer
 * is shared by every user; each user's calls are signed with that user's own identity from the
 * wallet. Submits are made safe to repeat:
 * <ul>
 *   <li>a transaction that lost a race with a concurrent one for the same keys re-runs as a whole
 *       (new endorsement, which sees the winner's writes) after a jittered, growing back-off, at
 *       most {@code maxAttempts} times. Losing shows as an MVCC or phantom read conflict, as an
 *       endorsement policy failure (the winner, earlier in the same block, set the key's
 *       endorsement policy: Fabric then invalidates later writers of that key), or, before
 *       ordering, as endorsers that answered differently because the winner committed between
 *       them. Each of these wrote nothing, so re-running cannot duplicate anything;</li>
 *   <li>a transaction that would write nothing (a retry that finds its record) is not sent to the
 *       orderer: its endorsement was made on committed state and is the answer;</li>
 *   <li>when it is unknown whether a transaction was ordered (the orderer did not answer in
 *       time, or the wait for its commit status timed out), a {@link LedgerCall#repeatable()}
 *       call runs again: if the first run committed, the second finds its record and writes
 *       nothing. Any other call never re-submits: it asks for the status of the <em>same</em>
 *       transaction again, since re-endorsing would create a second transaction.</li>
 * </ul>
 */
public final class FabricLedgerClient implements LedgerClient {

    private static final int STATUS_CHECKS = 3;
    /**
     * How long a repeatable call waits for its commit status before running again. Blocks are cut
     * within BatchTimeout (2 s) while the orderers work; a transaction with no status after this
     * was most likely in a crashed Raft leader's memory, and running again is harmless.
     */
    private static final Duration REPEATABLE_STATUS_WAIT = Duration.ofSeconds(15);
    /** Validation codes of a transaction that lost a race with a concurrent one and wrote nothing. */
    private static final Set<TxValidationCode> LOST_RACE = EnumSet.of(TxValidationCode.MVCC_READ_CONFLICT,
            TxValidationCode.PHANTOM_READ_CONFLICT, TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    private static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    private final FabricSettings settings;
    private final ManagedChannel channel;
    private final Map<String, Gateway> gateways = new ConcurrentHashMap<>();

    public FabricLedgerClient(FabricSettings settings) throws IOException {
        this.settings = settings;
        // Same message limit as the peer's (100 MiB): gRPC's 4 MiB default cut off large query answers.
        this.channel = PeerChannel.open(settings, MAX_MESSAGE_BYTES);
    }

    @Override
    public LedgerResult submit(String identity, LedgerCall call) {
        Contract contract = contract(identity);
        for (int attempt = 1; ; attempt++) {
            SubmittedTransaction submitted;
            try {
                Transaction endorsed = contract.newProposal(call.function())
                        .addArguments(call.args().toArray(String[]::new))
                        .putAllTransient(call.transientData())
                        .build()
                        .endorse();
                if (!EndorsedWrites.changeAnything(endorsed.getBytes())) {
                    return LedgerResult.unchanged(new String(endorsed.getResult(), StandardCharsets.UTF_8));
                }
                submitted = endorsed.submitAsync();
            } catch (EndorseException e) {
                if (endorsersDisagreed(e) && attempt < settings.maxAttempts()) {
                    backOff(attempt);
                    continue;
                }
                throw translate(e);
            } catch (GatewayException e) {
                LedgerException failure = translate(e);
                if (mayRunAgain(call, failure, attempt)) {
                    backOff(attempt);
                    continue;
                }
                throw failure;
            }
            org.hyperledger.fabric.client.Status status;
            try {
                status = call.repeatable()
                        ? awaitStatus(submitted, 1, min(REPEATABLE_STATUS_WAIT, settings.commitStatusTimeout()))
                        : awaitStatus(submitted, STATUS_CHECKS, settings.commitStatusTimeout());
            } catch (LedgerException e) {
                if (mayRunAgain(call, e, attempt)) {
                    backOff(attempt);
                    continue;
                }
                throw e;
            }
            if (status.isSuccessful()) {
                return LedgerResult.committed(new String(submitted.getResult(), StandardCharsets.UTF_8),
                        status.getTransactionId(), status.getBlockNumber());
            }
            if (!LOST_RACE.contains(status.getCode())) {
                throw new LedgerException(LedgerException.Kind.INVALIDATED, "transaction " + status.getTransactionId()
                        + " was invalidated: " + status.getCode(), null, null);
            }
            if (attempt >= settings.maxAttempts()) {
                throw new LedgerException(LedgerException.Kind.CONFLICT_RETRIES_EXHAUSTED,
                        "still conflicting after " + attempt + " attempts", null, null);
            }
            backOff(attempt);
        }
    }

    /**
     * The endorsing peers ran the proposal on different states (one had committed a concurrent
     * transaction, the other not yet), so the gateway could not assemble one transaction.
     */
    private static boolean endorsersDisagreed(EndorseException e) {
        return e.getDetails().stream().anyMatch(d -> d.getMessage().contains("ProposalResponsePayloads do not match"))
                && RefusalBody.find(String.valueOf(e.getMessage())).isEmpty();
    }

    /** A repeatable call whose first run may or may not have been ordered runs again. */
    private boolean mayRunAgain(LedgerCall call, LedgerException failure, int attempt) {
        boolean unknown = failure.kind() == LedgerException.Kind.TIMEOUT || failure.kind() == LedgerException.Kind.UNAVAILABLE
                || failure.kind() == LedgerException.Kind.SUBMIT_FAILED;
        return call.repeatable() && unknown && attempt < settings.maxAttempts();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private org.hyperledger.fabric.client.Status awaitStatus(SubmittedTransaction submitted, int checks, Duration wait) {
        for (int check = 1; ; check++) {
            try {
                return submitted.getStatus(CallOption.deadlineAfter(wait.toMillis(), TimeUnit.MILLISECONDS));
            } catch (CommitStatusException e) {
                Status.Code code = e.getStatus().getCode();
                if (code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.UNAVAILABLE || check >= checks) {
                    throw new LedgerException(LedgerException.Kind.TIMEOUT, "the status of transaction "
                            + submitted.getTransactionId() + " is unknown; ask again before resubmitting", null, e);
                }
            }
        }
    }

    @Override
    public String evaluate(String identity, LedgerCall call) {
        try {
            byte[] result = contract(identity).newProposal(call.function())
                    .addArguments(call.args().toArray(String[]::new))
                    .putAllTransient(call.transientData())
                    .build()
                    .evaluate();
            return new String(result, StandardCharsets.UTF_8);
        } catch (GatewayException e) {
            throw translate(e);
        }
    }

    @Override
    public Simulation simulate(String identity, LedgerCall call) {
        try {
            Proposal proposal = contract(identity).newProposal(call.function())
                    .addArguments(call.args().toArray(String[]::new))
                    .putAllTransient(call.transientData())
                    .build();
            return new Simulation(new String(proposal.evaluate(), StandardCharsets.UTF_8), proposal.getTransactionId());
        } catch (GatewayException e) {
            throw translate(e);
        }
    }

    /**
     * The channel's committed blocks from {@code firstBlock} on, as {@code identity} may read them,
     * waiting for each new one (the read model's feed); closing the iterator ends the stream.
     */
    public CloseableIterator<Block> blocks(String identity, long firstBlock) {
        return network(identity).newBlockEventsRequest().startBlock(firstBlock).build().getEvents();
    }

    /** How many blocks the channel has, from the peer's query system chaincode (qscc GetChainInfo). */
    public long channelHeight(String identity) {
        try {
            byte[] info = network(identity).getContract("qscc").evaluateTransaction("GetChainInfo", settings.channel());
            return BlockchainInfo.parseFrom(info).getHeight();
        } catch (GatewayException e) {
            throw translate(e);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("qscc GetChainInfo answered no BlockchainInfo", e);
        }
    }

    private Network network(String identity) {
        return gateways.computeIfAbsent(identity, this::connect).getNetwork(settings.channel());
    }

    private Contract contract(String identity) {
        return gateways.computeIfAbsent(identity, this::connect)
                .getNetwork(settings.channel()).getContract(settings.chaincode());
    }

    private Gateway connect(String identity) {
        Path dir = settings.wallet().resolve(identity);
        try (Reader cert = Files.newBufferedReader(dir.resolve("cert.pem"));
             Reader key = Files.newBufferedReader(dir.resolve("key.pem"))) {
            return Gateway.newInstance()
                    .identity(new X509Identity(settings.mspId(), Identities.readX509Certificate(cert)))
                    .signer(FabricSigners.of(Identities.readPrivateKey(key)))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(CallOption.deadlineAfter(settings.evaluateTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .endorseOptions(CallOption.deadlineAfter(settings.endorseTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .submitOptions(CallOption.deadlineAfter(settings.submitTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .connect();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load Fabric identity '" + identity + "' from " + dir, e);
        }
    }

    /**
     * Maps an SDK failure before commit (endorsement, submission to the orderer, or evaluation) to
     * what the caller should hear; the chaincode's refusal wins when there is one. Otherwise it says
     * what happened: no peer reachable, a deadline, the orderer refusing, or the peers not
     * endorsing. Only a commit status says a transaction was invalidated; that is decided in
     * {@link #submit}, never here.
     */
    static LedgerException translate(GatewayException e) {
        Stream<String> texts = Stream.concat(Stream.of(e.getMessage()), e.getDetails().stream().map(d -> d.getMessage()));
        var refusal = texts.map(RefusalBody::find).flatMap(java.util.Optional::stream).findFirst();
        if (refusal.isPresent()) {
            return LedgerException.refused(refusal.get(), e);
        }
        return switch (e.getStatus().getCode()) {
            case UNAVAILABLE -> new LedgerException(LedgerException.Kind.UNAVAILABLE, "no peer is reachable", null, e);
            case DEADLINE_EXCEEDED -> new LedgerException(LedgerException.Kind.TIMEOUT, "the peer did not answer in time", null, e);
            default -> e instanceof SubmitException
                    ? new LedgerException(LedgerException.Kind.SUBMIT_FAILED, "the orderer did not accept the"
                            + " transaction, so nothing was written: " + detail(e), null, e)
                    : new LedgerException(LedgerException.Kind.ENDORSEMENT_FAILED, "the peers did not endorse the"
                            + " call, so nothing was written: " + detail(e), null, e);
        };
    }

    /** The SDK's message with each organisation's peer's own, which says what actually failed. */
    private static String detail(GatewayException e) {
        return Stream.concat(Stream.of(String.valueOf(e.getMessage())),
                e.getDetails().stream().map(d -> d.getMspId() + ": " + d.getMessage()))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private void backOff(int attempt) {
        long base = settings.backoffBase().toMillis() << Math.min(attempt - 1, 6);
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
        try {
            Thread.sleep(jittered);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerException.Kind.TIMEOUT, "interrupted while retrying", null, e);
        }
    }

    @Override
    public void close() {
        gateways.values().forEach(Gateway::close);
        channel.shutdownNow();
    }
}
