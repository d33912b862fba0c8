package org.creditbank.model.demand;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.creditbank.model.Violation;
import org.creditbank.model.Violations;

/**
 * A school's major (专业) and the occupations it supplies, as the school publishes it: the major's
 * code and name in 《职业教育专业目录》 (e.g. {@code 460103 数控技术}) and the occupation codes
 * ({@link CodeList#OCCUPATIONS}) its graduates are trained for. Versions go 1, 2, 3, … per major; a
 * published version never changes.
 *
 * <pre>{@code {"majorCode":"460104","name":"焊接技术与自动化","version":1,"occupationCodes":["6-18-02-04","6-30-99-00"]}}</pre>
 */
public record MajorTerms(String majorCode, String name, int version, List<String> occupationCodes) {

    /** The catalogue's codes have six digits (中职, 高职专科 and 高职本科 alike). */
    private static final Pattern MAJOR_CODE = Pattern.compile("\\d{6}");
    public static final int MAX_OCCUPATIONS = 20;

    public MajorTerms {
        occupationCodes = occupationCodes == null ? null : List.copyOf(occupationCodes);
    }

    public List<Violation> validate() {
        Violations v = new Violations();
        if (v.required(majorCode, "majorCode")) {
            v.check(MAJOR_CODE.matcher(majorCode).matches(), "majorCode",
                    "majorCode must be the six-digit code of 《职业教育专业目录》, e.g. 460103");
        }
        v.text(name, "name", 100, true);
        v.check(version >= 1 && version <= 10_000, "version", "version must be from 1 to 10000");
        if (v.required(occupationCodes, "occupationCodes")) {
            v.check(!occupationCodes.isEmpty() && occupationCodes.size() <= MAX_OCCUPATIONS, "occupationCodes",
                    "a major supplies from 1 to " + MAX_OCCUPATIONS + " occupations");
            v.check(occupationCodes.stream().allMatch(CodeList.OCCUPATIONS::contains), "occupationCodes",
                    "every occupation code must be of the bundled list (《中华人民共和国职业分类大典》)");
            v.check(new HashSet<>(occupationCodes).size() == occupationCodes.size(), "occupationCodes",
                    "an occupation is listed once");
        }
        return v.list();
    }
}
