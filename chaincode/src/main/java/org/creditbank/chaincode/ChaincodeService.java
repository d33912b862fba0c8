package org.creditbank.chaincode;

import java.util.logging.Logger;
import org.creditbank.chaincode.state.StateMessages;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * The chaincode jar's entry point: the Fabric contract router, run as a chaincode service (the
 * peer dials it at {@code CHAINCODE_SERVER_ADDRESS}; peers here have no Docker to launch it).
 *
 * <p>Why not {@code ContractRouter.main}: with TLS on ({@code CORE_PEER_TLS_ENABLED=true}) the
 * shim's server encrypts but accepts any client. Each institution runs its own chaincode service
 * that only its own peer may call, so here the server also requires a client certificate issued
 * by the CA in {@code CORE_PEER_TLS_ROOTCERT_FILE}: the organisation's TLS CA, whose certificate
 * the peer presents (mutual TLS). The server's own key pair is {@code CORE_TLS_CLIENT_KEY_FILE} and
 * {@code CORE_TLS_CLIENT_CERT_FILE} (PEM), as the shim names them.
 */
public final class ChaincodeService {

    private static final Logger LOG = Logger.getLogger(ChaincodeService.class.getName());

    private ChaincodeService() {
    }

    public static void main(String[] args) throws Exception {
        // Refuses a mistyped CREDITBANK_STATE_BATCHING before the peer sends any transaction.
        LOG.info(StateMessages.describe());
        ContractRouter router = new ContractRouter(args);
        if (!router.isServer()) {
            throw new IllegalStateException("CHAINCODE_SERVER_ADDRESS is not set: CreditBank's chaincode runs as a chaincode service");
        }
        ChaincodeServerProperties server = router.getChaincodeServerConfig();
        if (server.isTlsEnabled()) {
            server.setTrustCertCollectionFile(System.getenv("CORE_PEER_TLS_ROOTCERT_FILE"));
        }
        router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, server));
    }
}
