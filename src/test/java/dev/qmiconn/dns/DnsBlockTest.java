package dev.qmiconn.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.qmiconn.error.ExitCode;
import dev.qmiconn.error.QmiConnException;

/** resolv.conf.head as users leave it: hand-edited markers, CRLF, no final newline. Their lines always survive. */
class DnsBlockTest {

    private static final String TAG = "cdc-wdm0";
    private static final String BEGIN = DnsBlock.begin(TAG);
    private static final String END = DnsBlock.end(TAG);

    @TempDir
    Path tmp;

    @Test
    void should_refuse_to_add_a_block_after_a_begin_without_end_and_leave_the_file_as_it_was() throws Exception {
        Path head = tmp.resolve("resolv.conf.head");
        String user = "nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.1\nsearch lan\nnameserver 9.9.9.9\n";
        Files.writeString(head, user);

        QmiConnException e = assertThrows(QmiConnException.class, () -> DnsBlock.apply(head, TAG, List.of("10.0.0.2")));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("malformed qmi-conn block in " + head + " line 2: '" + BEGIN + "' has no '" + END
                + "' after it; fix or remove that line by hand", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(QmiConnException.class, () -> DnsBlock.check(head, TAG));
        assertEquals(user, Files.readString(head), "nothing written, no user line lost");
    }

    @Test
    void should_let_remove_pass_over_a_begin_without_end_it_never_wrote() throws Exception {
        Path head = tmp.resolve("resolv.conf.head");
        String user = "nameserver 1.1.1.1\n" + BEGIN + "\nsearch lan\n" + BEGIN + "\nnameserver 10.0.0.1\n" + END + "\n";
        Files.writeString(head, user);

        DnsBlock.remove(head, TAG);

        assertEquals("nameserver 1.1.1.1\n" + BEGIN + "\nsearch lan\n", Files.readString(head),
                "the complete block goes; the lone BEGIN and the line after it stay");
    }

    @Test
    void should_refuse_a_begin_whose_end_comes_only_after_a_second_begin() {
        String text = BEGIN + "\nsearch lan\n" + BEGIN + "\nnameserver 10.0.0.1\n" + END + "\n";

        QmiConnException e = assertThrows(QmiConnException.class, () -> DnsBlock.render(text, TAG, List.of("10.0.0.2")));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(" line 1: "), e.getMessage());
    }

    @Test
    void should_accept_an_end_marker_with_trailing_whitespace() {
        String text = "nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.1\n" + END + "  \t\nsearch lan\n";

        assertEquals("nameserver 1.1.1.1\nsearch lan\n", DnsBlock.strip(text, TAG));
        assertEquals("nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.2\n" + END + "\nsearch lan\n",
                DnsBlock.render(text, TAG, List.of("10.0.0.2")));
    }

    @Test
    void should_find_the_block_in_a_crlf_file_and_keep_the_users_lines_byte_for_byte() {
        String text = "nameserver 1.1.1.1\r\n" + BEGIN + "\r\nnameserver 10.0.0.1\r\n" + END + "\r\nsearch lan\r\n";

        assertEquals("nameserver 1.1.1.1\r\nsearch lan\r\n", DnsBlock.strip(text, TAG));
    }

    @Test
    void should_replace_duplicate_blocks_by_one_where_the_first_was() {
        String block = BEGIN + "\nnameserver 10.0.0.1\n" + END + "\n";
        String text = "nameserver 1.1.1.1\n" + block + "search lan\n" + block + "options rotate\n";

        assertEquals("nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.9\n" + END + "\nsearch lan\noptions rotate\n",
                DnsBlock.render(text, TAG, List.of("10.0.0.9")));
        assertEquals("nameserver 1.1.1.1\nsearch lan\noptions rotate\n", DnsBlock.strip(text, TAG));
    }

    @Test
    void should_keep_a_last_line_without_newline_and_add_none() throws Exception {
        String withBlock = DnsBlock.render("nameserver 1.1.1.1", TAG, List.of("10.0.0.1"));

        assertEquals("nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.1\n" + END, withBlock);
        assertEquals("nameserver 1.1.1.1", DnsBlock.strip(withBlock, TAG));
        assertEquals("nameserver 1.1.1.1\nsearch lan",
                DnsBlock.strip("nameserver 1.1.1.1\n" + BEGIN + "\nnameserver 10.0.0.1\n" + END + "\nsearch lan", TAG));
        assertEquals(BEGIN + "\nnameserver 10.0.0.1\n" + END + "\n", DnsBlock.render("", TAG, List.of("10.0.0.1")));
    }

    @Test
    void should_bring_back_a_latin1_head_byte_for_byte() throws Exception {
        Path head = tmp.resolve("resolv.conf.head");
        byte[] user = "# caf\u00e9 \u00fcber\nnameserver 1.1.1.1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(head, user);

        DnsBlock.check(head, TAG);
        DnsBlock.apply(head, TAG, List.of("10.0.0.1"));
        byte[] up = Files.readAllBytes(head);
        DnsBlock.remove(head, TAG);

        assertEquals(user.length + (BEGIN + "\nnameserver 10.0.0.1\n" + END + "\n").length(), up.length);
        org.junit.jupiter.api.Assertions.assertArrayEquals(user, Files.readAllBytes(head));
    }

    @Test
    void should_refuse_a_directory_up_front_in_one_line() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("resolv.conf.head"));

        QmiConnException e = assertThrows(QmiConnException.class, () -> DnsBlock.check(dir, TAG));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("cannot read " + dir + ": Is a directory", e.getMessage());
    }

    @Test
    void should_name_the_file_in_one_line_when_its_path_is_unusable() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x\n");
        Path head = notADir.resolve("resolv.conf.head");

        QmiConnException e = assertThrows(QmiConnException.class, () -> DnsBlock.apply(head, TAG, List.of("10.0.0.1")));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals("cannot read " + head + ": Not a directory", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void should_put_a_new_block_before_the_first_nameserver_of_resolv_conf_and_keep_an_existing_one_in_place() {
        String user = "# mine\nsearch lan\nnameserver 192.168.1.1\noptions timeout:1\n";
        String first = DnsBlock.renderFirst(user, TAG, List.of("10.0.0.53"));
        assertEquals("# mine\nsearch lan\n" + DnsBlock.begin(TAG) + "\nnameserver 10.0.0.53\n" + DnsBlock.end(TAG)
                + "\nnameserver 192.168.1.1\noptions timeout:1\n", first);
        String moved = "nameserver 192.168.1.1\n" + DnsBlock.begin(TAG) + "\nnameserver 10.0.0.1\n" + DnsBlock.end(TAG)
                + "\n";
        assertEquals("nameserver 192.168.1.1\n" + DnsBlock.begin(TAG) + "\nnameserver 10.0.0.53\n" + DnsBlock.end(TAG)
                + "\n", DnsBlock.renderFirst(moved, TAG, List.of("10.0.0.53")));
        assertEquals(user, DnsBlock.strip(first, TAG));
        assertEquals("search lan\n" + DnsBlock.begin(TAG) + "\nnameserver 10.0.0.53\n" + DnsBlock.end(TAG) + "\n",
                DnsBlock.renderFirst("search lan\n", TAG, List.of("10.0.0.53")));
    }
}
