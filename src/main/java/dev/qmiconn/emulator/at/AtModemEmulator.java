package dev.qmiconn.emulator.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.qmiconn.at.DhcpSettings;
import dev.qmiconn.emulator.InetUtil;

/**
 * The state of an emulated Huawei E397u-53 AT port and its answers, byte for byte as the firmware frames them
 * ({@code \r\nOK\r\n}, info lines between CR LF pairs, {@code COMMAND NOT SUPPORT} for unknown ^ commands).
 * Pure apart from the clock-free state; timing lives in {@link AtEmulatorServer}.
 */
public final class AtModemEmulator {

    private static final Pattern NDISDUP_UP = Pattern.compile("AT\\^NDISDUP=1,1,\"([^\"]*)\"(,.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final String CRLF = "\r\n";

    private final AtScenario scenario;
    private boolean echo;
    private int cmee;
    private int state; // ^NDISSTATQRY first field: 0 down, 1 up, 2 connecting
    private Integer cause;
    private long generation;
    private int commands;

    public AtModemEmulator(AtScenario scenario) {
        this.scenario = scenario;
        this.echo = scenario.echo();
    }

    public AtScenario scenario() {
        return scenario;
    }

    /** Whether the modem never answers this command line (it still echoes it). */
    public synchronized boolean silent(String line) {
        String upper = line.strip().toUpperCase(Locale.ROOT);
        return scenario.silent().stream().anyMatch(upper::startsWith);
    }

    public synchronized boolean echo() {
        return echo;
    }

    /** Number of command lines received so far. */
    public synchronized int commandsSeen() {
        return commands;
    }

    public synchronized boolean sessionUp() {
        return state == 1;
    }

    /**
     * The bytes answering one command line. {@code later} receives a task that must run after the scenario's
     * connect delay (the session coming up after NDISDUP's OK) and returns the unsolicited report it causes.
     */
    public synchronized String answer(String line, Consumer<java.util.function.Supplier<String>> later) {
        commands++;
        String cmd = line.strip();
        String upper = cmd.toUpperCase(Locale.ROOT);
        List<String> info = new ArrayList<>();
        String fin = "OK";
        if (upper.isEmpty()) {
            return "";
        } else if (scenario.unsupported().stream().anyMatch(upper::startsWith)) {
            fin = "COMMAND NOT SUPPORT";
        } else if (upper.equals("AT") || upper.startsWith("AT+CGMR") || upper.equals("AT+CMEE?")) {
            if (upper.startsWith("AT+CGMR")) {
                info.add("11.810.09.00.00");
            } else if (upper.equals("AT+CMEE?")) {
                info.add("+CMEE: " + cmee);
            }
        } else if (upper.equals("ATZ")) {
            echo = scenario.echo();
            cmee = 0;
        } else if (upper.matches("ATE[01]")) {
            echo = upper.endsWith("1");
        } else if (upper.matches("AT\\+CMEE=[012]")) {
            cmee = upper.charAt(8) - '0';
        } else if (upper.equals("ATI")) {
            info.addAll(List.of("Manufacturer: huawei", "Model: E397u-53", "Revision: 11.810.09.00.00",
                    "IMEI: 860000000000000", "+GCAP: +CGSM,+DS,+ES"));
        } else if (upper.equals("AT+CPIN?")) {
            if (scenario.sim() == AtScenario.Sim.ABSENT) {
                fin = cme(10);
            } else {
                info.add(scenario.sim() == AtScenario.Sim.READY ? "+CPIN: READY" : "+CPIN: SIM PIN");
            }
        } else if (upper.equals("AT+CSQ")) {
            info.add("+CSQ: " + scenario.rssi() + ",99");
        } else if (upper.equals("AT+COPS?")) {
            fin = simError();
            if (fin.equals("OK")) {
                info.add(scenario.registered() ? "+COPS: 0,0,\"AT&T\",7" : "+COPS: 0");
            }
        } else if (upper.equals("AT^NDISSTATQRY?")) {
            info.add("^NDISSTATQRY: " + state + "," + (cause == null ? "" : cause) + ",,\"IPV4\"");
        } else if (upper.equals("AT^DHCP?")) {
            if (state == 1) {
                info.add(dhcpLine(scenario.dhcp()));
            } else {
                fin = "ERROR";
            }
        } else if (upper.equals("AT^NDISDUP=1,0")) {
            state = 0;
            cause = null;
            generation++;
        } else if (NDISDUP_UP.matcher(cmd).matches()) {
            fin = ndisdup(cmd, later);
        } else if (upper.startsWith("AT^")) {
            fin = "COMMAND NOT SUPPORT";
        } else {
            fin = "ERROR";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < info.size(); i++) {
            sb.append(CRLF).append(info.get(i)).append(CRLF);
            if (scenario.unsolicited() && i == info.size() - 1) {
                sb.append(CRLF).append("^RSSI:").append(scenario.rssi()).append(CRLF); // mid-reply, as seen live
            }
        }
        return sb.append(CRLF).append(fin).append(CRLF).toString();
    }

    private String ndisdup(String cmd, Consumer<java.util.function.Supplier<String>> later) {
        Matcher m = NDISDUP_UP.matcher(cmd);
        m.matches();
        String error = simError();
        if (!error.equals("OK")) {
            return error;
        }
        if (!scenario.registered()) {
            return cme(30);
        }
        String apn = m.group(1);
        state = 2;
        cause = null;
        long mine = ++generation;
        later.accept(() -> settle(mine, scenario.apns().contains(apn)));
        return "OK";
    }

    private synchronized String settle(long gen, boolean accepted) {
        if (gen != generation) {
            return ""; // a later NDISDUP superseded this one
        }
        state = accepted ? 1 : 0;
        cause = accepted ? null : 33;
        return CRLF + "^NDISSTAT: " + state + "," + (cause == null ? "" : cause) + ",,\"IPV4\"" + CRLF;
    }

    private String simError() {
        return switch (scenario.sim()) {
            case ABSENT -> cme(10);
            case PIN_REQUIRED -> cme(11);
            default -> "OK";
        };
    }

    /** 27.007 +CMEE: 0 plain ERROR, 1 numeric, 2 verbose (Huawei spells the texts as 27.007 does). */
    private String cme(int code) {
        return switch (cmee) {
            case 1 -> "+CME ERROR: " + code;
            case 2 -> "+CME ERROR: " + switch (code) {
                case 10 -> "SIM not inserted";
                case 11 -> "SIM PIN required";
                case 30 -> "no network service";
                default -> "unknown";
            };
            default -> "ERROR";
        };
    }

    /** Little-endian hex without leading zeros, as the guide's capture shows ({@code 8080808} for 8.8.8.8). */
    static String dhcpLine(DhcpSettings d) {
        return "^DHCP:" + String.join(",", hex(d.address()), hex(d.netmask()), hex(d.gateway()),
                hex(d.dhcpServer()), hex(d.dns1()), hex(d.dns2()), Long.toString(d.maxRxBitsPerSecond()),
                Long.toString(d.maxTxBitsPerSecond()));
    }

    private static String hex(String dotted) {
        return Integer.toHexString(Integer.reverseBytes((int) InetUtil.ipv4(dotted)));
    }

    /** What the modem prints right after power-up on its AT port. */
    public String bootReport() {
        return scenario.unsolicited() ? CRLF + "^BOOT:20952548,0,0,0,72" + CRLF + CRLF + "^MODE:5,4" + CRLF : "";
    }
}
