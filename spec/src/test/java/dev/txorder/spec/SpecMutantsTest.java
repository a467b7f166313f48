package dev.txorder.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link SpecMutants} says what {@code tla/Mutants.tla} says, so a mutant added to one is added to both. */
class SpecMutantsTest {
    @Test
    void shouldListExactlyTheMutantIdsOfTheSpecBesideNone() throws Exception {
        String module = Files.readString(Path.of("tla/Mutants.tla"));
        Matcher ids = Pattern.compile("MutantIds\\s*==\\s*\\{([^}]*)}").matcher(module);
        assertThat(ids.find()).as("MutantIds in Mutants.tla").isTrue();
        Set<String> names = Pattern.compile("\"([^\"]+)\"").matcher(ids.group(1)).results()
                .map(r -> r.group(1)).filter(n -> !n.equals("none")).collect(Collectors.toSet());

        assertThat(SpecMutants.NAMES).isEqualTo(names);
        assertThat(SpecMutants.allowed()).startsWith("M1, M2").endsWith("M9, M10, M11");
        assertThat(SpecMutants.expresses("M8")).isFalse();
    }

    /** Where a mutant's switch is read: SlotRing.tla for the ring-row mutants, TxOrder's modules for the rest. */
    @Test
    void shouldSwitchEachMutantInTheModuleItIsSaidToBeOf() throws Exception {
        String slotRing = Files.readString(Path.of("tla/SlotRing.tla"));
        StringBuilder txOrder = new StringBuilder();
        try (var modules = Files.list(Path.of("tla"))) {
            for (Path m : modules.filter(p -> p.toString().endsWith(".tla") && !p.endsWith("SlotRing.tla")).toList()) {
                txOrder.append(Files.readString(m));
            }
        }
        for (String m : SpecMutants.NAMES) {
            Pattern read = Pattern.compile("Mutant\\s*[#=]\\s*\"" + m + "\"");
            assertThat(read.matcher(slotRing).find()).as(m + " read in SlotRing.tla").isEqualTo(SpecMutants.OF_SLOT_RING.contains(m));
            assertThat(read.matcher(txOrder).find()).as(m + " read in TxOrder's modules").isEqualTo(SpecMutants.inTxOrder(m));
        }
        assertThat(SpecMutants.allowedInTxOrder()).doesNotContain("M10").endsWith("M9, M11");
    }
}
