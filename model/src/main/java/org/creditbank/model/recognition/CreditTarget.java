package org.creditbank.model.recognition;

import org.creditbank.model.Violations;

/**
 * What recognised credit counts as at the recognising institution: one of its courses
 * ({@code courseCode}), one of its credit categories ({@code category}), or both.
 */
public record CreditTarget(String courseCode, String title, String category) {

    void validate(Violations v, String field) {
        if (courseCode != null) {
            v.code(courseCode, field + ".courseCode");
        }
        v.text(title, field + ".title", 200, true);
        v.text(category, field + ".category", 64, false);
        v.check(courseCode != null || category != null, field,
                field + " must name a courseCode, a category or both");
    }
}
