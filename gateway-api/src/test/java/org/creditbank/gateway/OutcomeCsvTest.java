package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.creditbank.gateway.importing.OutcomeCsv;
import org.creditbank.model.learner.AccountNumber;
import org.junit.jupiter.api.Test;

class OutcomeCsvTest {

    private static final String LEARNER = AccountNumber.random(new java.security.SecureRandom());
    private static final String HASH = "c".repeat(64);

    @Test
    void excelsByteOrderMarkChineseTextAndColumnsInAnyOrderAreRead() {
        String csv = "\uFEFFachievementTitle,localId,learner,kind,achievementCode,credits,resultScale,resultValue,"
                + "activityStart,activityEnd,evidenceHash,category\n"
                + "\"焊接工艺, 高级\",W-1," + LEARNER + ",skill_certificate,WELD-3,2.5,pass_fail,PASS,2026-01-05,2026-03-01,"
                + HASH.toUpperCase() + ",实践教学\n";
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(csv);
        assertThat(rows).hasSize(1);
        OutcomeCsv.Row row = rows.get(0);
        assertThat(row.violations()).isEmpty();
        assertThat(row.rowNumber()).isEqualTo(2);
        assertThat(row.draft().achievementTitle()).isEqualTo("焊接工艺, 高级");
        assertThat(row.draft().category()).isEqualTo("实践教学");
        assertThat(row.draft().credits()).isEqualByComparingTo("2.5");
        assertThat(row.draft().evidenceHash()).isEqualTo(HASH);
    }

    @Test
    void eachBadCellIsReportedWithItsRowAndColumn() {
        String csv = "localId,learner,kind,achievementCode,achievementTitle,credits,hours,resultScale,resultValue,activityStart,activityEnd,evidenceHash\n"
                + "A-1," + LEARNER + ",COURSE,C1,Title,three,10,PERCENTAGE,80,2026-01-01,2026-02-01," + HASH + "\n"
                + "A-2," + LEARNER + ",LECTURE,C1,Title,3,ten,PERCENTAGE,80,2026-01-01,2026-02-01," + HASH + "\n"
                + "A-3," + LEARNER + ",COURSE,C1,Title,3,10,PERCENTAGE,80,2026-03-01,2026-02-01," + HASH + "\n";
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(csv);
        assertThat(rows).extracting(OutcomeCsv.Row::rowNumber).containsExactly(2, 3, 4);
        assertThat(rows.get(0).violations()).extracting(v -> v.field()).containsExactly("credits");
        assertThat(rows.get(1).violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("kind", "hours");
        assertThat(rows.get(2).violations()).extracting(v -> v.field()).containsExactly("activityEnd");
    }

    @Test
    void aHeaderWithMissingOrUnknownColumnsIsReportedAsRowOne() {
        List<OutcomeCsv.Row> rows = OutcomeCsv.read("localId,learner,colour\nA,B,C\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).rowNumber()).isEqualTo(1);
        assertThat(rows.get(0).violations().get(0).message()).contains("missing columns", "kind", "unknown columns: colour");
    }
}
