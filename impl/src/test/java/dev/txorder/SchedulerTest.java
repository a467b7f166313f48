package dev.txorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchedulerTest {

    @Test
    void shouldParseStrictInAnyCase() {
        assertThat(Scheduler.parse(" Strict ")).isSameAs(Scheduler.STRICT);
        assertThat(Scheduler.STRICT.kind()).isEqualTo(Scheduler.Kind.STRICT);
    }

    @Test
    void shouldParseWrrWeightsPerGroup() {
        Scheduler s = Scheduler.parse("WRR:1, 2");

        assertThat(s.kind()).isEqualTo(Scheduler.Kind.WRR);
        assertThat(s.weight(0)).isEqualTo(1);
        assertThat(s.weight(1)).isEqualTo(2);
        assertThat(s).hasToString("wrr:1,2");
    }

    @Test
    void shouldRejectWrrWhoseWeightsDoNotMatchTheGroups() {
        assertThatThrownBy(() -> Scheduler.parse("wrr:1,2,3").checkFits(2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scheduler"))
                .hasMessageContaining("3 weights but the layout has 2 groups");
        assertThat(Scheduler.STRICT.checkFits(5)).isSameAs(Scheduler.STRICT);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "fifo       | allowed: strict, wrr:W0,W1,...",
            "''         | allowed: strict, wrr:W0,W1,...",
            "wrr:       | weight 0 '' is not a whole number",
            "wrr:1,x    | weight 1 'x' is not a whole number",
            "wrr:0,1    | weight of group 0 is 0; allowed 1..1000000",
            "wrr:1,-2   | weight of group 1 is -2; allowed 1..1000000",
            "wrr:1,,2   | weight 1 '' is not a whole number",
    })
    void shouldRejectMalformedSchedulerNamingTheSchedulerField(String text, String says) {
        assertThatThrownBy(() -> Scheduler.parse(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scheduler"))
                .hasMessageContaining(says.strip());
    }
}
