package dev.txorder.cli.verify;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long gate: a bar on a terminal, plain lines in a CI log (no console, or
 * {@code CI=true}), so that a log shows each finished model or test once and no control codes.
 */
public interface Progress {

    /** One gate's progress over {@code steps} steps (0: unknown yet). */
    Task start(String gate, int steps);

    interface Task extends AutoCloseable {
        /** One step done; {@code what} names it and its verdict. */
        void step(String what);

        /** The number of steps, once known. */
        void resize(int steps);

        @Override
        void close();
    }

    /** A bar when {@code out} is a terminal and this is not CI, else lines. */
    static Progress forConsole(PrintStream out) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        return System.console() != null && !ci ? bars(out) : lines(out);
    }

    static Progress lines(PrintStream out) {
        return (gate, steps) -> new Task() {
            private int done;
            private int max = steps;
            private final long start = System.nanoTime();

            @Override
            public void step(String what) {
                done++;
                out.printf(Locale.ROOT, "  %s [%d/%s] %s (%.0f s)%n", gate, done, max > 0 ? Integer.toString(max) : "?",
                        what, (System.nanoTime() - start) / 1e9);
                out.flush();
            }

            @Override
            public void resize(int n) {
                max = n;
            }

            @Override
            public void close() {
                // Lines are complete when printed.
            }
        };
    }

    static Progress bars(PrintStream out) {
        return (gate, steps) -> {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(gate).setInitialMax(steps > 0 ? steps : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
            return new Task() {
                @Override
                public void step(String what) {
                    bar.step();
                    bar.setExtraMessage(what.length() > 40 ? what.substring(0, 40) : what);
                }

                @Override
                public void resize(int n) {
                    bar.maxHint(n);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        };
    }

    /** No progress at all (tests). */
    static Progress none() {
        return (gate, steps) -> new Task() {
            @Override
            public void step(String what) {
            }

            @Override
            public void resize(int n) {
            }

            @Override
            public void close() {
            }
        };
    }
}
