package dev.qmiconn.cli.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.qmiconn.cli.UpOptions;
import dev.qmiconn.cli.WatchOptionsMixin;
import dev.qmiconn.cli.at.AtPortOptions;
import dev.qmiconn.config.Validation;
import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;
import dev.qmiconn.generate.DeviceConfigRenderer;
import dev.qmiconn.settings.ConfigKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code qmi-conn generate config}: the per-device settings file that up, watch, ensure and the unit read. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Render /etc/qmi-conn/DEVICE.conf from up's and watch's options: KEY=value lines, one per "
                + "option given (the defaults apply to the others). up, watch and ensure read the file of "
                + "their --device when it exists; options on their command line win.",
                "Each option below is one key, named as the option in capitals with '_' for '-' (--ip-type is "
                        + "IP_TYPE), except --user (APN_USER), --password (APN_PASS) and --port (AT_PORT); flags "
                        + "are yes|no. The file is never run by a shell; unknown keys and bad values are refused "
                        + "with the file and line. Keys: /usr/share/doc/qmi-conn/CONFIG.md.",
                "Prints the file unless --out is given; --out writes it atomically, readable by root only "
                        + "(mode 0600), e.g. --out /etc/qmi-conn/cdc-wdm0.conf."})
public final class GenerateConfigCommand implements Runnable {

    /** Options of this command that are not settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("--device", "--out", "--force");

    @Spec
    CommandSpec spec;

    @Mixin
    UpOptions up;

    @Mixin
    WatchOptionsMixin watch;

    @Option(names = "--method", paramLabel = "qmi|at", description = "qmi (default) or at, as up's --method.")
    String method;

    @Mixin
    AtPortOptions atPort;

    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        ParseResult given = spec.commandLine().getParseResult();
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (OptionSpec option : given.matchedOptions()) {
            String name = option.longestName();
            if (NOT_SETTINGS.contains(name)) {
                continue;
            }
            ConfigKey key = ConfigKey.forOption(name).orElseThrow(() -> new QmiConnException(ExitCode.BAD_INPUT,
                    name + " has no key in the config file: give it to the command itself"));
            values.put(key, key.check(typed(given, option)));
        }
        String device = Validation.device(given.matchedOptionValue("--device", "/dev/cdc-wdm0"));
        output.emit(DeviceConfigRenderer.render(device, values), true, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** The text as typed (its last occurrence); a flag reads as yes. */
    private static String typed(ParseResult given, OptionSpec option) {
        if (option.arity().max() == 0) {
            return "yes";
        }
        List<String> values = given.matchedOption(option.longestName()).originalStringValues();
        return values.get(values.size() - 1);
    }
}
