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
import org.creditbank.gateway.learner.LearnerService;
import org.creditbank.gateway.ledger.FabricLedgerClient;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.gateway.ledger.MeteredLedgerClient;
import org.creditbank.gateway.outcome.OutcomeService;
import org.creditbank.gateway.points.PointsService;
import org.creditbank.gateway.readmodel.ReadModel;
import org.creditbank.gateway.recognition.RecognitionService;
import org.creditbank.gateway.teacher.TeacherService;
import org.creditbank.gateway.verification.VerificationService;
import org.creditbank.gateway.wallet.WalletOffers;

/** Starts one institution's gateway: {@code java -jar creditbank-gateway.jar gateway.properties}. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar creditbank-gateway.jar <gateway.properties>");
            System.exit(2);
        }
        GatewayConfig config;
        LedgerClient ledger;
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
        Javalin app = GatewayServer.create(services(ledger, config, registry), config.maxRequestBytes(), config.limits())
                .start(config.listenHost(), config.listenPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            ledger.close();
        }));
        System.out.printf("CreditBank gateway for %s listening on http://%s:%d%n",
                config.fabric().mspId(), config.listenHost(), app.port());
    }

    /** Wires the use cases on a ledger client; tests wire the same on an in-process ledger. */
    public static Services services(LedgerClient ledger, GatewayConfig config, PrometheusRegistry registry) {
        return services(ledger, TokenRegistry.open(config.tokensFile()), config.fabric().mspId(),
                config.serviceIdentity(), config.importBatchSize(), registry,
                IssuerFiles.load(config.credentials(), config.fabric().mspId(), Clock.systemUTC()), ReadModel.NOT_CONFIGURED);
    }

    /**
     * Wires the use cases; every ledger call they make is counted and timed in {@code registry}.
     * The analytics routes read {@code readModel}.
     */
    public static Services services(LedgerClient unmetered, TokenRegistry tokens, String mspId, String serviceIdentity,
                                    int importBatchSize, PrometheusRegistry registry, CredentialSetup credentials,
                                    ReadModel readModel) {
        LedgerClient ledger = new MeteredLedgerClient(unmetered, registry);
        OutcomeService outcomes = new OutcomeService(ledger);
        LearnerService learners = new LearnerService(ledger);
        VerificationService verification = new VerificationService(ledger, serviceIdentity);
        RecognitionService recognitions = new RecognitionService(ledger);
        CredentialService credentialService = new CredentialService(ledger, outcomes, recognitions, learners,
                serviceIdentity, mspId, credentials, verification);
        return new Services(tokens, outcomes, recognitions, new PointsService(ledger),
                new DemandService(ledger, mspId, readModel.indicators()),
                new TeacherService(ledger, readModel.teachers(), credentials.clock()), learners,
                verification, new InstitutionService(ledger, mspId), new ImportService(outcomes, importBatchSize),
                credentialService, new WalletOffers(credentialService, credentials.publicBaseUrl(), credentials.clock()),
                new Metrics(registry));
    }
}
