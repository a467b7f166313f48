package dev.txorder.cli.verify;

/**
 * A check shown able to fail: {@code tool} saw {@code property} violated by {@code by}, a mutant or
 * a must-fail model, after {@code effort} {@code unit}s. The rows of the {@link PropertyTable}.
 */
public record Tooth(String property, String tool, String by, long effort, String unit) {
    /** The tooth a caught mutant shows. */
    static Tooth of(Kill k) {
        return new Tooth(k.property(), k.tool(), k.mutant().name(), k.effort(), k.unit());
    }
}
