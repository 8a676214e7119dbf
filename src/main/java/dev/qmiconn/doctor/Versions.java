package dev.qmiconn.doctor;

/** Compares dotted version numbers ({@code 2.5.0} vs {@code 2.6.1}); non-numeric tails are ignored. */
final class Versions {

    private Versions() {
    }

    static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? x[i] : 0;
            int q = i < y.length ? y[i] : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    static boolean atLeast(String version, String minimum) {
        return compare(version, minimum) >= 0;
    }

    private static int[] parts(String v) {
        String[] raw = v.split("\\.");
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String digits = raw[i].replaceAll("^(\\d*).*$", "$1");
            out[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits.length() > 9 ? digits.substring(0, 9) : digits);
        }
        return out;
    }
}
