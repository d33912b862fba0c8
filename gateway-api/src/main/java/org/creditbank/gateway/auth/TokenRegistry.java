package org.creditbank.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;

/**
 * Bearer tokens of one gateway instance, stored only as SHA-256 hashes in a JSON file, so a copy
 * of the file lets nobody in. Each token is bound to a role, a Fabric identity and, for learners,
 * one account. Tokens are shown once, when created.
 *
 * <pre>{@code
 * TokenRegistry tokens = TokenRegistry.open(Path.of("tokens.json"));
 * String secret = tokens.create(Role.REGISTRAR, "registrar1", null, "教务处 张老师");
 * Optional<Principal> who = tokens.authenticate(secret);
 * }</pre>
 */
public final class TokenRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One stored token: the hash of its secret and what it is bound to. */
    record Entry(String id, String sha256, Role role, String identity, String learner, String label, boolean revoked) {
    }

    private final Path file;
    private volatile List<Entry> entries;

    private TokenRegistry(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** Opens the registry at {@code file}, empty if the file does not exist yet. */
    public static TokenRegistry open(Path file) {
        try {
            List<Entry> entries = Files.exists(file)
                    ? CanonicalJson.read(Files.readString(file), new TypeReference<List<Entry>>() { })
                    : List.of();
            return new TokenRegistry(file, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
    }

    /** Creates a token and returns its secret (the only time it is ever available). */
    public synchronized String create(Role role, String identity, String learner, String label) {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("a token must be bound to a Fabric identity");
        }
        if ((role == Role.LEARNER) != (learner != null)) {
            throw new IllegalArgumentException("a learner token needs exactly one account; staff tokens none");
        }
        if (learner != null && !AccountNumber.isValid(learner)) {
            throw new IllegalArgumentException("not a valid account number: " + learner);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = sha256(token);
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(hash.substring(0, 12), hash, role, identity, learner, label, false));
        save(next);
        return token;
    }

    /** Revokes a token by its public id; returns whether one was found. */
    public synchronized boolean revoke(String id) {
        List<Entry> next = entries.stream()
                .map(e -> e.id().equals(id) ? new Entry(e.id(), e.sha256(), e.role(), e.identity(), e.learner(), e.label(), true) : e)
                .toList();
        boolean found = entries.stream().anyMatch(e -> e.id().equals(id) && !e.revoked());
        save(next);
        return found;
    }

    /** The principal of a presented secret, if it is a live token. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith("cb_")) {
            return Optional.empty();
        }
        byte[] presented = sha256(token).getBytes(StandardCharsets.US_ASCII);
        for (Entry e : entries) {
            // Constant-time comparison: the time taken reveals nothing about stored hashes.
            if (MessageDigest.isEqual(presented, e.sha256().getBytes(StandardCharsets.US_ASCII)) && !e.revoked()) {
                return Optional.of(new Principal(e.id(), e.role(), e.identity(), e.learner(), e.label()));
            }
        }
        return Optional.empty();
    }

    /** Every token as its public description (no hashes). */
    public List<String> describe() {
        return entries.stream().map(e -> e.id() + "  " + e.role() + "  identity=" + e.identity()
                + (e.learner() == null ? "" : "  learner=" + e.learner())
                + (e.label() == null ? "" : "  \"" + e.label() + "\"") + (e.revoked() ? "  REVOKED" : "")).toList();
    }

    private void save(List<Entry> next) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "tokens", ".tmp");
            Files.writeString(tmp, CanonicalJson.toJson(next));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            entries = List.copyOf(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token file " + file, e);
        }
    }

    private static String sha256(String token) {
        return CanonicalJson.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
