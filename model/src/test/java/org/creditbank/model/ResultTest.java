package org.creditbank.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditbank.model.outcome.Result;
import org.creditbank.model.outcome.Result.Scale;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void resultsCompareWithinTheirScale() {
        assertThat(new Result(Scale.PERCENTAGE, "85").meets(new Result(Scale.PERCENTAGE, "60"))).isTrue();
        assertThat(new Result(Scale.PERCENTAGE, "59.99").meets(new Result(Scale.PERCENTAGE, "60"))).isFalse();
        assertThat(new Result(Scale.LETTER, "B+").meets(new Result(Scale.LETTER, "B"))).isTrue();
        assertThat(new Result(Scale.LETTER, "C").meets(new Result(Scale.LETTER, "B-"))).isFalse();
        assertThat(new Result(Scale.PASS_FAIL, "FAIL").meets(new Result(Scale.PASS_FAIL, "PASS"))).isFalse();
        assertThat(new Result(Scale.GRADE_POINT, "3.7").meets(null)).isTrue();
    }

    @Test
    void resultsOnDifferentScalesNeverMeetEachOther() {
        assertThat(new Result(Scale.PERCENTAGE, "99").meets(new Result(Scale.LETTER, "F"))).isFalse();
    }

    @Test
    void valuesOutsideTheScaleAreInvalid() {
        Violations v = new Violations();
        new Result(Scale.GRADE_POINT, "5.5").validate(v, "result");
        new Result(Scale.PERCENTAGE, "-1").validate(v, "result");
        new Result(Scale.PASS_FAIL, "pass").validate(v, "result");
        assertThat(v.list()).hasSize(3).allMatch(x -> x.field().equals("result.value"));
    }
}
