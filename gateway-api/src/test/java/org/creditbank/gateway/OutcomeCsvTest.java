package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
                + HASH.toUpperCase(Locale.ROOT) + ",实践教学\n";
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

    @Test
    void aColumnNamedTwiceIsReportedAsRowOne() {
        String header = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,resultValue,"
                + "activityStart,activityEnd,evidenceHash,credits\n";
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(header + "A,B,COURSE,C,T,3,PASS_FAIL,PASS,2026-03-01,2026-07-01,"
                + "a".repeat(64) + ",4\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).rowNumber()).isEqualTo(1);
        assertThat(rows.get(0).violations().get(0).message()).contains("columns named more than once: credits");
    }

    @Test
    void aValueBeyondTheLastColumnIsRefusedAndEmptyTrailingCellsAreNot() {
        String header = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,resultValue,"
                + "activityStart,activityEnd,evidenceHash\n";
        String row = ",CB0000000000000000,COURSE,CNC101,数控车床编程,3,PERCENTAGE,80,2026-03-01,2026-07-01," + "a".repeat(64);
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(header + "X-1" + row + ",,\n" + "X-2" + row + ",,补考\n");
        assertThat(rows.get(0).violations()).extracting(v -> v.field()).doesNotContainNull();
        assertThat(rows.get(1).violations()).extracting(v -> v.message())
                .anySatisfy(m -> assertThat(m).contains("column 13", "补考", "only 11 columns"));
    }

    @Test
    void aLocalIdOnTwoRowsIsRefusedOnTheSecondNamingTheFirst() {
        String header = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,resultValue,"
                + "activityStart,activityEnd,evidenceHash\n";
        String row = ",CB0000000000000000,COURSE,CNC101,数控车床编程,3,PERCENTAGE,80,2026-03-01,2026-07-01," + "a".repeat(64) + "\n";
        List<OutcomeCsv.Row> rows = OutcomeCsv.read(header + "X-1" + row + "X-2" + row + "X-1" + row);
        assertThat(rows.get(0).valid()).isTrue();
        assertThat(rows.get(1).valid()).isTrue();
        assertThat(rows.get(2).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("localId");
            assertThat(v.message()).contains("X-1", "row 2");
        });
    }
}
