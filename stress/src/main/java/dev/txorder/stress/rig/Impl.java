package dev.txorder.stress.rig;

import dev.txorder.Mutant;
import dev.txorder.TxConfig;
import dev.txorder.driver.SendPath;
import dev.txorder.driver.SingleQueueDriver;
import dev.txorder.driver.TxDriver;
import java.util.Optional;

/** The implementations a stress scenario runs against: the patent's driver, its mutants, the prior art. */
public enum Impl {
    /** {@link TxDriver}, the correct design. */
    CORRECT(null, false),
    M1(Mutant.M1, false),
    M2(Mutant.M2, false),
    M3(Mutant.M3, false),
    M4(Mutant.M4, false),
    M5(Mutant.M5, false),
    M6(Mutant.M6, false),
    M8(Mutant.M8, false),
    M11(Mutant.M11, false),
    /** {@link SingleQueueDriver}: one queue and one lock per group, the control. */
    SINGLE_QUEUE(null, true);

    private final Mutant mutant;
    private final boolean singleQueue;

    Impl(Mutant mutant, boolean singleQueue) {
        this.mutant = mutant;
        this.singleQueue = singleQueue;
    }

    public Optional<Mutant> mutant() {
        return Optional.ofNullable(mutant);
    }

    /**
     * {@code base} with this implementation's mutant switched on; made once per test class. The
     * correct design also takes the mutant {@code -Dtxorder.inject=Mx} names ({@code txorder verify
     * --inject Mx}): breaking it on purpose must make its tests show their forbidden outcomes.
     */
    public TxConfig config(TxConfig base) {
        if (mutant != null) {
            return base.withMutant(mutant);
        }
        return this == CORRECT ? Mutant.injected().map(base::withMutant).orElse(base) : base;
    }

    /** {@link #config} of every implementation, indexed by ordinal: scenarios build it once. */
    public static TxConfig[] configs(TxConfig base) {
        Impl[] all = values();
        TxConfig[] configs = new TxConfig[all.length];
        for (Impl i : all) {
            configs[i.ordinal()] = i.config(base);
        }
        return configs;
    }

    public boolean singleQueue() {
        return singleQueue;
    }

    /** A fresh send path for {@code config} (from {@link #config}): one per JCStress state. */
    public SendPath driver(TxConfig config) {
        return singleQueue ? new SingleQueueDriver(config) : new TxDriver(config);
    }

    /** How reports name it: {@code TxDriver}, {@code TxDriver+M3}, {@code SingleQueueDriver}. */
    public String label() {
        if (singleQueue) {
            return "SingleQueueDriver";
        }
        return mutant == null ? "TxDriver" : "TxDriver+" + mutant.name();
    }
}
