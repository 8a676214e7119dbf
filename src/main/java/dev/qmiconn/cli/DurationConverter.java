package dev.qmiconn.cli;

import java.time.Duration;

import dev.qmiconn.connect.DurationParser;

import picocli.CommandLine.ITypeConverter;

/** picocli converter for every DURATION option: {@link DurationParser}'s words and one-line errors. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return DurationParser.parse(value);
    }
}
