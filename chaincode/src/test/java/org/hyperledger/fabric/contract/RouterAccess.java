package org.hyperledger.fabric.contract;

import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.traces.Traces;


/**
 * Opens the real {@link ContractRouter} to tests: its contract scan is package-private, so this
 * one class lives in the router's package. Tests then dispatch "contract:function" with string
 * arguments exactly as a peer does.
 */
public final class RouterAccess {

    private RouterAccess() {
    }

    private static ContractRouter router;

    /** One router per test JVM: scanning the class path for contracts takes seconds. */
    public static synchronized ContractRouter router() {
        if (router == null) {
            // The shim's invocation task opens a trace span per transaction: no tracing in tests.
            Traces.initialize(new Properties());
            router = new ContractRouter(new String[] {"--id", "creditbank:test"});
            router.findAllContracts();
            // The shim logs every refusal with its stack trace; tests assert on responses instead.
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setLevel(Level.OFF);
            }
        }
        return router;
    }
}
