package dev.txorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @Test
    void shouldParseSixHexOctetsIntoTheLow48Bits() {
        assertThat(TxRequest.parseMac("00:a0:C9:14:c8:3E", "dst_mac")).isEqualTo(0x00A0C914C83EL);
        assertThat(TxRequest.parseMac(" ff:ff:ff:ff:ff:ff ", "dst_mac")).isEqualTo(0xFFFF_FFFF_FFFFL);
    }

    @Test
    void shouldFormatBackToLowerCaseColonNotation() {
        long mac = TxRequest.parseMac("02:00:5E:10:00:0e", "dst_mac");

        assertThat(TxRequest.formatMac(mac)).isEqualTo("02:00:5e:10:00:0e");
        assertThat(TxRequest.parseMac(TxRequest.formatMac(mac), "dst_mac")).isEqualTo(mac);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00:a0:c9:14:c8", "00:a0:c9:14:c8:3e:01", "00-a0-c9-14-c8-3e", "0:a0:c9:14:c8:3e",
            "00:a0:c9:14:c8:3g", "000:a0:c9:14:c8:3", "00:a0:c9:14:c8:+e"})
    void shouldRejectMalformedMacNamingTheFieldItCameFrom(String text) {
        assertThatThrownBy(() -> TxRequest.parseMac(text, "dst_mac"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("dst_mac"))
                .hasMessageContaining("is not a MAC address aa:bb:cc:dd:ee:ff");
    }

    @Test
    void shouldRejectNullMac() {
        assertThatThrownBy(() -> TxRequest.parseMac(null, "dst_mac")).isInstanceOf(InvalidInputException.class);
    }
}
