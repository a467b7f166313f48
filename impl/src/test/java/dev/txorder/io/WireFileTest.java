package dev.txorder.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.txorder.Indicator;
import dev.txorder.nic.RecordingWire;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireFileTest {

    @Test
    void shouldWriteOneLinePerPacketInWireOrderWithTheCliHeader() throws IOException {
        RecordingWire wire = new RecordingWire(4);
        wire.transmit(1, 1, 1, 1, 0, Indicator.CURRENT, 0x00005e005301L, 0, 0b10);
        wire.transmit(1, 2, 1, 1, 0, Indicator.NEXT, 0x00005e005301L, 0, 0b10);
        wire.transmit(Long.MAX_VALUE, 7, 255, 63, 1023, Indicator.NONE, 0xABCDEF012345L, -1, 0b1);
        StringWriter out = new StringWriter();
        WireFile.write(wire, out);
        assertThat(out.toString()).isEqualTo("""
                seq,request,packet,priority,group,queue,indicator,dst_mac
                0,1,1,1,1,0,CURRENT,00:00:5e:00:53:01
                1,1,2,1,1,0,NEXT,00:00:5e:00:53:01
                2,9223372036854775807,7,255,63,1023,-,ab:cd:ef:01:23:45
                """);
    }

    @Test
    void shouldWriteOnlyTheHeaderForAnEmptyWire() throws IOException {
        StringWriter out = new StringWriter();
        WireFile.write(new RecordingWire(), out);
        assertThat(out.toString()).isEqualTo(WireFile.HEADER + "\n");
    }

    @Test
    void shouldWriteAFileThatReadsBackLineForLine(@TempDir Path dir) throws IOException {
        RecordingWire wire = new RecordingWire(16);
        for (int i = 0; i < 1000; i++) {
            wire.transmit(i / 3, i % 3 + 1, i % 8, i % 2, i % 4, i % 3 == 2 ? Indicator.NEXT : Indicator.CURRENT,
                    i, i, 1);
        }
        Path f = dir.resolve("w.csv");
        WireFile.write(wire, f);
        var lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(1000)).isEqualTo("999,333,1,7,1,3,CURRENT,00:00:00:00:03:e7");
    }
}
