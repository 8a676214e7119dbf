package dev.qmiconn.dns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The marker block ({@link DnsBlock}) in files: {@code file} puts it in resolv.conf (nothing manages that file,
 * so it stays until down); {@code dhcpcd} puts it in resolv.conf.head too, because dhcpcd's 20-resolv.conf hook
 * (when no resolvconf is installed) rebuilds resolv.conf from resolv.conf.head plus its own leases at each of its
 * events: the head keeps the servers across those rewrites, the block in resolv.conf gives them now, without
 * waiting for dhcpcd's next event. The user's own lines in both files stay.
 */
final class FileBackend implements DnsBackend {

    @Override
    public List<String> apply(DnsRecord r) {
        for (String f : r.files()) {
            if (f.endsWith(".head")) {
                DnsBlock.apply(Path.of(f), r.tag(), r.servers());
            } else {
                DnsBlock.applyFirst(Path.of(f), r.tag(), r.servers());
            }
        }
        List<String> said = new ArrayList<>();
        if (r.mode() == DnsMode.DHCPCD) {
            said.add("dhcpcd: " + String.join(" ", r.servers()) + " are in " + String.join(" and ", r.files())
                    + " (dhcpcd's hook copies resolv.conf.head into every resolv.conf it writes)");
        } else {
            said.add("NOTE: no resolver manager found, so qmi-conn wrote " + String.join(" ", r.servers())
                    + " straight into " + String.join(" and ", r.files()) + " between '# BEGIN qmi-conn' markers; "
                    + "anything that rewrites that file later drops them (qmi-conn doctor names the owner)");
        }
        return said;
    }

    @Override
    public List<String> revert(DnsRecord r) {
        List<String> problems = new ArrayList<>();
        for (String f : r.files()) {
            try {
                DnsBlock.remove(Path.of(f), r.tag());
            } catch (RuntimeException e) {
                problems.add("DNS block in " + f + ": " + e.getMessage());
            }
        }
        return problems;
    }
}
