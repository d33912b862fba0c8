package org.creditbank.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The offline verifier of another build (a {@code creditbank-verify.jar}, e.g. of the commit before
 * a change), loaded in its own class loader next to the current one, so old and new code are
 * measured in the same JVM and the same run: on a shared 2-core machine only such a ratio means much.
 */
final class JarVerifier {

    private final ClassLoader loader;
    private final Object verifier;
    private final Method verify;
    private final Method valid;

    JarVerifier(Path jar, Map<String, List<X509Certificate>> trust) throws Exception {
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> bundle = loader.loadClass("org.creditbank.credentials.TrustBundle");
        Class<?> type = loader.loadClass("org.creditbank.credentials.CredentialVerifier");
        verifier = type.getConstructor(bundle).newInstance(bundle.getConstructor(Map.class).newInstance(trust));
        verify = type.getMethod("verify", String.class, List.class, Instant.class);
        valid = loader.loadClass("org.creditbank.credentials.VerificationReport").getMethod("valid");
    }

    /** Runs with the jar's class loader as context loader: the JSON providers are found through it. */
    boolean valid(String credential, Instant at) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (Boolean) valid.invoke(verify.invoke(verifier, credential, List.of(), at));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
