package com.aimabledocs.artifacts.adapters.rest.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.adapters.rest.download.ByteRangeHeader.Partial;
import com.aimabledocs.artifacts.adapters.rest.download.ByteRangeHeader.Unsatisfiable;
import com.aimabledocs.artifacts.adapters.rest.download.ByteRangeHeader.Whole;
import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Range header against a 1000-byte representation (RFC 9110, section 14). */
class ByteRangeHeaderTest {

    private static final long LENGTH = 1000;

    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource(delimiter = '|', value = {
            "bytes=0-99        | 0   | 99",
            "bytes=0-0         | 0   | 0",
            "bytes=500-999     | 500 | 999",
            "bytes=500-5000    | 500 | 999",   // last-pos past the end is clipped
            "bytes=999-        | 999 | 999",
            "bytes=100-        | 100 | 999",
            "bytes=-1          | 999 | 999",
            "bytes=-100        | 900 | 999",
            "bytes=-5000       | 0   | 999",   // suffix longer than the representation: all of it
            "BYTES=0-9         | 0   | 9",     // the unit is case-insensitive
            "'  bytes=0-9  '   | 0   | 9",     // surrounding whitespace is not part of the value
            "bytes=0-99999999999999999999999 | 0 | 999",
            "bytes=-99999999999999999999999  | 0 | 999",
            "bytes=000-009     | 0   | 9",
    })
    void givenSingleSatisfiableRange_isPartial(String header, long first, long last) {
        assertThat(ByteRangeHeader.evaluate(header, LENGTH)).isEqualTo(new Partial(new ByteRange(first, last)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-1001", "bytes=5000-6000", "bytes=-0", "bytes=-000",
            "bytes=99999999999999999999999-"})
    void givenRangeOutsideTheRepresentation_isUnsatisfiable(String header) {
        assertThat(ByteRangeHeader.evaluate(header, LENGTH)).isEqualTo(new Unsatisfiable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes=", "bytes=a-b", "bytes=5-1", "bytes=1-2-3", "bytes 0-1", "bytes=0 - 1",
            "bytes=--1", "items=0-1", "bytes=0-1,", "bytes=,0-1", "bytes=0x10-20", "bytes=-", "0-99"})
    void givenSyntacticallyInvalidHeader_isIgnored(String header) {
        assertThat(ByteRangeHeader.evaluate(header, LENGTH)).isEqualTo(new Whole());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=0-1, 5-6", "bytes=-1,0-0", "bytes=0-1,2000-3000"})
    void givenSeveralRanges_isServedWhole(String header) {
        assertThat(ByteRangeHeader.evaluate(header, LENGTH)).isEqualTo(new Whole());
    }

    @Test
    void givenNoHeader_isWhole() {
        assertThat(ByteRangeHeader.evaluate(null, LENGTH)).isEqualTo(new Whole());
    }

    @Test
    void givenEmptyRepresentation_noRangeIsServedAsPartial() {
        assertThat(ByteRangeHeader.evaluate("bytes=0-", 0)).isEqualTo(new Unsatisfiable());
        assertThat(ByteRangeHeader.evaluate("bytes=0-0", 0)).isEqualTo(new Unsatisfiable());
        assertThat(ByteRangeHeader.evaluate("bytes=-10", 0)).isEqualTo(new Whole());
    }

    @Test
    void givenOneByteRepresentation_rangesStayWithinIt() {
        assertThat(ByteRangeHeader.evaluate("bytes=0-", 1)).isEqualTo(new Partial(new ByteRange(0, 0)));
        assertThat(ByteRangeHeader.evaluate("bytes=-1", 1)).isEqualTo(new Partial(new ByteRange(0, 0)));
        assertThat(ByteRangeHeader.evaluate("bytes=1-", 1)).isEqualTo(new Unsatisfiable());
    }
}
