package dev.qmiconn.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExecRunnerTest {

    private final ExecRunner runner = new ExecRunner();

    @Test
    void should_pass_arguments_verbatim_without_a_shell() {
        String hostile = "a'b\"c;$(id) `x` ${HOME} *";
        CommandResult r = runner.run(CommandSpec.of("printf", "%s|%s", hostile, ""));
        assertEquals(0, r.exitCode());
        assertEquals(hostile + "|", r.stdout());
    }

    @Test
    void should_capture_stdout_and_stderr_separately_with_exit_code() {
        CommandResult r = runner.run(CommandSpec.of("sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(3, r.exitCode());
        assertEquals("out\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertFalse(r.timedOut());
    }

    @Test
    void should_kill_a_program_that_outlives_its_timeout() {
        long start = System.nanoTime();
        CommandResult r = runner.run(CommandSpec.of("sleep", "30").withTimeout(Duration.ofMillis(300)));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }

    @Test
    void should_kill_a_program_that_ignores_the_sigterm_of_its_timeout() {
        long start = System.nanoTime();
        // like a qmicli whose SIGTERM handler waits for a device that never answers
        CommandResult r = runner.run(CommandSpec.of("sh", "-c", "trap '' TERM; exec sleep 60")
                .withTimeout(Duration.ofMillis(300)));
        assertTrue(r.timedOut());
        long took = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertTrue(took < 10, "SIGKILL after the grace, not 60 s later: " + took + " s");
    }

    @Test
    void should_leave_the_device_to_the_undoing_thread_after_cancel_others() throws Exception {
        java.util.concurrent.CompletableFuture<CommandResult> first = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<CommandResult> next = new java.util.concurrent.CompletableFuture<>();
        Thread flow = new Thread(() -> {
            first.complete(runner.run(CommandSpec.of("sleep", "30")));
            next.complete(runner.run(CommandSpec.of("true"))); // the interrupted flow's next step
        });
        flow.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!hasChild("sleep") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        runner.cancelOthers();
        CommandResult stopped = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertFalse(stopped.succeeded(), "the running program is stopped");
        CommandResult refused = next.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(ExecRunner.CANCELLED, refused.exitCode(), "another thread starts nothing after the cancel");
        assertEquals(0, runner.run(CommandSpec.of("true")).exitCode(), "the undoing thread still runs programs");
        flow.join(10_000);
    }

    private static boolean hasChild(String name) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.info().command().orElse("").endsWith("/" + name));
    }

    @Test
    void should_report_a_missing_program_as_exit_127() {
        CommandResult r = runner.run(CommandSpec.of("/nonexistent/qmicli", "--version"));
        assertEquals(127, r.exitCode());
        assertFalse(r.succeeded());
    }

    @Test
    void should_pass_stdin_and_extra_environment() {
        CommandResult r = runner.run(new CommandSpec(List.of("sh", "-c", "cat; printf %s \"$APN\""),
                Duration.ofSeconds(5), Map.of("APN", "fast.metropcs.com"), "in\n"));
        assertEquals("in\nfast.metropcs.com", r.stdout());
    }

    @Test
    void should_stop_a_background_program_by_pid() {
        BackgroundProcess p = runner.start(CommandSpec.of("sleep", "30"));
        assertTrue(p.isAlive());
        assertTrue(p.pid() > 0);
        p.stop(Duration.ofSeconds(2));
        assertFalse(p.isAlive());
    }
}
