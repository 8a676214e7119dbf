package dev.qmiconn.doctor;

/**
 * The report for people: one aligned line per check, the fix indented below it, and a summary.
 * <pre>
 * ok    usb-modem         Huawei E397u-53 or another Huawei modem in modem mode (12d1:1506 at USB 1-1.3)
 * fail  qmicli            qmicli is not installed (libqmi's command line tool)
 *                         fix: sudo apt install libqmi-utils
 *
 * 1 failure, 0 warnings, 11 ok
 * </pre>
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(DoctorReport report) {
        int idWidth = report.findings().stream().mapToInt(f -> f.id().length()).max().orElse(0);
        String indent = " ".repeat(6 + idWidth + 2);
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            sb.append(String.format("%-6s%-" + (idWidth + 2) + "s%s%n", f.result().word(), f.id(), f.why()));
            if (!f.fix().isEmpty() && f.result() != Result.OK) {
                sb.append(indent).append("fix: ").append(f.fix()).append(System.lineSeparator());
            }
        }
        long fails = report.count(Result.FAIL);
        long warns = report.count(Result.WARN);
        sb.append(System.lineSeparator())
                .append(fails).append(fails == 1 ? " failure, " : " failures, ")
                .append(warns).append(warns == 1 ? " warning, " : " warnings, ")
                .append(report.count(Result.OK)).append(" ok").append(System.lineSeparator());
        return sb.toString();
    }
}
