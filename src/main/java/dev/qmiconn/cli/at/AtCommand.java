package dev.qmiconn.cli.at;

import picocli.CommandLine.Command;

/** {@code qmi-conn at}: talk to a Huawei modem over its AT port; the work is in the subcommands. */
@Command(name = "at", mixinStandardHelpOptions = true,
        description = "Huawei AT port: send commands, connect with ^NDISDUP, decode ^DHCP.",
        subcommands = {
                AtSendCommand.class,
                AtStatusCommand.class,
                AtConnectCommand.class,
                AtDisconnectCommand.class,
                AtDecodeDhcpCommand.class,
        })
public final class AtCommand {
}
