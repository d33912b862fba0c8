package org.creditbank.model.demand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bundled list of codes and their names, one {@code code<TAB>name} a line, {@code #} lines naming
 * its source: the occupations a talent demand or a major may name, and the regions a demand may be
 * for. Bundled with the model so that the gateway and the chaincode refuse the same codes; each file
 * says it is an excerpt and where the full list is.
 */
public final class CodeList {

    /** Occupations of 《中华人民共和国职业分类大典》 (an excerpt), e.g. {@code 6-18-02-04 焊工}. */
    public static final CodeList OCCUPATIONS = load("occupations.tsv");
    /** Administrative divisions of GB/T 2260 (an excerpt), e.g. {@code 440000 广东省}. */
    public static final CodeList REGIONS = load("regions.tsv");

    private final Map<String, String> names;

    private CodeList(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    public boolean contains(String code) {
        return code != null && names.containsKey(code);
    }

    public Optional<String> nameOf(String code) {
        return Optional.ofNullable(code == null ? null : names.get(code));
    }

    /** Every code and its name, in file order. */
    public Map<String, String> all() {
        return names;
    }

    private static CodeList load(String file) {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = CodeList.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the model jar has no code list " + file);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length != 2 || names.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(file + " has a bad or repeated line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CodeList(names);
    }
}
