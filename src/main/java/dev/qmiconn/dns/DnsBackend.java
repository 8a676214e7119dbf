package dev.qmiconn.dns;

import java.util.List;

/** One way of handing the session's servers to the system's resolver, and of taking them back. */
interface DnsBackend {

    /** Hands the servers over; returns what a person needs to read (where they went, anything to do). */
    List<String> apply(DnsRecord r);

    /** Takes them back; returns what could not be undone (empty when all went well). */
    List<String> revert(DnsRecord r);
}
