package org.creditbank.gateway.importing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Spreadsheet rows, as a registrar would name them: how many, and as ranges ("rows 2-101, 150").
 * A list of every row number would be 10,000 numbers for a large file.
 */
public record RowSet(int count, List<Span> spans) {

    /** Rows {@code first} to {@code last}, both included. */
    public record Span(int first, int last) {
    }

    public static RowSet of(Collection<Integer> rowNumbers) {
        List<Span> spans = new ArrayList<>();
        Integer first = null;
        Integer last = null;
        for (int n : new TreeSet<>(rowNumbers)) {
            if (last != null && n == last + 1) {
                last = n;
                continue;
            }
            if (first != null) {
                spans.add(new Span(first, last));
            }
            first = n;
            last = n;
        }
        if (first != null) {
            spans.add(new Span(first, last));
        }
        return new RowSet(new TreeSet<>(rowNumbers).size(), List.copyOf(spans));
    }
}
