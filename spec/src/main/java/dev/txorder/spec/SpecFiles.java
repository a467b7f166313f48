package dev.txorder.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the TLA+ modules ({@code tla/}) and the models ({@code models/}) are: the source tree, or
 * the classpath resources {@code txorder-spec/tla} and {@code txorder-spec/models} of a jar.
 */
public final class SpecFiles {
    /** The module every model extends with the TLC-only definitions (symmetry, view). */
    public static final String MODEL_BASE = "MCTxOrder.tla";

    private static final String RESOURCE_ROOT = "txorder-spec";

    private final Path modules;
    private final Path models;

    private SpecFiles(Path modules, Path models) {
        this.modules = modules;
        this.models = models;
    }

    /** The spec module's source tree: {@code root/tla} and {@code root/models}. */
    public static SpecFiles directory(Path root) {
        return new SpecFiles(root.resolve("tla"), root.resolve("models"));
    }

    /** The files packaged as resources, copied into {@code into} (a jar's entries cannot be handed to TLC). */
    public static SpecFiles extractedFromClasspath(Path into) throws IOException {
        for (String sub : List.of("tla", "models")) {
            URL url = SpecFiles.class.getClassLoader().getResource(RESOURCE_ROOT + "/" + sub);
            if (url == null) {
                throw new IOException("resource " + RESOURCE_ROOT + "/" + sub + " is not on the classpath");
            }
            Path target = Files.createDirectories(into.resolve(sub));
            URI uri = toUri(url);
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    copyAll(jar.provider().getPath(uri), target);
                }
            } else {
                copyAll(Path.of(uri), target);
            }
        }
        return directory(into);
    }

    public Path modules() {
        return modules;
    }

    public Path models() {
        return models;
    }

    public Path manifest() {
        return models.resolve("manifest.json");
    }

    /** Copies every module, the model base and the given model files into {@code dir}, ready for TLC. */
    public void stage(Path dir, List<String> modelFiles) throws IOException {
        Files.createDirectories(dir);
        copyAll(modules, dir);
        Files.copy(models.resolve(MODEL_BASE), dir.resolve(MODEL_BASE), StandardCopyOption.REPLACE_EXISTING);
        for (String file : modelFiles) {
            Files.copy(models.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isDirectory(f)) {
                    try (InputStream in = Files.newInputStream(f)) {
                        Files.copy(in, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("bad resource URL " + url, e));
        }
    }
}
