package dev.txorder.cli;

import dev.txorder.Mutant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The values options with a fixed set of them take, for picocli's generated shell completion
 * ({@code generate-completion}): typing {@code --policy <TAB>} offers {@code hash next}. The options
 * stay text, so that a wrong value is refused by the same parser, and message, as a wrong value in a
 * file.
 */
final class Candidates {
    private Candidates() {
    }

    /** {@code hash}, {@code next}. */
    static final class Policies implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("hash", "next").iterator();
        }
    }

    /** {@code mac}, {@code flow}. */
    static final class HashKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("mac", "flow").iterator();
        }
    }

    /** {@code txorder}, {@code single-queue}. */
    static final class Drivers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("txorder", "single-queue").iterator();
        }
    }

    /** {@code strict} and an example of {@code wrr:W0,W1,..}. */
    static final class Schedulers implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("strict", "wrr:1,1").iterator();
        }
    }

    /** M1 .. M11. */
    static final class Mutants implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(Mutant.values()).map(Enum::name).iterator();
        }
    }

    /** none, same, M1 .. M11. */
    static final class SpecMutants implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Stream.of("none", "same"), Stream.of(Mutant.values()).map(Enum::name)).iterator();
        }
    }

    /** The gates of {@code verify}. */
    static final class Gates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("properties", "lincheck", "tlc", "proofs", "trace", "jcstress").iterator();
        }
    }
}
