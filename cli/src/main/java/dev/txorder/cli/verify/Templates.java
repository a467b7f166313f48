package dev.txorder.cli.verify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * The report templates beside this class ({@code resources/dev/txorder/cli/verify/}), compiled by
 * mustache.java with the escaping their format needs: HTML's five escapes for the page (its own
 * escaper also encodes {@code =}, backticks and newlines, which leaves a counterexample unreadable
 * in the page's source), none for Markdown, whose table cells the caller escapes.
 */
final class Templates {
    private Templates() {
    }

    /** {@code name}, every value escaped for HTML. */
    static Mustache html(String name) {
        return new Factory(Templates::escapeHtml).compile(name);
    }

    /** {@code name}, every value as it is. */
    static Mustache plain(String name) {
        return new Factory(UnaryOperator.identity()).compile(name);
    }

    private static final class Factory extends DefaultMustacheFactory {
        private final UnaryOperator<String> escape;

        Factory(UnaryOperator<String> escape) {
            super("dev/txorder/cli/verify");
            this.escape = escape;
        }

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(escape.apply(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String escapeHtml(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
