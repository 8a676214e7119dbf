package dev.qmiconn.doctor;

import java.util.List;

/** Everything one {@code qmi-conn doctor} run found, in the order the checks ran. */
public record DoctorReport(String root, List<Finding> findings) {

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public Result worst() {
        Result worst = Result.OK;
        for (Finding f : findings) {
            worst = worst.worse(f.result());
        }
        return worst;
    }

    public long count(Result result) {
        return findings.stream().filter(f -> f.result() == result).count();
    }

    /** The first finding with this id, or null; tests and the JSON consumers look findings up by id. */
    public Finding find(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
