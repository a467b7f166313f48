package dev.txorder.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.TxRequest;
import org.junit.jupiter.api.Test;

/** The send history's own bookkeeping: rows, growth, names, the packets it accepted. */
class SendHistoryTest {
    @Test
    void shouldGiveEachRequestTheNextRowAndGrowPastItsFirstGuess() {
        SendHistory h = new SendHistory(1);
        for (int i = 0; i < 40; i++) {
            assertThat(h.add(new TxRequest(100 + i, i % 3, i % 8, 7, i, 1 + i % 4))).isEqualTo(i);
        }
        assertThat(h.size()).isEqualTo(40);
        assertThat(h.id(39)).isEqualTo(139);
        assertThat(h.packets(39)).isEqualTo(4);
        assertThat(h.written(39)).isEqualTo(-1);
        assertThat(h.load(17, new TxRequest()).id).isEqualTo(117);
    }

    /** Sixteen requests, every third one failed: the history's first arrays exactly full. */
    @Test
    void shouldCountThePacketsOfAcceptedSendsOnly() {
        SendHistory h = new SendHistory(16);
        long expected = 0;
        for (int i = 0; i < 16; i++) {
            h.add(new TxRequest(i, 0, 0, 1, 1, 2 + i));
            boolean failed = i % 3 == 1;
            h.end(i, 1, failed ? SendHistory.Outcome.FAILED : SendHistory.Outcome.ACCEPTED);
            expected += failed ? 0 : 2 + i;
        }
        assertThat(h.acceptedPackets()).isEqualTo(expected).isEqualTo(2 * 16 + 120 - (3 + 6 + 9 + 12 + 15));
    }

    /** Sixteen requests fill the history's first arrays exactly; every one of them needs a name. */
    @Test
    void shouldNameRequestsByIdAndRefuseAnIdWithoutAName() {
        SendHistory h = new SendHistory(16);
        String[] names = new String[16];
        for (int i = 0; i < 16; i++) {
            h.add(new TxRequest(i, 0, 0, 1, 1, 1));
            names[i] = "r" + (i + 1);
        }
        assertThat(h.named()).isFalse();
        assertThat(h.nameOf(3)).isEqualTo("3");
        h.names(names);
        assertThat(h.named()).isTrue();
        assertThat(h.nameOf(0)).isEqualTo("r1");
        assertThat(h.nameOf(15)).isEqualTo("r16");
        assertThat(h.nameOf(16)).as("beyond the names: the number").isEqualTo("16");
        assertThat(h.nameOf(-1)).isEqualTo("-1");

        SendHistory three = new SendHistory(3);
        for (int i = 0; i < 3; i++) {
            three.add(new TxRequest(i, 0, 0, 1, 1, 1));
        }
        assertThatThrownBy(() -> three.names(new String[] {"a", "b"})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request id 2 has no name among 2");
        assertThat(three.named()).isFalse();
    }
}
