package dev.txorder.cli.verify;

/** How long {@code txorder verify} may take: {@code quick} is the CI job, {@code full} the exhaustive run. */
public enum Profile {
    quick, full
}
