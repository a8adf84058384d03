package org.ndsw.cli;

import java.math.BigDecimal;
import java.util.Locale;
import org.ndsw.Quote;
import picocli.CommandLine;

/**
 * Parses counts written raw or with a suffix: 855770, 20M, 0.856M, 0.129B (k = 1e3, M = 1e6, B or G = 1e9).
 *
 * <p>The paper writes params in millions and flops in billions ("0.856M", "0.129B"); both forms are accepted.
 */
public final class CountConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** Parses one count; throws a picocli type conversion error naming the value on bad input. */
    public static long parse(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            throw new CommandLine.TypeConversionException("expected a count such as 855770, 0.856M or 0.129B, got \"\"");
        }
        char last = Character.toUpperCase(v.charAt(v.length() - 1));
        BigDecimal scale = switch (last) {
            case 'K' -> BigDecimal.valueOf(1_000L);
            case 'M' -> BigDecimal.valueOf(1_000_000L);
            case 'B', 'G' -> BigDecimal.valueOf(1_000_000_000L);
            default -> BigDecimal.ONE;
        };
        String number = scale.equals(BigDecimal.ONE) ? v : v.substring(0, v.length() - 1);
        BigDecimal count;
        try {
            count = new BigDecimal(number).multiply(scale);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "expected a count such as 855770, 0.856M or 0.129B, got " + Quote.of(value));
        }
        if (count.signum() < 0) {
            throw new CommandLine.TypeConversionException("a count must not be negative, got " + Quote.of(value));
        }
        try {
            return count.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new CommandLine.TypeConversionException(String.format(Locale.ROOT,
                    "\"%s\" is %s, not a whole count", value, count.toPlainString()));
        }
    }
}
