package org.creditbank.gateway.auth;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens of one gateway instance, stored only as SHA-256 hashes in a JSON file, so a copy
 * of the file lets nobody in. Each token is bound to a role, a Fabric identity and, for learners,
 * one account. Tokens are shown once, when created.
 *
 * <p>Tokens are created and revoked by {@link TokenCommand}, another process, while the gateway
 * runs. So the gateway looks at the file's size, modification time and file key (an atomic replace
 * gives a new one) at most once per {@link #RELOAD_INTERVAL}, on authentication, and reads it again
 * when any of them changed: a revoked token stops working, and a new one starts, within about a
 * second, without a restart. A file that cannot be read or is not a valid token list (half written
 * by hand, deleted) never replaces the last good list: the gateway keeps that list and logs why,
 * so a broken file neither lets a revoked token back in nor locks everyone out.
 *
 * <pre>{@code
 * TokenRegistry tokens = TokenRegistry.open(Path.of("tokens.json"));
 * String secret = tokens.create(TokenRole.REGISTRAR, "registrar1", null, "教务处 张老师");
 * Optional<Principal> who = tokens.authenticate(secret);
 * }</pre>
 */
public final class TokenRegistry {

    /** How often, at most, authentication looks whether the file changed. */
    public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(TokenRegistry.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One stored token: the hash of its secret and what it is bound to. */
    record Entry(String id, String sha256, TokenRole role, String identity, String learner, String label, boolean revoked) {

        boolean complete() {
            return id != null && sha256 != null && role != null && identity != null;
        }
    }

    /** What identifies one version of the file without reading it; {@code null} fields when it is missing. */
    private record Stamp(FileTime modified, long size, Object fileKey) {

        static final Stamp MISSING = new Stamp(null, -1, null);
    }

    /** The tokens in force and the version of the file they were read from. */
    private record Loaded(List<Entry> entries, Stamp stamp) {
    }

    private final Path file;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Loaded loaded;
    private volatile long nextCheckNanos;

    private TokenRegistry(Path file, Loaded loaded) {
        this.file = file;
        this.loaded = loaded;
        this.nextCheckNanos = System.nanoTime() + RELOAD_INTERVAL.toNanos();
    }

    /** Opens the registry at {@code file}, empty if the file does not exist yet; refuses a corrupt file. */
    public static TokenRegistry open(Path file) {
        Stamp stamp = stamp(file);
        return new TokenRegistry(file, new Loaded(read(file), stamp));
    }

    /** The token file; the gateway keeps its other small state files beside it (its data directory). */
    public Path file() {
        return file;
    }

    /** Creates a token and returns its secret (the only time it is ever available). */
    public String create(TokenRole role, String identity, String learner, String label) {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("a token must be bound to a Fabric identity");
        }
        if ((role == TokenRole.LEARNER) != (learner != null)) {
            throw new IllegalArgumentException("a learner token needs exactly one account; staff tokens none");
        }
        if (learner != null && !AccountNumber.isValid(learner)) {
            throw new IllegalArgumentException("not a valid account number: " + learner);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = sha256(token);
        update(entries -> {
            List<Entry> next = new ArrayList<>(entries);
            next.add(new Entry(hash.substring(0, 12), hash, role, identity, learner, label, false));
            return next;
        });
        return token;
    }

    /** Revokes a token by its public id; returns whether one was found. */
    public boolean revoke(String id) {
        boolean[] found = {false};
        update(entries -> {
            found[0] = entries.stream().anyMatch(e -> e.id().equals(id) && !e.revoked());
            return entries.stream()
                    .map(e -> e.id().equals(id) ? new Entry(e.id(), e.sha256(), e.role(), e.identity(), e.learner(), e.label(), true) : e)
                    .toList();
        });
        return found[0];
    }

    /** The principal of a presented secret, if it is a live token. */
    public Optional<Principal> authenticate(String token) {
        reloadIfChanged();
        if (token == null || !token.startsWith("cb_")) {
            return Optional.empty();
        }
        byte[] presented = sha256(token).getBytes(StandardCharsets.US_ASCII);
        for (Entry e : loaded.entries()) {
            // Constant-time comparison: the time taken reveals nothing about stored hashes.
            if (MessageDigest.isEqual(presented, e.sha256().getBytes(StandardCharsets.US_ASCII)) && !e.revoked()) {
                return Optional.of(new Principal(e.id(), e.role(), e.identity(), e.learner(), e.label()));
            }
        }
        return Optional.empty();
    }

    /** Every token as its public description (no hashes). */
    public List<String> describe() {
        return loaded.entries().stream().map(e -> e.id() + "  " + e.role() + "  identity=" + e.identity()
                + (e.learner() == null ? "" : "  learner=" + e.learner())
                + (e.label() == null ? "" : "  \"" + e.label() + "\"") + (e.revoked() ? "  REVOKED" : "")).toList();
    }

    /**
     * Reads the file again if it changed since it was last read, at most once per interval and by
     * one thread at a time (the others go on with the tokens they have).
     */
    private void reloadIfChanged() {
        long now = System.nanoTime();
        if (now - nextCheckNanos < 0 || !reloading.tryLock()) {
            return;
        }
        try {
            nextCheckNanos = now + RELOAD_INTERVAL.toNanos();
            // The stamp is taken before reading: a replace in between is seen at the next check.
            Stamp stamp = stamp(file);
            Loaded last = loaded;
            if (stamp.equals(last.stamp())) {
                return;
            }
            try {
                if (stamp.equals(Stamp.MISSING)) {
                    throw new IOException("the file is missing");
                }
                List<Entry> entries = read(file);
                loaded = new Loaded(entries, stamp);
                LOG.info("token file {} changed: {} tokens, {} live", file, entries.size(),
                        entries.stream().filter(e -> !e.revoked()).count());
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                // Remember the broken version so that it is logged once, not on every check.
                loaded = new Loaded(last.entries(), stamp);
                LOG.warn("token file {} cannot be used ({}); keeping the {} tokens read before", file,
                        e.getMessage(), last.entries().size());
            }
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Changes the file under an exclusive lock (of a sidecar file, so two commands at once do not
     * lose each other's change), starting from what is in the file now, and replaces it atomically
     * so that a reader never sees it half written.
     */
    private void update(UnaryOperator<List<Entry>> change) {
        Path parent = file.toAbsolutePath().getParent();
        // Not while this instance reloads: that could put back what it read before this change.
        reloading.lock();
        try {
            Files.createDirectories(parent);
            try (FileChannel lockFile = FileChannel.open(parent.resolve(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.lock()) {
                List<Entry> next = List.copyOf(change.apply(read(file)));
                Path tmp = Files.createTempFile(parent, "tokens", ".tmp");
                Files.writeString(tmp, CanonicalJson.toJson(next));
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                loaded = new Loaded(next, stamp(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token file " + file, e);
        } finally {
            reloading.unlock();
        }
    }

    /** The tokens in the file; none when it does not exist; refused when it is not a complete token list. */
    private static List<Entry> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + file, e);
        }
        List<Entry> entries;
        try {
            entries = CanonicalJson.read(text, new TypeReference<List<Entry>>() { });
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("token file " + file + " is not a token list: " + e.getMessage(), e);
        }
        if (entries == null || entries.stream().anyMatch(e -> e == null || !e.complete())) {
            throw new IllegalArgumentException("token file " + file + " has an incomplete entry");
        }
        return List.copyOf(entries);
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
        } catch (IOException e) {
            return Stamp.MISSING;
        }
    }

    private static String sha256(String token) {
        return CanonicalJson.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
