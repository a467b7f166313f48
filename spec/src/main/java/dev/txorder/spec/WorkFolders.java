package dev.txorder.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** TLC's work folders: a run's modules, log and (large) state files. */
public final class WorkFolders {
    private WorkFolders() {
    }

    /** Deletes {@code dir} and everything under it; a leftover is harmless, so a failure is ignored. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Left for the next run's clean directory or the system's temporary-file cleaning.
        }
    }
}
