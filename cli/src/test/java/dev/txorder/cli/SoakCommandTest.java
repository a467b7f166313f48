package dev.txorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the real {@code txorder soak} command line: its exit status and what it prints. */
class SoakCommandTest {

    static SimulateCommandTest.Run soak(String... args) {
        return SimulateCommandTest.run("soak", args);
    }

    @Test
    void shouldHoldOverAFewEpochsAndSayWhatItInjectedAndHowMuchHeapItUsed() {
        var r = soak("--packets", "1500000", "--epoch-packets", "500000", "--seed", "4");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("epoch 0 holds", "epoch 2 holds", "faults injected: failed part-way",
                "live after each epoch's full GC").containsPattern("soak holds: [34] epochs, 1,5\\d\\d,\\d{3} packets");
    }

    @Test
    void shouldStopAtTheFirstViolationWithTheCommandThatReplaysIt() {
        var r = soak("--packets", "20000000", "--epoch-packets", "400000", "--seed", "2", "--inject", "M3");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(r.out()).contains("soak VIOLATED", "RequestContiguity", "replay this epoch's mix",
                "./txorder soak --seed 2 --epoch ", "--inject M3");
        String replay = r.out().lines().filter(l -> l.startsWith("replay")).findFirst().orElseThrow();
        String[] args = replay.substring(replay.indexOf("soak ") + 5).split(" ");
        var again = soak(args);
        assertThat(again.exit()).as("the replay: " + again.out()).isEqualTo(TxorderCommand.VIOLATED);
        assertThat(again.out()).contains("soak VIOLATED: 1 epochs");
    }

    @Test
    void shouldStopWhenTheDurationIsUpEvenInsideAnEpoch() {
        long start = System.nanoTime();
        var r = soak("--duration", "2s", "--epoch-packets", "1000000000", "--seed", "3");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("soak holds: 1 epochs");
        assertThat(seconds).as("the senders stop at the deadline, not at the end of the epoch").isLessThan(15);
    }

    @Test
    void shouldRefuseBadInputNamingTheField() {
        assertThat(soak().err()).contains("packets: missing; give --packets N or --duration D");
        var bad = soak("--duration", "ten minutes");
        assertThat(bad.exit()).isEqualTo(TxorderCommand.BAD_INPUT);
        assertThat(bad.err()).contains("duration: 'ten minutes' is not a duration; allowed e.g. 90s, 10m, 2h");
        assertThat(soak("--packets", "10", "--inject", "M7", "--inject", "M9").err())
                .contains("inject: [M7, M9]: no policy and scheduler under which all of them change something");
        assertThat(soak("--packets", "10", "--cpus", "0").err()).contains("cpus: 0 is out of range; allowed 1..256");
    }
}
