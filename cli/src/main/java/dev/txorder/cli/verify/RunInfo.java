package dev.txorder.cli.verify;

import dev.txorder.Mutant;
import java.util.Optional;

/**
 * What a {@code verify} run was, besides what it found: the profile, the shard, a mutant injected on
 * purpose, the code it ran (the checkout's commit, when it is a git checkout), when and where.
 *
 * @param commit  the checkout's commit, or null when unknown
 * @param seconds wall time
 * @param machine the machine, or for a merged report the machines of its shards
 * @param origin  empty for a run; for a merged report, which shards it joins
 */
public record RunInfo(Profile profile, Shard shard, Optional<Mutant> inject, String commit, String started, double seconds,
                      String machine, String origin) {

    /** {@code --profile quick --shard 1/2 --inject M3}, as the report's title shows it. */
    public String arguments() {
        return "--profile " + profile + (shard.whole() ? "" : " --shard " + shard)
                + inject.map(m -> " --inject " + m).orElse("");
    }
}
