package dev.txorder.io;

import dev.txorder.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How txorder reads its CSV files (Apache Commons CSV): RFC 4180 quoting, CRLF or LF, a UTF-8 byte
 * order mark, blank lines skipped, lines starting with {@code #} taken as comments, spaces around
 * fields ignored. Each record is handed over with the line it ends on, for error messages.
 */
final class Csv {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    /** What is done with each record: its fields, and the line of the file it ends on. */
    @FunctionalInterface
    interface RecordHandler {
        void record(CSVRecord fields, int line);
    }

    /** Reads a file's text into a result; may throw what reading it throws. */
    @FunctionalInterface
    interface FileReading<T> {
        T read(Reader in, String source) throws IOException;
    }

    private Csv() {
    }

    /**
     * Opens {@code file} as UTF-8 and reads it with {@code reading}; a file that is missing, a
     * directory, not UTF-8 or unreadable is bad input under {@code field}, naming the file.
     */
    static <T> T readFile(Path file, String field, FileReading<T> reading) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(field, name + " is a directory; expected a CSV file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reading.read(in, name);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(field, name + " does not exist");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(field, name + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads every record of {@code reader}; a record of one empty field (a line of spaces) is skipped.
     *
     * @param field  the field a malformed file is reported under ({@code requests-file}, {@code wire})
     * @param source the file's name in messages
     */
    static void read(Reader reader, String field, String source, RecordHandler handler) throws IOException {
        try (CSVParser csv = CSVParser.builder().setReader(withoutBom(reader)).setFormat(FORMAT).get()) {
            for (CSVRecord r : csv) {
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue;
                }
                handler.record(r, (int) csv.getCurrentLineNumber());
            }
        } catch (UncheckedIOException e) {
            // A quote left open, or text after a closing quote: the library names the line.
            throw new InvalidInputException(field, source + ": not valid CSV: " + e.getCause().getMessage());
        }
    }

    /** {@code reader} past a leading UTF-8 byte order mark, if there is one. */
    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
