package dev.txorder.stress.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads test names from JCStress's {@code META-INF/TestList}, which its annotation processor
 * writes at compile time: one record per line, {@code JCTEST} followed by length-prefixed fields
 * ({@code 52Sdev.txorder.stress.NextGroup_ArrayContiguity_Correct...}); the first field is the
 * test's class name.
 */
final class TestList {
    private TestList() {
    }

    static List<String> names(String testList) {
        List<String> names = new ArrayList<>();
        for (String line : testList.split("\n")) {
            if (!line.startsWith("JCTEST")) {
                continue;
            }
            int i = "JCTEST".length();
            int s = line.indexOf('S', i);
            if (s < 0) {
                throw new IllegalArgumentException("unreadable META-INF/TestList record: " + line);
            }
            int length = Integer.parseInt(line.substring(i, s));
            names.add(line.substring(s + 1, s + 1 + length));
        }
        return names;
    }
}
