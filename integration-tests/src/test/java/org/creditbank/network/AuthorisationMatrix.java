package org.creditbank.network;

import static org.creditbank.model.ErrorCode.INSTITUTION_TYPE_NOT_ALLOWED;
import static org.creditbank.model.ErrorCode.NOT_FOUND;
import static org.creditbank.model.ErrorCode.ORG_NOT_ALLOWED;
import static org.creditbank.model.ErrorCode.ROLE_NOT_ALLOWED;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.creditbank.chaincode.institution.InstitutionContract;
import org.creditbank.model.ErrorCode;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.junit.jupiter.api.DynamicTest;

/**
 * The authorisation specification of the chaincode, written once as data: for every chaincode
 * function and every kind of caller, whether the chaincode lets the call through or which refusal
 * code it answers. Derived from the {@code Caller} checks of the contracts; {@link
 * AuthorisationMatrixTest} proves it on the contracts in memory and keeps docs/authorisation.md
 * equal to it, {@link AuthorisationMatrixIT} proves every cell on the real network.
 *
 * <p>"Own organisation" is the college: it owns the records, rules, qualification and personal
 * data the cells act on. The other organisation is the university, another school.
 */
final class AuthorisationMatrix {

    /** The callers, as the columns of the table, each a real identity scripts/network enrols. */
    enum Identity {
        REGISTRAR("own-org registrar", LiveNetwork.Org.COLLEGE, "registrar1"),
        OTHER_REGISTRAR("other-org registrar", LiveNetwork.Org.UNIVERSITY, "registrar1"),
        VERIFIER("verifier", LiveNetwork.Org.COLLEGE, "verifier1"),
        ADMIN("admin", LiveNetwork.Org.COLLEGE, "admin"),
        NO_ROLE("no role", LiveNetwork.Org.COLLEGE, "norole"),
        GATEWAY("gateway", LiveNetwork.Org.COLLEGE, "gateway");

        final String title;
        final Actor actor;

        Identity(String title, LiveNetwork.Org org, String user) {
            this.title = title;
            this.actor = new Actor(org, user);
        }
    }

    /** An enrolled user of an organisation (admin, registrar1, verifier1, gateway, norole). */
    record Actor(LiveNetwork.Org org, String user) {
        String mspId() {
            return org.mspId;
        }
    }

    /** What a cell expects: the call is let through ({@link #ALLOW}) or refused with a code. */
    record Expect(ErrorCode refusal) {
        static final Expect ALLOW = new Expect(null);

        static Expect refused(ErrorCode code) {
            return new Expect(code);
        }

        String label() {
            return refusal == null ? "ALLOW" : refusal.name();
        }
    }

    /** One function: what it is about (for the doc) and the expectation per {@link Identity}, in order. */
    record Row(String function, String scope, List<Expect> cells) {
        Row {
            if (cells.size() != Identity.values().length) {
                throw new IllegalArgumentException(function + " has " + cells.size() + " cells");
            }
        }

        Expect of(Identity identity) {
            return cells.get(identity.ordinal());
        }
    }

    private static final Expect A = Expect.ALLOW;
    private static final Expect ROLE = Expect.refused(ROLE_NOT_ALLOWED);
    private static final Expect ORG = Expect.refused(ORG_NOT_ALLOWED);
    private static final Expect ONLY_OWN = Expect.refused(NOT_FOUND);
    /** The caller's institution is of the wrong type: the college and the university are schools. */
    private static final Expect TYPE = Expect.refused(INSTITUTION_TYPE_NOT_ALLOWED);

    private static final String READ = "any role; reads are shared by the consortium";
    private static final String WRITE = "registrar or admin; the record belongs to the caller's own organisation";

    /**
     * The specification. Columns: own-org registrar, other-org registrar, verifier, admin, no role,
     * gateway. {@code NOT_FOUND} marks a function scoped to the caller's own organisation: another
     * organisation's caller is not refused as such, it finds nothing of the college's.
     */
    static final List<Row> TABLE = List.of(
            row("application:apply", "any role of a SCHOOL; the learner applies to the caller's own institution",
                    A, A, A, A, ROLE, A),
            row("application:assess", READ, A, A, A, A, ROLE, A),
            row("application:approve", "registrar or admin of the institution applied to", A, ORG, ROLE, A, ROLE, ROLE),
            row("application:reject", "registrar or admin of the institution applied to", A, ORG, ROLE, A, ROLE, ROLE),
            row("application:withdraw", "any role of the institution applied to (for the learner, through its gateway)",
                    A, ORG, A, A, ROLE, A),
            row("application:get", READ, A, A, A, A, ROLE, A),
            row("application:forLearner", READ, A, A, A, A, ROLE, A),
            row("application:history", READ, A, A, A, A, ROLE, A),
            row("demand:publish", "registrar or admin of an ENTERPRISE; its own talent demand", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("demand:update", "registrar or admin of an ENTERPRISE; its own talent demand", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("demand:withdraw", "registrar or admin of the ENTERPRISE that published the demand",
                    TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("demand:get", READ, A, A, A, A, ROLE, A),
            row("demand:publishMajor", "registrar or admin of a SCHOOL; its own majors", A, A, ROLE, A, ROLE, ROLE),
            row("demand:getMajor", READ, A, A, A, A, ROLE, A),
            row("demand:publishThresholds", "registrar or admin of the AUTHORITY only", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("demand:listThresholds", READ, A, A, A, A, ROLE, A),
            row("institution:register", "org admin only; writes the caller's own institution profile",
                    ROLE, ROLE, ROLE, A, ROLE, ROLE),
            row("institution:get", READ, A, A, A, A, ROLE, A),
            row("institution:list", READ, A, A, A, A, ROLE, A),
            row("learner:openAccount", "registrar or admin of any institution; the account is shared",
                    A, A, ROLE, A, ROLE, ROLE),
            row("learner:openAccountForKey", "registrar or admin of any institution; the number follows from the caller's"
                    + " institution and the key, so a retry finds the same account", A, A, ROLE, A, ROLE, ROLE),
            row("learner:getAccount", READ, A, A, A, A, ROLE, A),
            row("learner:putPersonalData", "registrar or admin; into the caller's own private collection",
                    A, A, ROLE, A, ROLE, ROLE),
            row("learner:getPersonalData", "registrar or admin; from the caller's own private collection only",
                    A, ONLY_OWN, ROLE, A, ROLE, ROLE),
            row("learner:nameOnCredential", "any role; only the learner's name, from the caller's own private collection",
                    A, ONLY_OWN, A, A, ROLE, A),
            row("learner:findByStudentNumber", "registrar or admin; the student numbers of the caller's own collection only",
                    A, ONLY_OWN, ROLE, A, ROLE, ROLE),
            row("learner:purgePersonalData", "registrar or admin; from the caller's own private collection only",
                    A, ONLY_OWN, ROLE, A, ROLE, ROLE),
            row("outcome:issue", "registrar or admin; the issuer is always the caller's organisation",
                    A, A, ROLE, A, ROLE, ROLE),
            row("outcome:issueBatch", "registrar or admin; the issuer is always the caller's organisation",
                    A, A, ROLE, A, ROLE, ROLE),
            row("outcome:get", READ, A, A, A, A, ROLE, A),
            row("outcome:history", READ, A, A, A, A, ROLE, A),
            row("outcome:issuanceStatuses", "any role; the caller's own organisation's issuance transactions only",
                    A, ONLY_OWN, A, A, ROLE, A),
            row("outcome:suspend", WRITE, A, ORG, ROLE, A, ROLE, ROLE),
            row("outcome:reinstate", WRITE, A, ORG, ROLE, A, ROLE, ROLE),
            row("outcome:revoke", WRITE, A, ORG, ROLE, A, ROLE, ROLE),
            row("points:publishPolicy", "registrar or admin of the AUTHORITY only", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:retirePolicy", "registrar or admin of the AUTHORITY only", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:getPolicy", READ, A, A, A, A, ROLE, A),
            row("points:listPolicies", READ, A, A, A, A, ROLE, A),
            row("points:confirm", "registrar or admin of a SCHOOL; the confirmation is the caller's own school's",
                    A, A, ROLE, A, ROLE, ROLE),
            row("points:withdrawConfirmation", "registrar or admin; only the school that confirmed it",
                    A, ORG, ROLE, A, ROLE, ROLE),
            row("points:getConfirmation", READ, A, A, A, A, ROLE, A),
            row("points:accrue", "registrar or admin of the ENTERPRISE the cited fact belongs to",
                    TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:balance", READ, A, A, A, A, ROLE, A),
            row("points:applyRedemption", "registrar or admin of an ENTERPRISE; its own points",
                    TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:approveRedemption", "registrar or admin of the AUTHORITY only", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:rejectRedemption", "registrar or admin of the AUTHORITY only", TYPE, TYPE, ROLE, TYPE, ROLE, ROLE),
            row("points:getRedemption", READ, A, A, A, A, ROLE, A),
            row("points:history", READ, A, A, A, A, ROLE, A),
            row("qualification:publish", "registrar or admin of an awarding institution; its own qualifications",
                    A, A, ROLE, A, ROLE, ROLE),
            row("qualification:get", READ, A, A, A, A, ROLE, A),
            row("qualification:progress", READ, A, A, A, A, ROLE, A),
            row("recognition:publishRule", "registrar or admin of an awarding institution; its own rules",
                    A, A, ROLE, A, ROLE, ROLE),
            row("recognition:retireRule", "registrar or admin; only the caller's own organisation's rules",
                    A, ONLY_OWN, ROLE, A, ROLE, ROLE),
            row("recognition:getRule", READ, A, A, A, A, ROLE, A),
            row("recognition:listRules", READ, A, A, A, A, ROLE, A),
            row("recognition:recognise", "registrar or admin; only outcomes earned at another institution",
                    ORG, A, ROLE, ORG, ROLE, ROLE),
            row("recognition:get", READ, A, A, A, A, ROLE, A),
            row("recognition:history", READ, A, A, A, A, ROLE, A),
            row("signingkey:register", "org admin only; an Ed25519 credential-signing key of the caller's own institution",
                    ROLE, ROLE, ROLE, A, ROLE, ROLE),
            row("signingkey:retire", "org admin only; a key of the caller's own institution",
                    ROLE, ROLE, ROLE, A, ROLE, ROLE),
            row("signingkey:list", READ, A, A, A, A, ROLE, A),
            row("signingkey:listOf", READ, A, A, A, A, ROLE, A),
            row("teacher:appoint", "registrar or admin of a SCHOOL; the teacher becomes the caller's own school's",
                    A, A, ROLE, A, ROLE, ROLE),
            row("teacher:endAppointment", "registrar or admin; only the school that appointed the teacher",
                    A, ORG, ROLE, A, ROLE, ROLE),
            row("teacher:getAppointment", READ, A, A, A, A, ROLE, A),
            row("teacher:publishRule", "registrar or admin of a SCHOOL; its own grading rule", A, A, ROLE, A, ROLE, ROLE),
            row("teacher:listRules", READ, A, A, A, A, ROLE, A),
            row("teacher:grade", READ, A, A, A, A, ROLE, A),
            row("transcript:transcript", READ, A, A, A, A, ROLE, A),
            row("verification:verify", READ, A, A, A, A, ROLE, A));

    static final String BEGIN = "<!-- matrix:begin -->";
    static final String END = "<!-- matrix:end -->";

    private AuthorisationMatrix() {
    }

    private static Row row(String function, String scope, Expect... cells) {
        return new Row(function, scope, List.of(cells));
    }

    static Row row(String function) {
        return TABLE.stream().filter(r -> r.function().equals(function)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + function));
    }

    static Set<String> functions() {
        return TABLE.stream().map(Row::function).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The table as Markdown, one row per function, one column per identity. */
    static String markdown(Map<String, Map<Identity, String>> labels) {
        StringBuilder md = new StringBuilder("| function |");
        for (Identity identity : Identity.values()) {
            md.append(' ').append(identity.title).append(" |");
        }
        md.append(" who may call it |\n|---|");
        md.append("---|".repeat(Identity.values().length)).append("---|\n");
        labels.forEach((function, cells) -> {
            md.append("| `").append(function).append("` |");
            for (Identity identity : Identity.values()) {
                String label = cells.get(identity);
                md.append(' ').append("ALLOW".equals(label) ? "✅ allow" : "⛔ " + label).append(" |");
            }
            md.append(' ').append(row(function).scope()).append(" |\n");
        });
        return md.toString();
    }

    /** The expected table's labels, in table order. */
    static Map<String, Map<Identity, String>> expectedLabels() {
        Map<String, Map<Identity, String>> labels = new java.util.LinkedHashMap<>();
        for (Row row : TABLE) {
            Map<Identity, String> cells = new java.util.EnumMap<>(Identity.class);
            for (Identity identity : Identity.values()) {
                cells.put(identity, row.of(identity).label());
            }
            labels.put(row.function(), cells);
        }
        return labels;
    }

    /**
     * One test per cell, named by function and identity: the cell's observation is the expected
     * label, and a refused write changed nothing.
     */
    static Stream<DynamicTest> cells(Map<String, Map<Identity, MatrixRun.Observed>> observed) {
        return TABLE.stream().flatMap(row -> Stream.of(Identity.values()).map(who -> {
            String expected = row.of(who).label();
            MatrixRun.Observed seen = observed.get(row.function()).get(who);
            return DynamicTest.dynamicTest(row.function() + " as " + who.title + " → " + expected, () ->
                    assertThat(seen.label()).as("%s as %s (%s)%s", row.function(), who.title, who.actor,
                            seen.detail() == null ? "" : ": " + seen.detail()).isEqualTo(expected));
        }));
    }

    /** {@code document} with the text between the markers replaced by {@code table}. */
    static String splice(String document, String table) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the document has no " + BEGIN + " … " + END + " section");
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + table + document.substring(end);
    }

    /**
     * Every {@code @Transaction} of every {@code @Contract} class of the chaincode, as
     * {@code contract:function}: found on the class path where the contracts were compiled, so a new
     * contract or function is seen without anyone listing it.
     */
    static Set<String> chaincodeFunctions() {
        Set<String> functions = new TreeSet<>();
        for (Class<?> type : contractClasses()) {
            Contract contract = type.getAnnotation(Contract.class);
            for (Method method : type.getMethods()) {
                Transaction transaction = method.getAnnotation(Transaction.class);
                if (transaction != null) {
                    String name = transaction.name().isEmpty() ? method.getName() : transaction.name();
                    functions.add(contract.name() + ":" + name);
                }
            }
        }
        return functions;
    }

    private static List<Class<?>> contractClasses() {
        String root = InstitutionContract.class.getPackageName().replaceFirst("\\.[^.]+$", "");
        List<Class<?>> contracts = new ArrayList<>();
        for (String className : classNames(root)) {
            try {
                Class<?> type = Class.forName(className, false, AuthorisationMatrix.class.getClassLoader());
                if (type.isAnnotationPresent(Contract.class)) {
                    contracts.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + className, e);
            }
        }
        if (contracts.isEmpty()) {
            throw new IllegalStateException("no @Contract class under " + root);
        }
        return contracts;
    }

    /** The top-level class names under package {@code root}, in the directory or jar that holds it. */
    private static List<String> classNames(String root) {
        String prefix = root.replace('.', '/') + "/";
        try {
            Path location = Path.of(InstitutionContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> entries = new ArrayList<>();
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                    files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(entries::add);
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        entries.add(e.nextElement().getName());
                    }
                }
            }
            return entries.stream()
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
