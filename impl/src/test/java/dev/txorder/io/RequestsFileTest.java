package dev.txorder.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.txorder.InvalidInputException;
import dev.txorder.audit.SendHistory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestsFileTest {
    private static final int PRIORITIES = 8;
    private static final int RING = 16;

    private static SendHistory read(String csv) throws IOException {
        return RequestsFile.read(new StringReader(csv), "r.csv", PRIORITIES, RING);
    }

    private static InvalidInputException rejected(String csv) {
        try {
            read(csv);
        } catch (InvalidInputException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted:\n" + csv);
    }

    @Test
    void shouldReadEveryColumnInFileOrder() throws IOException {
        SendHistory h = read("""
                request,cpu,priority,dst_mac,packets,flow
                7,1,5,00:00:5E:00:53:0e,3,42
                3,0,0,ff:ff:ff:ff:ff:ff,1,
                """);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.id(0)).isEqualTo(7);
        assertThat(h.cpu(0)).isEqualTo(1);
        assertThat(h.priority(0)).isEqualTo(5);
        assertThat(h.dstMac(0)).isEqualTo(0x00005e00530eL);
        assertThat(h.packets(0)).isEqualTo(3);
        assertThat(h.flow(0)).isEqualTo(42);
        assertThat(h.id(1)).isEqualTo(3);
        assertThat(h.flow(1)).as("an empty flow defaults to the MAC").isEqualTo(0xffffffffffffL);
    }

    @Test
    void shouldDefaultTheFlowToTheDestinationMacWhenTheColumnIsAbsent() throws IOException {
        SendHistory h = read("request,cpu,priority,dst_mac,packets\r\n0,0,0,00:00:00:00:01:02,1\r\n\r\n");
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.flow(0)).isEqualTo(0x0102L);
    }

    @Test
    void shouldAcceptAByteOrderMarkAndPaddedFields() throws IOException {
        SendHistory h = read("\uFEFFrequest, cpu ,priority,dst_mac,packets\n 4 , 2 , 1 , 00:00:00:00:00:0a , 2 \n");
        assertThat(h.id(0)).isEqualTo(4);
        assertThat(h.cpu(0)).isEqualTo(2);
        assertThat(h.packets(0)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown column            | request,cpu,prio,dst_mac,packets                    | header   | line 1: unknown column 'prio'
            missing column            | request,cpu,priority,dst_mac                        | header   | line 1: missing column 'packets'
            columns out of order      | cpu,request,priority,dst_mac,packets                | header   | line 1: column 'cpu' is column 1 but must be column 2
            extra column              | request,cpu,priority,dst_mac,packets,flow,x         | header   | line 1: unknown column 'x'
            """)
    void shouldRejectABadHeaderNamingTheColumn(String why, String header, String field, String message) {
        InvalidInputException e = rejected(header + "\n0,0,0,00:00:00:00:00:01,1\n");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains("r.csv " + message).contains("request,cpu,priority,dst_mac,packets[,flow]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            too few fields         | 1,0,0,00:00:00:00:00:01                 | columns  | 4 fields but the header has 5
            too many fields        | 1,0,0,00:00:00:00:00:01,1,9             | columns  | 6 fields but the header has 5
            request not an id      | x 1,0,0,00:00:00:00:00:01,1             | request  | 'x 1' is not an id; allowed: a whole number 0..2^63-1, or a name
            request negative       | -1,0,0,00:00:00:00:00:01,1              | request  | '-1' is not an id
            request empty          | ,0,0,00:00:00:00:00:01,1                | request  | empty
            request too large      | 99999999999999999999,0,0,00:00:00:00:00:01,1 | request | too large
            cpu out of range       | 1,1024,0,00:00:00:00:00:01,1            | cpu      | 1024 is too large; allowed 0..1023
            cpu negative           | 1,-2,0,00:00:00:00:00:01,1              | cpu      | -2 is negative; allowed 0..1023
            priority too high      | 1,0,8,00:00:00:00:00:01,1               | priority | 8 is too large; allowed 0..7 (the layout's priorities)
            priority decimal       | 1,0,1.5,00:00:00:00:00:01,1             | priority | '1.5' is not a whole number
            mac short              | 1,0,0,00:00:00:00:01,1                  | dst_mac  | '00:00:00:00:01' is not a MAC address; allowed aa:bb:cc:dd:ee:ff
            mac dashes             | 1,0,0,00-00-00-00-00-01,1               | dst_mac  | is not a MAC address
            mac not hex            | 1,0,0,00:00:00:00:00:0g,1               | dst_mac  | is not a MAC address
            packets zero           | 1,0,0,00:00:00:00:00:01,0               | packets  | 0 packets; allowed 1..16 (the ring size)
            packets over the ring  | 1,0,0,00:00:00:00:00:01,17              | packets  | 17 is too large; allowed 1..16 (the ring size)
            packets negative       | 1,0,0,00:00:00:00:00:01,-3              | packets  | -3 is negative
            """)
    void shouldRejectABadFieldNamingTheFieldAndLine(String why, String row, String field, String message) {
        InvalidInputException e = rejected("request,cpu,priority,dst_mac,packets\n0,0,0,00:00:00:00:00:01,1\n" + row + "\n");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith(field + ": r.csv line 3: ").contains(message).doesNotContain("\n");
    }

    @Test
    void shouldRejectAFlowThatIsNotANonNegativeInteger() {
        InvalidInputException e = rejected("request,cpu,priority,dst_mac,packets,flow\n1,0,0,00:00:00:00:00:01,1,abc\n");
        assertThat(e.field()).isEqualTo("flow");
        assertThat(e.getMessage()).contains("line 2: 'abc' is not a whole number");
    }

    @Test
    void shouldRejectADuplicateRequestIdNamingBothLines() {
        InvalidInputException e = rejected("""
                request,cpu,priority,dst_mac,packets
                5,0,0,00:00:00:00:00:01,1

                5,1,0,00:00:00:00:00:02,1
                """);
        assertThat(e.field()).isEqualTo("request");
        assertThat(e.getMessage()).contains("r.csv line 4: id 5 is already used on line 2");
    }

    @Test
    void shouldRejectAnEmptyFileAndAHeaderWithoutRequests() {
        assertThat(rejected("").field()).isEqualTo("requests-file");
        assertThat(rejected("\n\n").getMessage()).contains("r.csv is empty");
        InvalidInputException e = rejected("request,cpu,priority,dst_mac,packets\n");
        assertThat(e.field()).isEqualTo("requests-file");
        assertThat(e.getMessage()).contains("no requests");
    }

    @Test
    void shouldValidateTheWholeFileBeforeReturningAnything() {
        // The bad line is the last one: reading must not hand back the good prefix.
        StringBuilder csv = new StringBuilder("request,cpu,priority,dst_mac,packets\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append(",0,0,00:00:00:00:00:01,1\n");
        }
        csv.append("1000,0,0,00:00:00:00:00:01,99\n");
        assertThat(rejected(csv.toString()).getMessage()).contains("line 1002");
    }

    @Test
    void shouldNameAMissingFileOrADirectory(@TempDir Path dir) {
        assertThatThrownBy(() -> RequestsFile.read(dir.resolve("nope.csv"), PRIORITIES, RING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("requests-file");
                    assertThat(e.getMessage()).contains("nope.csv does not exist");
                });
        assertThatThrownBy(() -> RequestsFile.read(dir, PRIORITIES, RING))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("is a directory"));
    }

    @Test
    void shouldReadAFileFromDisk(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, "request,cpu,priority,dst_mac,packets\n9,3,2,00:00:00:00:00:03,4\n", StandardCharsets.UTF_8);
        SendHistory h = RequestsFile.read(f, PRIORITIES, RING);
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.packets(0)).isEqualTo(4);
    }

    /** Ids as users write them: names are kept for reports, and requests numbered in file order. */
    @Test
    void shouldAcceptNamesAsRequestIdsAndKeepThemForReports() throws IOException {
        SendHistory h = read("""
                request,cpu,priority,dst_mac,packets
                r1,0,0,00:00:00:00:00:01,1
                req-0007,1,0,00:00:00:00:00:02,2
                42,0,0,00:00:00:00:00:03,1
                """);
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.id(1)).isEqualTo(1);
        assertThat(h.nameOf(0)).isEqualTo("r1");
        assertThat(h.nameOf(1)).isEqualTo("req-0007");
        assertThat(h.nameOf(2)).as("a number among names is a name too").isEqualTo("42");
        assertThat(h.packets(1)).isEqualTo(2);

        assertThat(rejected("request,cpu,priority,dst_mac,packets\nr1,0,0,00:00:00:00:00:01,1\nr1,1,0,00:00:00:00:00:02,1\n")
                .getMessage()).contains("line 3: id r1 is already used on line 2");
        SendHistory numbers = read("request,cpu,priority,dst_mac,packets\n7,0,0,00:00:00:00:00:01,1\n");
        assertThat(numbers.id(0)).isEqualTo(7);
        assertThat(numbers.nameOf(7)).isEqualTo("7");
    }

    /** CSV as spreadsheets and scripts write it: quoted fields, comments, and errors on the file's own lines. */
    @Test
    void shouldReadQuotedFieldsAndCommentsAndReportTheFilesOwnLineNumbers() throws IOException {
        SendHistory h = read("""
                # requests for the FIG. 7 run
                request,cpu,priority,dst_mac,packets
                "r1",0,0,"00:00:00:00:00:01",2
                # a comment between requests
                r2 , 1 , 0 , 00:00:00:00:00:02 , 1
                """);
        assertThat(h.size()).isEqualTo(2);
        assertThat(h.nameOf(0)).isEqualTo("r1");
        assertThat(h.packets(0)).isEqualTo(2);

        InvalidInputException bad = rejected("# header next\nrequest,cpu,priority,dst_mac,packets\n# note\n"
                + "r1,0,0,00:00:00:00:00:01,1\nr2,0,9,00:00:00:00:00:01,1\n");
        assertThat(bad.getMessage()).startsWith("priority: r.csv line 5: 9 is too large");
        InvalidInputException open = rejected("request,cpu,priority,dst_mac,packets\n\"r1,0,0,00:00:00:00:00:01,1\n");
        assertThat(open.field()).isEqualTo("requests-file");
        assertThat(open.getMessage()).contains("r.csv: not valid CSV");
    }
}
