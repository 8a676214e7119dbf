package dev.qmiconn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.qmiconn.config.Validation;
import dev.qmiconn.connect.DurationParser;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.settings.ConfigKey;
import dev.qmiconn.settings.DeviceConfig;
import dev.qmiconn.settings.DeviceConfigFile;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code --config FILE} of {@code up}, {@code watch} and {@code ensure} (a picocli mixin): the device's config
 * file fills in every option the command line left out, so a PIN or password never has to be on argv.
 */
public final class ConfigFileOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (KEY=value; see man qmi-conn-generate-config). Default: "
                    + "/etc/qmi-conn/DEVICE.conf when it exists, e.g. cdc-wdm0.conf; options given here win.")
    Path file;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "/etc/qmi-conn", hidden = true,
            description = "Where DEVICE.conf is looked for (tests).")
    Path dir;

    /**
     * Reads the config of {@code device} and sets every option of {@code command} that the user did not give
     * and the file holds; returns what was read (empty when there is no file).
     */
    public DeviceConfig applyTo(CommandSpec command, String device) {
        DeviceConfig config = file != null ? DeviceConfigFile.load(file)
                : DeviceConfigFile.loadIfPresent(dir, Validation.device(device));
        ParseResult given = command.commandLine().getParseResult();
        for (Map.Entry<ConfigKey, DeviceConfig.Setting> e : config.settings().entrySet()) {
            ConfigKey key = e.getKey();
            String value = e.getValue().value();
            OptionSpec option = key.option() == null ? null : command.findOption(key.option());
            if (option == null) {
                if (key == ConfigKey.METHOD && !"qmi".equals(value)) {
                    throw new QmiConnException(ExitCode.BAD_INPUT, config.where(key) + ": METHOD=" + value
                            + ": '" + command.name() + "' supports only METHOD=qmi");
                }
                continue; // e.g. POLL for up: a setting of another command
            }
            if (!given.hasMatchedOption(option)) {
                option.setValue(typed(option, value));
            }
        }
        return config;
    }

    /** The checked text as the option's field holds it. */
    private static Object typed(OptionSpec option, String value) {
        Class<?> type = option.type();
        if (type == String.class) {
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            return "yes".equals(value);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Duration.class) {
            return DurationParser.parse(value);
        }
        if (type == Path.class) {
            return Path.of(value);
        }
        throw new IllegalStateException(option.longestName() + ": no conversion for config values of " + type);
    }
}
