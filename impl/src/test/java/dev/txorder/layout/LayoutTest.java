package dev.txorder.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutTest {

    @Test
    void shouldParseOwnNotationIntoGroupsOfPrioritiesAndQueues() {
        Layout l = Layout.parse("0-3x4,4-7x2");

        assertThat(l.groupCount()).isEqualTo(2);
        assertThat(l.priorityCount()).isEqualTo(8);
        assertThat(l.queueCount()).isEqualTo(6);
        assertThat(l.group(0).priorities()).containsExactly(0, 1, 2, 3);
        assertThat(l.group(0).queueCount()).isEqualTo(4);
        assertThat(l.group(1).priorities()).containsExactly(4, 5, 6, 7);
        assertThat(l.group(1).queueCount()).isEqualTo(2);
        assertThat(l.group(1).firstQueue()).isEqualTo(4);
        assertThat(l.groupOf(5).index()).isEqualTo(1);
        assertThat(l.groupOf(0).index()).isZero();
    }

    @Test
    void shouldParseThePatentsSixteenQueuesForEightPriorities() {
        Layout l = Layout.parse("0x2,1x2,2x2,3x2,4x2,5x2,6x2,7x2");

        assertThat(l.groupCount()).isEqualTo(8);
        assertThat(l.queueCount()).isEqualTo(16);
        for (int p = 0; p < 8; p++) {
            assertThat(l.groupOf(p).index()).isEqualTo(p);
            assertThat(l.groupOf(p).queueCount()).isEqualTo(2);
        }
    }

    @Test
    void shouldReadMqprioNotationAsTheSameLayout() {
        Layout own = Layout.parse("0-3x4,4-7x4");
        Layout mqprio = Layout.parse("mqprio:num_tc 2 map 0 0 0 0 1 1 1 1 queues 4@0 4@4");

        assertThat(mqprio).isEqualTo(own);
        assertThat(mqprio.notation()).isEqualTo("0-3x4,4-7x4");
    }

    @Test
    void shouldAcceptMqprioMapsThatInterleaveTrafficClasses() {
        Layout l = Layout.parse("mqprio:num_tc 3 map 2 0 1 0 queues 1@0 2@1 3@3");

        assertThat(l.group(0).priorities()).containsExactly(1, 3);
        assertThat(l.group(1).priorities()).containsExactly(2);
        assertThat(l.group(2).priorities()).containsExactly(0);
        assertThat(l.group(2).queueCount()).isEqualTo(3);
        assertThat(l.notation()).as("own notation cannot express group 0 as a range; it says so")
                .isEqualTo("[1,3]x1,2x2,0x3");
    }

    @Test
    void shouldAllowDifferentQueueCountsPerGroup() {
        Layout l = Layout.parse(" 0 x1 , 1-2 x 3 ");

        assertThat(l.group(0).queueCount()).isEqualTo(1);
        assertThat(l.group(1).queueCount()).isEqualTo(3);
        assertThat(l.notation()).isEqualTo("0x1,1-2x3");
    }

    @Test
    void shouldRejectAPriorityTheLayoutDoesNotMapNamingThePriorityField() {
        Layout l = Layout.parse("0-1x2");

        assertThatThrownBy(() -> l.groupOf(2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("priority"))
                .hasMessageContaining("0..1");
    }

    /** Every malformed layout: the error names the field {@code layout} and says what is allowed or expected. */
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | expected e.g. 0-3x4,4-7x4",
            "'   '                               | expected e.g.",
            "0-3                                 | is not PRIORITIES x QUEUES",
            "0-3x                                | is not PRIORITIES x QUEUES",
            "x4                                  | is not PRIORITIES x QUEUES",
            "0-3x4,                              | is not PRIORITIES x QUEUES",
            "0-3xfour                            | queue count 'four' is not a whole number",
            "a-3x4                               | first priority 'a' is not a whole number",
            "3-0x4                               | runs backwards; write FIRST-LAST with FIRST <= LAST",
            "0-3x0                               | has 0 queues; allowed 1..1024",
            "0-3x2000                            | allowed 1..1024",
            "0-3x4,3-7x4                         | priority 3 is mapped twice",
            "0-2x4,4-7x4                         | priority 3 is not mapped",
            "0-300x1                             | outside 0..255",
            "mqprio:map 0 1 queues 1@0 1@1       | starts with 'num_tc N'",
            "mqprio:num_tc 0 map 0 queues 1@0    | num_tc 0 is outside 1..16",
            "mqprio:num_tc 2 0 1 queues 1@0 1@1  | expected 'map' after num_tc",
            "mqprio:num_tc 2 map 0 2 queues 1@0 1@1 | names traffic class 2; allowed 0..1",
            "mqprio:num_tc 2 map queues 1@0 1@1  | map is empty",
            "mqprio:num_tc 2 map 0 1             | expected 'queues C@O ...'",
            "mqprio:num_tc 2 map 0 1 queues 1@0  | 2 entries COUNT@OFFSET needed, got 1",
            "mqprio:num_tc 2 map 0 1 queues 1@0 1-1 | is not COUNT@OFFSET",
            "mqprio:num_tc 2 map 0 1 queues 2@0 1@1 | must start at 2 (no gaps, no overlap)",
            "mqprio:num_tc 2 map 0 1 queues 1@0 1@1 2@2 | unexpected '2@2' after the queues; num_tc 2 takes exactly 2 COUNT@OFFSET entries",
            "mqprio:num_tc 2 map 0 0 queues 1@0 1@1 | group 1 maps no priority",
    })
    void shouldRejectMalformedLayoutNamingTheLayoutFieldAndWhatIsAllowed(String text, String says) {
        assertThatThrownBy(() -> Layout.parse(text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("layout"))
                .hasMessageStartingWith("layout: ")
                .hasMessageContaining(says.strip());
    }

    @Test
    void shouldRejectNullLayoutNamingTheLayoutField() {
        assertThatThrownBy(() -> Layout.parse(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("layout"));
    }
}
