package dev.txorder.stress.rig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a JCStress test class runs against and what the gate expects of it. Read by
 * {@link dev.txorder.stress.gate.StressGate}: a test of the correct code passes when it shows no
 * forbidden outcome; a mutant's test passes when it shows at least one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Subject {

    /** The implementation under test. */
    Impl value();

    /**
     * Why this mutant's forbidden outcome may never appear on this hardware (e.g. a plain-write
     * reordering on x86, which is TSO). Non-empty: the gate reports "not shown" instead of failing,
     * and does not count the mutant as caught.
     */
    String mayNotShow() default "";

    /**
     * The properties (DESIGN.md §3 names) a forbidden outcome of this test breaks: what the gate
     * names when the correct code shows one (e.g. under {@code txorder verify --inject Mx}).
     */
    String[] guards() default {};
}
