package org.creditbank.gateway;

import io.javalin.Javalin;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.config.GatewayConfig;
import org.creditbank.gateway.credential.CredentialService;
import org.creditbank.gateway.credential.CredentialSetup;
import org.creditbank.gateway.credential.IssuerFiles;
import org.creditbank.gateway.demand.DemandService;
import org.creditbank.gateway.http.GatewayServer;
import org.creditbank.gateway.http.Metrics;
import org.creditbank.gateway.http.Services;
import org.creditbank.gateway.importing.ImportService;
import org.creditbank.gateway.institution.InstitutionService;
import org.creditbank.gateway.learner.Activations;
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.FabricLedgerClient;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.MeteredLedgerClient;
import org.creditbank.gateway.notification.NotificationStream;
import org.creditbank.gateway.notification.Notifications;
import org.creditbank.gateway.notification.WebhookDelivery;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.points.PointsService;
import org.creditbank.gateway.qualification.QualificationService;
import org.creditbank.gateway.readmodel.BlockFeed;
import org.creditbank.gateway.readmodel.BlockSource;
import org.creditbank.gateway.readmodel.Analytics;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.gateway.readmodel.ReadModelService;
import org.creditbank.gateway.recognition.RecognitionApplications;
import org.creditbank.gateway.recognition.RecognitionService;
import org.creditbank.gateway.share.JdbcShareStore;
import org.creditbank.gateway.share.ShareService;
import org.creditbank.gateway.share.ShareStore;
import org.creditbank.gateway.teacher.TeacherService;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.gateway.wallet.WalletOffers;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.protos.common.Block;

/** Starts one institution's gateway: {@code java -jar creditbank-gateway.jar gateway.properties}. */
public final class GatewayMain {

    /** The learners' activation codes (hashes only), kept beside the token file. */
    static final String ACTIVATIONS_FILE = "activations.json";

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar creditbank-gateway.jar <gateway.properties>");
            System.exit(2);
        }
        GatewayConfig config;
        FabricLedgerClient ledger;
        PrometheusRegistry registry = new PrometheusRegistry();
        try {
            config = GatewayConfig.load(Path.of(args[0]), System.getenv());
            ledger = new FabricLedgerClient(config.fabric());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("gateway: cannot start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        ReadModelService readModel = ReadModelService.off(config.fabric().mspId());
        BlockFeed feed = null;
        if (config.readModelUrl() != null) {
            ReadModel model = ReadModel.open(config.readModelUrl());
            feed = BlockFeed.start(model, blocksOf(ledger, config.serviceIdentity()), config.fabric().chaincode());
            readModel = ReadModelService.on(model, config.fabric().mspId());
        }
        Services services = services(ledger, config, registry, readModel);
        Javalin app = GatewayServer.create(services, config.maxRequestBytes(),
                config.limits()).start(config.listenHost(), config.listenPort());
        WebhookDelivery webhook = config.webhook() == null ? null : WebhookDelivery.start(services.notifications(),
                config.webhook().url(), config.webhook().secret(), config.webhook().cursorFile(), Clock.systemUTC());
        BlockFeed started = feed;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            if (webhook != null) {
                webhook.close();
            }
            if (started != null) {
                started.close();
            }
            ledger.close();
        }));
        System.out.printf("CreditBank gateway for %s listening on http://%s:%d%n",
                config.fabric().mspId(), config.listenHost(), app.port());
    }

    /** The peer's blocks, read as the gateway's service identity (a member of the channel). */
    private static BlockSource blocksOf(FabricLedgerClient ledger, String identity) {
        return new BlockSource() {
            @Override
            public CloseableIterator<Block> blocksFrom(long firstBlock) {
                return ledger.blocks(identity, firstBlock);
            }

            @Override
            public long height() {
                return ledger.channelHeight(identity);
            }
        };
    }

    /** Wires the use cases on a ledger client; tests wire the same on an in-process ledger. */
    public static Services services(LedgerClient ledger, GatewayConfig config, PrometheusRegistry registry,
                                    ReadModelService readModel) {
        return services(ledger, TokenRegistry.open(config.tokensFile()), config.fabric().mspId(),
                config.serviceIdentity(), config.importBatchSize(), registry,
                IssuerFiles.load(config.credentials(), config.fabric().mspId(), Clock.systemUTC()),
                JdbcShareStore.open(config.sharesJdbcUrl()), readModel);
    }

    /** Wires the use cases without a read model. */
    public static Services services(LedgerClient unmetered, TokenRegistry tokens, String mspId, String serviceIdentity,
                                    int importBatchSize, PrometheusRegistry registry, CredentialSetup credentials,
                                    ShareStore shares) {
        return services(unmetered, tokens, mspId, serviceIdentity, importBatchSize, registry, credentials, shares,
                ReadModelService.off(mspId));
    }

    /**
     * Wires the use cases; every ledger call they make is counted and timed in {@code registry}.
     * The analytics routes read {@code readModel}.
     */
    public static Services services(LedgerClient unmetered, TokenRegistry tokens, String mspId, String serviceIdentity,
                                    int importBatchSize, PrometheusRegistry registry, CredentialSetup credentials,
                                    ShareStore shares, ReadModelService readModel) {
        LedgerClient ledger = readModel.seeingOwnWrites(new MeteredLedgerClient(unmetered, registry));
        OutcomeService outcomes = new OutcomeService(ledger);
        LearnerService learners = new LearnerService(ledger);
        VerificationService verification = new VerificationService(ledger, serviceIdentity);
        RecognitionService recognitions = new RecognitionService(ledger);
        Notifications notifications = new Notifications(readModel);
        CredentialService credentialService = new CredentialService(ledger, outcomes, recognitions, learners,
                serviceIdentity, mspId, credentials, verification);
        Analytics analytics = readModel.analytics();
        return new Services(tokens, outcomes, recognitions, new RecognitionApplications(ledger), new PointsService(ledger),
                new DemandService(ledger, mspId, analytics.indicators()),
                new TeacherService(ledger, analytics.teachers(), credentials.clock()), learners,
                verification, new InstitutionService(ledger, mspId), new ImportService(outcomes, importBatchSize),
                credentialService, new WalletOffers(credentialService, credentials.publicBaseUrl(), credentials.clock()),
                new ShareService(shares, credentialService, outcomes, recognitions, serviceIdentity,
                        credentials.publicBaseUrl(), credentials.clock()),
                readModel, notifications, new NotificationStream(notifications), new Metrics(registry),
                new QualificationService(ledger),
                new Activations(tokens.file().resolveSibling(ACTIVATIONS_FILE), ledger, tokens, serviceIdentity,
                        credentials.publicBaseUrl(), credentials.clock()));
    }
}
