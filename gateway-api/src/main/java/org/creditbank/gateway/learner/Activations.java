package org.creditbank.gateway.learner;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.auth.Principal;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.ledger.LedgerCall;
import org.creditbank.gateway.ledger.LedgerClient;
import org.creditbank.model.ErrorCode;
import org.creditbank.model.Violation;
import org.creditbank.model.json.CanonicalJson;
import org.creditbank.model.learner.AccountNumber;

/**
 * How a learner signs in without an administrator: a registrar asks for an activation code for a
 * learner's account and hands it over (on paper, by SMS, as a QR code of its link); the learner
 * redeems it once, on the gateway's {@code /activate} page, for their own LEARNER token bound to
 * that account. The code is one-time and expires after {@link #LIFETIME}; a new code for the same
 * account voids the one before, so an account has at most one live code. Codes are stored only as
 * SHA-256 hashes, in a JSON file in the gateway's data directory (beside its token file), so they
 * survive a restart and a copy of the file redeems nothing.
 *
 * <p><b>Why a short code cannot be guessed.</b> A code is {@value #CODE_LENGTH} characters of
 * Crockford's base 32 (no I, L, O, U: nothing to misread), 32^16 = 2^80 ≈ 1.2·10^24 codes. Failed
 * redemptions are limited to {@value #FAILURES_PER_CLIENT} per client address per
 * {@link #CLIENT_WINDOW} and to {@value #FAILURES_PER_GATEWAY} per {@link #GATEWAY_WINDOW} for the
 * whole gateway, whatever the number of addresses an attacker has. So in a code's 7-day life at
 * most 24 × 7 × 1,000 = 168,000 guesses are tried; even with a million live codes the chance that
 * any guess hits one is 168,000 × 10^6 / 1.2·10^24 ≈ 1.4·10^-13. Offline, from a stolen file, each
 * guess costs a SHA-256, and 2^80 of them are out of reach for anyone. While the gateway-wide
 * budget is spent, honest learners wait too (429 with Retry-After), which is the price of that
 * bound; a code itself does not expire sooner for it.
 */
public final class Activations {

    /** How long a code can be redeemed after it was made. */
    public static final Duration LIFETIME = Duration.ofDays(7);
    /** Characters of a code, before the dashes that group it in fours for reading aloud. */
    public static final int CODE_LENGTH = 16;
    static final int FAILURES_PER_CLIENT = 10;
    static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_GATEWAY = 1_000;
    static final Duration GATEWAY_WINDOW = Duration.ofHours(1);
    /** The page a code's link opens; the code travels in the fragment, which no server or proxy log sees. */
    public static final String PAGE = "/activate";

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    /** One code as stored: its hash, the account, who made it, when it expires, and its use. */
    record Entry(String sha256, String accountNo, String createdBy, String createdAt, String expiresAt,
                 String usedAt, String tokenId) {

        boolean live(Instant now) {
            return usedAt == null && now.isBefore(Instant.parse(expiresAt));
        }
    }

    /** A new code, shown to the registrar once: as typed, and as a link short enough for a QR code or SMS. */
    public record Issued(String accountNo, String code, String link, String expiresAt) {
    }

    /** What the learner gets for a code: their token (shown once) and the account it is bound to. */
    public record SignIn(String token, String tokenId, String accountNo) {
    }

    /** Failed redemptions counted in fixed windows. */
    private static final class Window {
        private final Instant start;
        private int failures;

        Window(Instant start) {
            this.start = start;
        }
    }

    private final Path file;
    private final LedgerClient ledger;
    private final TokenRegistry tokens;
    private final String learnerIdentity;
    private final String publicBaseUrl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Window> clientFailures = new HashMap<>();
    private Window gatewayFailures;
    private List<Entry> entries;

    /**
     * @param file            where the hashes are kept (created when the first code is made)
     * @param learnerIdentity the Fabric identity learner tokens read with (the gateway's own, read-only one)
     */
    public Activations(Path file, LedgerClient ledger, TokenRegistry tokens, String learnerIdentity, String publicBaseUrl,
                       Clock clock) {
        this.file = file;
        this.ledger = ledger;
        this.tokens = tokens;
        this.learnerIdentity = learnerIdentity;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
        this.entries = read(file);
        this.gatewayFailures = new Window(clock.instant());
    }

    /**
     * A new code for an existing account (any member's learner: the token it leads to reads no more
     * than the registrar can). Voids the account's earlier unused code.
     */
    public Issued create(Principal registrar, String accountNo) {
        if (!AccountNumber.isValid(accountNo)) {
            throw ApiException.of(new Violation(ErrorCode.INVALID_FIELD, "accountNo",
                    "accountNo is not a valid credit-bank account number"));
        }
        ledger.evaluate(registrar.identity(), LedgerCall.of("learner:getAccount", accountNo)); // ACCOUNT_NOT_FOUND
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        synchronized (this) {
            List<Entry> next = new ArrayList<>();
            for (Entry e : entries) {
                if (Instant.parse(e.expiresAt()).plus(LIFETIME).isBefore(now)) {
                    continue; // long dead: forgotten
                }
                next.add(e.accountNo().equals(accountNo) && e.live(now) ? withUse(e, now, null) : e);
            }
            next.add(new Entry(hash(code.toString()), accountNo, registrar.tokenId(), now.toString(), expires.toString(),
                    null, null));
            save(next);
        }
        return new Issued(accountNo, grouped(code.toString()), publicBaseUrl + PAGE + "#" + code, expires.toString());
    }

    /**
     * Redeems a code for a new LEARNER token. An unknown, used or expired code is refused alike
     * ({@code ACTIVATION_NOT_VALID}), so a refusal tells a guesser nothing; each refusal counts
     * against {@code client} and the gateway, and over budget nothing is compared at all.
     */
    public synchronized SignIn redeem(String code, String client) {
        Instant now = clock.instant();
        Window mine = window(clientFailures.get(client), CLIENT_WINDOW, now);
        gatewayFailures = window(gatewayFailures, GATEWAY_WINDOW, now);
        refuseIfSpent(mine, FAILURES_PER_CLIENT, CLIENT_WINDOW, now);
        refuseIfSpent(gatewayFailures, FAILURES_PER_GATEWAY, GATEWAY_WINDOW, now);
        String normal = normalise(code);
        Optional<Entry> found = normal == null ? Optional.empty()
                : entries.stream().filter(e -> e.sha256().equals(hash(normal))).findFirst();
        if (found.isEmpty() || !found.get().live(now)) {
            mine.failures++;
            gatewayFailures.failures++;
            if (clientFailures.size() >= MAX_TRACKED_CLIENTS) {
                clientFailures.values().removeIf(w -> !w.start.plus(CLIENT_WINDOW).isAfter(now));
            }
            clientFailures.put(client, mine);
            throw new ApiException(ErrorCode.ACTIVATION_NOT_VALID, "this activation code is unknown, already used or "
                    + "expired; ask your institution for a new one");
        }
        String spent = found.get().sha256();
        String accountNo = found.get().accountNo();
        // Spent before the token exists: a failure in between loses a code, never makes two tokens.
        save(entries.stream().map(x -> x.sha256().equals(spent) ? withUse(x, now, null) : x).toList());
        String secret = tokens.create(TokenRole.LEARNER, learnerIdentity, accountNo,
                "learner, activated " + now.toString().substring(0, 10));
        String tokenId = tokens.authenticate(secret).map(Principal::tokenId).orElseThrow();
        save(entries.stream().map(x -> x.sha256().equals(spent) ? withUse(x, now, tokenId) : x).toList());
        return new SignIn(secret, tokenId, accountNo);
    }

    private static Entry withUse(Entry e, Instant usedAt, String tokenId) {
        return new Entry(e.sha256(), e.accountNo(), e.createdBy(), e.createdAt(), e.expiresAt(), usedAt.toString(), tokenId);
    }

    private static Window window(Window w, Duration length, Instant now) {
        return w == null || !w.start.plus(length).isAfter(now) ? new Window(now) : w;
    }

    private static void refuseIfSpent(Window w, int budget, Duration length, Instant now) {
        if (w.failures >= budget) {
            int seconds = (int) Math.max(1, Duration.between(now, w.start.plus(length)).toSeconds());
            throw new ApiException(ErrorCode.RATE_LIMITED, "too many wrong activation codes; try again in " + seconds
                    + " s", List.of(), seconds, null);
        }
    }

    /**
     * The code as the learner may type it: any case, with dashes or spaces, and O for 0 or I/L for 1
     * as Crockford's base 32 allows; null when it cannot be a code at all.
     */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1')
                .replace('L', '1');
        if (s.length() != CODE_LENGTH || s.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return null;
        }
        return s;
    }

    private static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    private static String hash(String code) {
        return CanonicalJson.sha256Hex(code.getBytes(StandardCharsets.US_ASCII));
    }

    /** Replaces the file atomically, so that a crash leaves the old or the new list, never half of one. */
    private void save(List<Entry> next) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, "activations", ".tmp");
            Files.writeString(tmp, CanonicalJson.toJson(next));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            entries = List.copyOf(next);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write activation file " + file, e);
        }
    }

    private static List<Entry> read(Path file) {
        try {
            return List.copyOf(CanonicalJson.read(Files.readString(file), new TypeReference<List<Entry>>() { }));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read activation file " + file, e);
        }
    }
}
