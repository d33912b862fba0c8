package org.creditbank.gateway.auth;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Creates, revokes and lists gateway tokens from the command line:
 * <pre>
 * java -cp creditbank-gateway.jar org.creditbank.gateway.auth.TokenCommand create --file tokens.json \
 *      --role registrar --identity registrar1 --label "教务处 张老师"
 * ... revoke --file tokens.json --id 3f2a9c0d1e4b
 * ... list --file tokens.json
 * </pre>
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            return usage();
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                return usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        if (!opts.containsKey("file")) {
            return usage();
        }
        TokenRegistry tokens = TokenRegistry.open(Path.of(opts.get("file")));
        try {
            switch (args[0]) {
                case "create" -> {
                    TokenRole role = TokenRole.valueOf(opts.getOrDefault("role", "").toUpperCase(Locale.ROOT));
                    String secret = tokens.create(role, opts.get("identity"), opts.get("learner"), opts.get("label"));
                    System.out.println(secret);
                    System.err.println("Token created. It is shown only now: hand it over securely.");
                }
                case "revoke" -> {
                    if (!tokens.revoke(opts.get("id"))) {
                        System.err.println("no live token with id " + opts.get("id"));
                        return 1;
                    }
                    System.err.println("revoked " + opts.get("id"));
                }
                case "list" -> tokens.describe().forEach(System.out::println);
                default -> {
                    return usage();
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static int usage() {
        System.err.println("usage: TokenCommand create --file F --role registrar|verifier|learner --identity NAME"
                + " [--learner ACCOUNT] [--label TEXT]\n       TokenCommand revoke --file F --id ID\n"
                + "       TokenCommand list --file F");
        return 2;
    }
}
