package dev.qmiconn.report;

/**
 * The one convention of every {@code --json} output (status, usage, doctor, at decode-dhcp), as mmcli's JSON:
 * field names in snake_case, the first field {@code schema_version}, operator codes (MCC/MNC) as strings with
 * their leading zeros. Each output decides its own field names in one place (its report/renderer class) and
 * documents them in docs/*-JSON.md; {@code JsonDocsTest} keeps docs and output equal.
 */
public final class JsonSchema {

    /** Raised when a field is renamed, removed or changes type; adding a field does not raise it. */
    public static final int VERSION = 1;

    public static final String FIELD = "schema_version";

    private JsonSchema() {
    }
}
